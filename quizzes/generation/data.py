"""Small curated lists for wrong options when the article itself has too few of the answer's kind.

Lists are written as "|"-separated strings so they stay compact whatever the formatter does."""

COUNTRIES = tuple(
    "Afghanistan|Argentina|Australia|Austria|Belgium|Brazil|Canada|Chile|China|Colombia|Denmark|Egypt|"
    "Ethiopia|Finland|France|Germany|Greece|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|"
    "Jordan|Kenya|Lebanon|Mexico|Morocco|the Netherlands|New Zealand|Nigeria|Norway|Pakistan|Peru|"
    "Poland|Portugal|Russia|Saudi Arabia|South Africa|South Korea|Spain|Sweden|Switzerland|Syria|"
    "Turkey|Ukraine|the United Kingdom|the United States|Vietnam".split("|")
)
CITIES = tuple(
    "Amsterdam|Athens|Baghdad|Bangkok|Beijing|Berlin|Boston|Brussels|Budapest|Buenos Aires|Cairo|"
    "Chicago|Damascus|Delhi|Dublin|Geneva|Istanbul|Jakarta|Kabul|Lagos|Lisbon|London|Los Angeles|"
    "Madrid|Manchester|Melbourne|Mexico City|Moscow|Mumbai|Nairobi|New York|Oslo|Paris|Prague|Rome|"
    "San Francisco|Seoul|Stockholm|Sydney|Tehran|Tokyo|Toronto|Vienna|Warsaw".split("|")
)
REGIONS = tuple(
    "Europe|Asia|Africa|North America|South America|the Middle East|Scandinavia|the Balkans|"
    "Central Asia|the Caribbean".split("|")
)
NATIONALITIES = tuple(
    "American|Australian|British|Canadian|Chinese|Dutch|Egyptian|French|German|Greek|Indian|Iranian|"
    "Iraqi|Irish|Italian|Japanese|Kurdish|Mexican|Polish|Russian|Saudi|Scottish|Spanish|Swedish|"
    "Syrian|Turkish|Protestant|Catholic".split("|")
)
ORGANISATIONS = tuple(
    "the United Nations|Nato|the European Union|the World Bank|the Red Cross|Unicef|"
    "the World Health Organization|Amnesty International|Greenpeace|the International Monetary Fund|"
    "the African Union|Opec|the BBC|Reuters|Google|Microsoft|Apple|Amazon|Toyota|Oxford University|"
    "Harvard University|the Royal Society|the Catholic Church|Interpol".split("|")
)
MONTHS = tuple(
    "January|February|March|April|May|June|July|August|September|October|November|December".split("|")
)
WEEKDAYS = tuple("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday".split("|"))
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
LISTS_BY_LABEL = {"NORP": (NATIONALITIES,), "ORG": (ORGANISATIONS,), "LOC": (REGIONS,)}
# Past tenses the "-ed" rule gets wrong, for turning "launched by X" round into "X launched".
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
        "spread:spread swim:swam wear:wore put:put cut:cut"
    ).split()
)
