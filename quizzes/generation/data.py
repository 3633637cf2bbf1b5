"""Small curated lists for wrong options when the article itself has too few of the answer's kind.

Lists are written as "|"-separated strings so they stay compact whatever the formatter does."""

# Countries and cities by part of the world. A wrong option for a place comes from the answer's own part of
# the world (or, for a place not listed, the article's): Baghdad and Erbil for Mosul, not Delhi and Dublin,
# which give the answer away.
PLACES_BY_REGION = {
    "the Middle East": (
        "Iran|Iraq|Israel|Jordan|Kuwait|Lebanon|Qatar|Saudi Arabia|Syria|Turkey|the United Arab Emirates|"
        "Yemen",
        "Aleppo|Amman|Ankara|Baghdad|Basra|Beirut|Damascus|Doha|Dubai|Erbil|Fallujah|Homs|Istanbul|"
        "Jerusalem|Kirkuk|Mosul|Raqqa|Riyadh|Tehran|Tel Aviv|Tikrit",
    ),
    "Europe": (
        "Austria|Belgium|Denmark|Finland|France|Germany|Greece|Ireland|Italy|the Netherlands|Norway|"
        "Poland|Portugal|Russia|Spain|Sweden|Switzerland|Ukraine|the United Kingdom",
        "Amsterdam|Athens|Berlin|Brussels|Budapest|Dublin|Geneva|Kyiv|Lisbon|London|Madrid|Manchester|"
        "Milan|Moscow|Munich|Oslo|Paris|Prague|Rome|Stockholm|Vienna|Warsaw",
    ),
    "Africa": (
        "Algeria|Egypt|Ethiopia|Ghana|Kenya|Libya|Morocco|Nigeria|Somalia|South Africa|Sudan|Tanzania|Uganda",
        "Abuja|Accra|Addis Ababa|Cairo|Cape Town|Casablanca|Dakar|Johannesburg|Khartoum|Lagos|Mogadishu|"
        "Nairobi|Tripoli",
    ),
    "South Asia": (
        "Afghanistan|Bangladesh|India|Nepal|Pakistan|Sri Lanka",
        "Colombo|Delhi|Dhaka|Islamabad|Kabul|Karachi|Kathmandu|Kolkata|Lahore|Mumbai",
    ),
    "East Asia": (
        "China|Indonesia|Japan|Malaysia|the Philippines|Singapore|South Korea|Thailand|Vietnam",
        "Bangkok|Beijing|Hanoi|Hong Kong|Jakarta|Kuala Lumpur|Manila|Osaka|Seoul|Shanghai|Taipei|Tokyo",
    ),
    "North America": (
        "Canada|Mexico|the United States",
        "Boston|Chicago|Los Angeles|Mexico City|Miami|Montreal|New York|San Francisco|Seattle|Toronto|"
        "Vancouver|Washington",
    ),
    "South America": (
        "Argentina|Brazil|Chile|Colombia|Peru|Venezuela",
        "Bogotá|Buenos Aires|Caracas|Lima|Rio de Janeiro|Santiago|São Paulo",
    ),
    "Oceania": (
        "Australia|Fiji|New Zealand|Papua New Guinea",
        "Auckland|Brisbane|Melbourne|Perth|Sydney|Wellington",
    ),
}
COUNTRIES_BY_REGION = {
    region: tuple(countries.split("|")) for region, (countries, _) in PLACES_BY_REGION.items()
}
CITIES_BY_REGION = {region: tuple(cities.split("|")) for region, (_, cities) in PLACES_BY_REGION.items()}
COUNTRIES = tuple(name for names in COUNTRIES_BY_REGION.values() for name in names)
CITIES = tuple(name for names in CITIES_BY_REGION.values() for name in names)
REGION_OF = {
    name: region
    for by_region in (COUNTRIES_BY_REGION, CITIES_BY_REGION)
    for region, names in by_region.items()
    for name in names
}
REGIONS = tuple(
    "Europe|Asia|Africa|North America|South America|the Middle East|Scandinavia|the Balkans|"
    "Central Asia|the Caribbean".split("|")
)
NATIONALITIES = tuple(
    "American|Australian|British|Canadian|Chinese|Dutch|Egyptian|French|German|Greek|Indian|Iranian|"
    "Iraqi|Irish|Italian|Japanese|Kurdish|Mexican|Polish|Russian|Saudi|Scottish|Spanish|Swedish|"
    "Syrian|Turkish|Protestant|Catholic".split("|")
)
# Organisations by kind, each with the nouns that mark an article about that kind: Isis is offered beside
# other armed groups, not beside the World Bank. Without cues, the general list (international bodies).
ORGANISATIONS_BY_KIND = {
    "armed": (
        "al-Qaeda|the Taliban|Boko Haram|Hezbollah|al-Shabaab|Hamas|the Free Syrian Army|the Houthis",
        "militant fighter troop force offensive militia rebel army war soldier insurgent attack stronghold",
    ),
    "company": (
        "Google|Microsoft|Apple|Amazon|Toyota|Samsung|Siemens|Nestlé|Shell|Unilever",
        "company firm share market customer product profit executive investor revenue brand",
    ),
    "media": (
        "the BBC|Reuters|the Associated Press|Al Jazeera|CNN|The Guardian|The New York Times|Le Monde",
        "newspaper broadcaster journalist reporter channel interview editor",
    ),
    "university": (
        "Oxford University|Harvard University|Cambridge University|Stanford University|Yale University|"
        "the Sorbonne|MIT",
        "university professor researcher study student campus laboratory",
    ),
    "party": (
        "the Labour Party|the Conservative Party|the Liberal Democrats|the Green Party|the Democratic Party|"
        "the Republican Party|the Scottish National Party|Plaid Cymru",
        "party election vote voter candidate seat council ballot campaign poll constituency ward",
    ),
    "sports": (
        "Manchester United|Real Madrid|Bayern Munich|Juventus|Ajax|Celtic|the Chicago Bulls|"
        "the New York Yankees|the Green Bay Packers|Boca Juniors",
        # Words of a match, not of any team or game ("team", "fan", "score" and "game" are a video game's too)
        "match goal cup league striker goalkeeper penalty championship tournament stadium referee",
    ),
    "general": (
        "the United Nations|Nato|the European Union|the World Bank|the Red Cross|Unicef|"
        "the World Health Organization|Amnesty International|Greenpeace|the International Monetary Fund|"
        "the African Union|Opec|Interpol",
        "",
    ),
}
ORGANISATION_LISTS = {kind: tuple(names.split("|")) for kind, (names, _) in ORGANISATIONS_BY_KIND.items()}
ORGANISATION_CUES = {kind: frozenset(cues.split()) for kind, (_, cues) in ORGANISATIONS_BY_KIND.items()}
ORGANISATION_KIND_OF = {name: kind for kind, names in ORGANISATION_LISTS.items() for name in names}
MONTHS = tuple(
    "January|February|March|April|May|June|July|August|September|October|November|December".split("|")
)
WEEKDAYS = tuple("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday".split("|"))
FREQUENCIES = (
    "every day",
    "every week",
    "every month",
    "every three months",
    "every six months",
    "every year",
    "every two years",
    "every five years",
)
# Parties named by their adjective ("the Conservative candidate"), which the model calls a nationality.
PARTY_ADJECTIVES = (
    "Conservative",
    "Labour",
    "Liberal Democrat",
    "Green",
    "Democratic",
    "Republican",
    "Independent",
)


