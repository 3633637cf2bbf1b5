"""What a news page wraps around an article: appeals, prompts, credits, buttons.

Each rule names its reason, which the teacher sees next to the removed paragraph. Rules look at one
paragraph (or one sentence at a paragraph's edge) and err on the side of keeping text: a paragraph the
cleaner wrongly keeps costs a teacher one click, one it wrongly drops can be restored but may go unnoticed.
"""

import re

APPEAL = "donation or support appeal"
SUBSCRIPTION = "subscription or newsletter prompt"
COMMENTS = "comments prompt"
RELATED = "'read more' or related headline"
CAPTION = "photo caption or credit"
ADVERT = "advertisement marker"
SHARE = "share or print buttons"
AUTHOR = "author card or byline"
TIMESTAMP = "publication time stamp"

_I = re.IGNORECASE

# Whole-paragraph rules: a paragraph matching one of these is not the article.
PARAGRAPH_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^your (support|donation|contribution)\b", _I), APPEAL),
    (re.compile(r"\b(support|fund) (our|independent|quality) journalism\b", _I), APPEAL),
    (re.compile(r"\b(make|give) a (donation|contribution)\b|\bdonate (now|today)\b", _I), APPEAL),
    (re.compile(r"\bwe (need|rely on) (your|readers)\b|\breaders like you\b", _I), APPEAL),
    (re.compile(r"^(subscribe|sign up|register)\b", _I), SUBSCRIPTION),
    (
        re.compile(r"\b(newsletter|premium subscription|subscription today|already a subscriber)\b", _I),
        SUBSCRIPTION,
    ),
    (re.compile(r"^want to (bookmark|read|save)\b", _I), SUBSCRIPTION),
    (re.compile(r"\b(log|sign) in to (continue|read|comment)\b", _I), SUBSCRIPTION),
    (re.compile(r"^(\d+\s+)?comments?(\s*\(\d+\))?$", _I), COMMENTS),
    (
        re.compile(r"^(join|show|view|leave|add) (our |the |a )?(comment|commenting|conversation)", _I),
        COMMENTS,
    ),
    (re.compile(r"^join (the |our )?[\w-]+ (conversations?|discussions?|debate)", _I), COMMENTS),
    (re.compile(r"\bfollow other [\w ]*readers\b", _I), COMMENTS),
    (
        re.compile(
            r"^(read more|read next|related|see also|more on this|recommended|most read|most popular|"
            r"you may also like|more from|more stories|trending|top stories)\b",
            _I,
        ),
        RELATED,
    ),
    (re.compile(r"^(photo|photograph|image|picture|video|illustration)( credit)?\s*[:(|]", _I), CAPTION),
    (re.compile(r"^image (credit|source|copyright)\b", _I), CAPTION),
    (
        re.compile(r"\((getty( images)?|afp|reuters|ap|pa|epa|shutterstock|alamy)[^)]{0,60}\)\s*$", _I),
        CAPTION,
    ),
    (re.compile(r"^(©|copyright\b)", _I), CAPTION),
    (
        re.compile(
            r"^(advertisement|advert|sponsored( content)?|ad|story continues below( advertisement)?)$", _I
        ),
        ADVERT,
    ),
    (re.compile(r"^(listen to (this )?article|\d+ min(ute)?s? read|click here\b)", _I), SHARE),
    (re.compile(r"^[Bb]y [A-Z][\w'.-]+( [A-Z][\w'.-]+){0,3}(\s*(,|and|&)\s*[A-Z][\w' .-]*)?$"), AUTHOR),
    (re.compile(r"^follow (him|her|them|me|us) on\b", _I), AUTHOR),
    (re.compile(r"^(published|updated|last updated|posted)\b.{0,60}$", _I), TIMESTAMP),
]

# Sentence rules: boilerplate glued to the start or end of a real paragraph ("…difference.Iraqi forces…").
SENTENCE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^your (support|donation|contribution) (makes|helps|allows)\b", _I), APPEAL),
    (re.compile(r"^(read more|related|see also)\s*:", _I), RELATED),
    (re.compile(r"^(sign up|subscribe)\b.*\b(newsletter|free|today|now)\b", _I), SUBSCRIPTION),
    (re.compile(r"^follow (him|her|them|me|us) on\b", _I), AUTHOR),
    (
        re.compile(
            r"^[A-Z][\w'-]+( [A-Z][\w'-]+){1,3} is (a|an|the|our) [\w' -]{0,60}"
            r"(correspondent|reporter|editor|writer|journalist|columnist)\b",
            0,
        ),
        AUTHOR,
    ),
]

SHARE_WORDS = {
    "share",
    "this",
    "article",
    "print",
    "email",
    "e-mail",
    "tweet",
    "twitter",
    "x",
    "facebook",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "on",
    "save",
    "comment",
    "comments",
    "flipboard",
}
# Words of an appeal that speaks for the publication: used to follow an appeal over several paragraphs.
_APPEAL_VOICE = re.compile(r"\b(we|our|us)\b", _I)
_APPEAL_TERMS = re.compile(
    r"\b(journalism|journalists|reporters|donation|donate|paywalls?|subscribers?|support|readers)\b", _I
)


def paragraph_reason(paragraph: str) -> str | None:
    """Why this whole paragraph is boilerplate, or None if it looks like article text."""
    stripped = paragraph.strip()
    for pattern, reason in PARAGRAPH_RULES:
        if pattern.search(stripped):
            return reason
    words = re.split(r"[\s|/•·,]+", stripped.lower())
    if stripped and all(word in SHARE_WORDS for word in words if word):
        return SHARE
    return None


def sentence_reason(sentence: str) -> str | None:
    for pattern, reason in SENTENCE_RULES:
        if pattern.search(sentence.strip()):
            return reason
    return None


def is_self_appeal(paragraph: str) -> bool:
    """The publication asking for support in its own voice ("we need reporters… your donation…")."""
    outside_quotes = re.sub(r'"[^"]*"', "", paragraph)
    return (
        bool(_APPEAL_VOICE.search(outside_quotes))
        and len(set(_APPEAL_TERMS.findall(outside_quotes.lower()))) >= 2
    )


def continues_appeal(paragraph: str) -> bool:
    """After an appeal's first line, the next paragraphs in the publication's own voice belong to it."""
    outside_quotes = re.sub(r'"[^"]*"', "", paragraph)
    return bool(_APPEAL_VOICE.search(outside_quotes) or len(_APPEAL_TERMS.findall(outside_quotes)) >= 2)
