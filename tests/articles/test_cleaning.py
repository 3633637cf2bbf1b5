"""Cleaning on the real Mosul paste, on real-looking page clutter, and on arbitrary text."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles import boilerplate
from articles.cleaning import STANDFIRST, TITLE, clean_article
from articles.text import glue_repair, normalise_quotes

MOSUL = (Path(__file__).resolve().parents[2] / "data" / "articles" / "mosul-offensive.txt").read_text()


@pytest.fixture(scope="module")
def mosul():
    return clean_article(MOSUL)


@pytest.mark.parametrize(
    "boilerplate_text",
    [
        "Your support helps us to tell the story",
        "The Independent is on the ground when the story is developing",
        "Your donation allows us to keep sending journalists",
        "we choose not to lock Americans out of our reporting",
        "Your support makes all the difference",
        "Subscribe to Independent Premium",
        "Want to bookmark your favourite articles",
        "Join our commenting forum",
        "Join thought-provoking conversations",
    ],
)
def test_mosul_boilerplate_is_not_in_the_article(mosul, boilerplate_text):
    assert boilerplate_text not in mosul.text
    assert any(boilerplate_text in item["text"] for item in mosul.removed)


def test_mosul_comments_footer_is_removed(mosul):
    assert not mosul.text.rstrip().endswith("Comments")
    assert {"text": "Comments", "reason": boilerplate.COMMENTS} in [
        {k: item[k] for k in ("text", "reason")} for item in mosul.removed
    ]


def test_mosul_glued_sentence_is_split_and_article_sentence_kept(mosul):
    assert "difference.Iraqi" not in mosul.text
    assert mosul.text.startswith(
        "Iraqi forces have entered the city of Mosul for the first time in two years"
    )


def test_mosul_headline_becomes_the_title_and_standfirst_leaves_the_body(mosul):
    assert (
        mosul.title_guess == "Mosul offensive: Iraqi troops enter Isis stronghold for first time in two years"
    )
    assert "Decisive moment" not in mosul.text
    reasons = [item["reason"] for item in mosul.removed[:2]]
    assert reasons == [TITLE, STANDFIRST]


def test_mosul_paragraphs_are_kept(mosul):
    paragraphs = mosul.text.split("\n\n")
    assert len(paragraphs) == 20
    assert (
        paragraphs[-1]
        == "The offensive has seen Iraqi forces recapture towns and villages across northern Iraq."
    )
    assert "up to 7,500 militants in and around the city." in paragraphs[7]


def test_mosul_article_sentences_all_survive(mosul):
    for phrase in ("Abu Bakr al-Baghdadi first announced", "launched by 100,000 forces", "Brett McGurk"):
        assert phrase in mosul.text


def test_mosul_doubled_and_mismatched_quotes_are_normalised(mosul):
    assert 'called on Isis militants to "turn the nights' in mosul.text
    assert '""' not in mosul.text and "\u201c" not in mosul.text


def test_cleaning_keeps_the_raw_text_untouched():
    raw = MOSUL
    clean_article(raw)
    assert raw == MOSUL  # the service stores raw separately; the cleaner must not depend on mutating it


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("ADVERTISEMENT", boilerplate.ADVERT),
        ("Story continues below advertisement", boilerplate.ADVERT),
        ("Read more: Iraqi army closes in on Mosul", boilerplate.RELATED),
        ("READ MORE", boilerplate.RELATED),
        ("Related: How the battle for Mosul unfolded", boilerplate.RELATED),
        ("Most read", boilerplate.RELATED),
        ("Photo: Iraqi soldiers advance towards the city", boilerplate.CAPTION),
        ("Image credit: Reuters/Azad Lashkari", boilerplate.CAPTION),
        ("Iraqi special forces gather east of Mosul (Getty Images)", boilerplate.CAPTION),
        ("Smoke rises over the city (AFP via Getty Images)", boilerplate.CAPTION),
        ("© 2016 Independent Digital News and Media", boilerplate.CAPTION),
        ("Share this article", boilerplate.SHARE),
        ("Share | Print | Email", boilerplate.SHARE),
        ("Facebook Twitter WhatsApp Copy link", boilerplate.SHARE),
        ("Sign up to our free morning newsletter", boilerplate.SUBSCRIPTION),
        (
            "Get the best of the news in our daily newsletter, straight to your inbox",
            boilerplate.SUBSCRIPTION,
        ),
        ("Please support independent journalism with a donation today", boilerplate.APPEAL),
        ("By Bel Trew", boilerplate.AUTHOR),
        ("Updated: 2 November 2016 12:06 GMT", boilerplate.TIMESTAMP),
        ("12 comments", boilerplate.COMMENTS),
    ],
)
def test_page_clutter_is_removed_with_its_reason(paragraph, reason):
    raw = f"Iraqi forces entered Mosul on Tuesday.\n{paragraph}\nThe offensive continued through the night."
    result = clean_article(raw)
    assert paragraph not in result.text
    assert (
        result.text == "Iraqi forces entered Mosul on Tuesday.\n\nThe offensive continued through the night."
    )
    assert result.removed == [{"text": paragraph, "reason": reason, "position": 1}]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The newsletter of the local council reported that 300 families had left the city, many of them "
        "on foot, carrying what they could across the river towards camps that aid agencies said were "
        "already full, while others waited for the fighting to end before deciding whether to stay or "
        "leave for good.",
        "Photographers were kept away from the front line.",
        "Share prices in Baghdad fell sharply on Monday.",
        "By the end of the week the army controlled six districts.",
        "We heard the sounds of rockets firing, one resident said.",
    ],
)
def test_article_paragraphs_that_resemble_clutter_are_kept(paragraph):
    raw = f"Iraqi forces entered Mosul on Tuesday.\n{paragraph}"
    assert paragraph in clean_article(raw).text


def test_author_card_run_into_the_article_is_split_off():
    raw = (
        "Bel Trew is the Independent's chief international correspondent.Iraqi forces entered Mosul on "
        "Tuesday. The offensive continued through the night."
    )
    result = clean_article(raw)
    assert result.text == "Iraqi forces entered Mosul on Tuesday. The offensive continued through the night."
    assert result.removed[0]["reason"] == boilerplate.AUTHOR


def test_trailing_read_more_sentence_is_split_off():
    result = clean_article("The army entered Mosul. Read more: Why Mosul matters")
    assert result.text == "The army entered Mosul."


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("all the difference.Iraqi forces", "all the difference. Iraqi forces"),
        ('he said."Then the rockets came', 'he said." Then the rockets came'),
        ("the U.S. envoy", "the U.S. envoy"),
        ("e.g.Mosul", "e.g.Mosul"),
        ("a population of 1.5 million", "a population of 1.5 million"),
        ("see www.independent.co.uk/News.Today", "see www.independent.co.uk/News.Today"),
        ("met Mrs.Smith yesterday", "met Mrs.Smith yesterday"),
        ("Abu B.Smith", "Abu B.Smith"),
    ],
)
def test_glue_repair_splits_sentences_only(glued, repaired):
    assert glue_repair(glued) == repaired


def test_quotes_become_straight_and_doubled_ones_single():
    assert normalise_quotes('\u201c"turn the nights\u201d and Isis\u2019s') == '"turn the nights" and Isis\'s'


def test_whitespace_and_line_endings_are_normalised():
    raw = "Iraqi   forces\tentered\u00a0Mosul.\r\n\r\n\r\n  The army advanced.  \r\n"
    assert clean_article(raw).text == "Iraqi forces entered Mosul.\n\nThe army advanced."


def test_hard_wrapped_lines_rejoin_into_their_paragraph():
    raw = (
        "Iraqi forces entered the city of\nMosul on Tuesday after two weeks\nof fighting.\n\n"
        "The army advanced."
    )
    result = clean_article(raw, find_title=False)
    assert result.text == (
        "Iraqi forces entered the city of Mosul on Tuesday after two weeks of fighting.\n\nThe army advanced."
    )


def test_text_without_a_headline_keeps_its_first_paragraph():
    result = clean_article("Iraqi forces entered Mosul on Tuesday.\nThe army advanced.")
    assert result.title_guess is None
    assert result.text.startswith("Iraqi forces entered Mosul")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_arbitrary_text_never_fails_and_is_idempotent(raw):
    first = clean_article(raw)
    assert isinstance(first.text, str)
    assert clean_article(first.text, find_title=False).text == first.text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Your support helps us to tell the story",
                "Comments",
                "Iraqi forces entered Mosul.",
                "We believe in journalism.",
                "Read more: Mosul",
                "the army advanced",
                "By Jane Doe",
                "Share | Print",
                "He said.“They came",
                "",
            ]
        ),
        max_size=12,
    )
)
def test_cleaning_article_like_text_is_idempotent(lines):
    first = clean_article("\n".join(lines))
    assert clean_article(first.text, find_title=False).text == first.text


def test_invisible_characters_go_but_right_to_left_marks_and_emoji_stay():
    raw = (
        "Mosul\u200b fell.\x0cThe army\u00ad advanced "
        "\u200f\u05e9\u05dc\u05d5\u05dd \U0001f468\u200d\U0001f469."
    )
    assert clean_article(raw, find_title=False).text == (
        "Mosul fell.\n\nThe army advanced \u200f\u05e9\u05dc\u05d5\u05dd \U0001f468\u200d\U0001f469."
    )


def test_an_appeal_without_its_heading_is_still_recognised():
    appeal = MOSUL.splitlines()[4]  # "At such a critical moment… we need reporters… Your donation allows us…"
    result = clean_article(f"Iraqi forces entered Mosul on Tuesday.\n{appeal}\nThe army advanced.")
    assert result.text == "Iraqi forces entered Mosul on Tuesday.\n\nThe army advanced."
    assert result.removed == [{"text": appeal, "reason": boilerplate.APPEAL, "position": 1}]


def test_a_quoted_plea_inside_the_article_is_kept():
    paragraph = 'One resident said: "We need reporters and donations, our support is gone."'
    assert paragraph in clean_article(f"Iraqi forces entered Mosul.\n{paragraph}").text