def is_party_name(text: str) -> bool:
    """ "The Green Party", "Labour", "Conservative": a party as an article names it."""
    bare = text.removeprefix("the ").removeprefix("The ")
    return bare.endswith(" Party") or bare in PARTY_ADJECTIVES


FIRST_NAMES = tuple(
    "James|Maria|David|Sarah|Ahmed|Elena|Thomas|Fatima|John|Anna|Robert|Laura|Michael|Sofia|Peter|"
    "Hannah|Omar|Julia|George|Emma".split("|")
)
LAST_NAMES = tuple(
    "Smith|Johnson|Brown|Wilson|Taylor|Anderson|Martin|Clarke|Hughes|Fischer|Rossi|Novak|Hassan|Khan|"
    "Garcia|Petrov|Walker|Young|Moore".split("|")
)

# Short names that mean a country above but would duplicate it as a wrong option ("UK", "the United Kingdom").
SAME_COUNTRY = {
    "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "US": "United States", "USA": "United States", "U.S.": "United States", "America": "United States",
    "Holland": "Netherlands",
}  # fmt: skip
COUNTRY_ALIASES = frozenset({*SAME_COUNTRY, "England", "Scotland", "Wales", "Korea"})

# Which bundled list stands in for which spaCy entity label.
LISTS_BY_LABEL = {"NORP": (NATIONALITIES,), "LOC": (REGIONS,)}
# Past tenses the "-ed" rule gets wrong, for turning "launched by X" round into "X launched" and
# "…, killing 12 people" into "… killed 12 people".
IRREGULAR_PAST = dict(
    pair.split(":")
    for pair in (
        "be:was begin:began bring:brought build:built buy:bought catch:caught choose:chose come:came "
        "do:did draw:drew drive:drove eat:ate fall:fell fight:fought find:found fly:flew forget:forgot "
        "give:gave go:went grow:grew hold:held know:knew lead:led leave:left lose:lost make:made meet:met "
        "pay:paid ride:rode rise:rose run:ran say:said see:saw sell:sold send:sent shake:shook "
        "show:showed sing:sang speak:spoke spend:spent stand:stood steal:stole strike:struck take:took "
        "teach:taught tell:told think:thought throw:threw win:won write:wrote bear:bore beat:beat dig:dug "
        "feed:fed hide:hid keep:kept lay:laid lend:lent seek:sought set:set shoot:shot split:split "
        "spread:spread swim:swam wear:wore put:put cut:cut have:had get:got become:became hear:heard "
        "feel:felt sit:sat mean:meant let:let hit:hit hurt:hurt cost:cost shut:shut quit:quit "
        "understand:understood withdraw:withdrew break:broke flee:fled hang:hung stick:stuck "
        "undergo:underwent overcome:overcame bleed:bled read:read sink:sank drink:drank"
    ).split()
)
