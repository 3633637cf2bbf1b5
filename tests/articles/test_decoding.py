"""Uploaded files: every common encoding decodes, binaries and oversize files are refused with a message."""

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles import decoding
from articles.decoding import DecodeError, decode_upload
from articles.readability import count_syllables, flesch_kincaid_grade, word_count

TEXT = (
    "Iraqi forces entered Mosul \u2014 Isis\u2019s \u201cstronghold\u201d \u2014 caf\u00e9 owners said "
    "\u00a3100."
)
LIMIT = 1024 * 1024


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # Python writes the BOM, as Word's "Unicode text" does
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16-le"),  # no BOM: its NUL bytes were taken for a binary file
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),  # its BOM begins with UTF-16's and it was decoded as UTF-16
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
        TEXT.encode("utf-32-le"),
        TEXT.encode("utf-32-be"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-le-bom",
        "utf16-be-bom",
        "windows-1252",
        "utf16-le",
        "utf16-be",
        "utf32-le-bom",
        "utf32-be-bom",
        "utf32-le",
        "utf32-be",
    ],
)
def test_common_encodings_decode_to_the_same_text(data):
    assert decode_upload(data, max_bytes=LIMIT) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_wide_encoding_without_bom_keeps_every_line(encoding):
    text = "Iraqi forces entered Mosul.\r\nThe army\u2019s arrival changed everything.\r\n" * 40
    assert decode_upload(text.encode(encoding), max_bytes=LIMIT) == text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word, zip or other compressed"),
        (bytes(range(256)) * 4, "binary"),
        (b"Iraqi forces\x00\x00\x00entered", "binary"),
    ],
)
def test_binary_files_are_refused_with_a_message_naming_them(data, kind):
    with pytest.raises(DecodeError) as error:
        decode_upload(data, max_bytes=LIMIT)
    assert str(error.value) == decoding.BINARY_FILE.format(kind=kind)
    assert "plain text" in str(error.value)


def test_oversize_file_is_refused_before_decoding_saying_size_and_limit():
    with pytest.raises(DecodeError) as error:
        decode_upload(b"a" * 3000, max_bytes=2048)
    assert (
        str(error.value) == "This file is 2.9 KB; the largest file Passage accepts is 2.0 KB. Paste the "
        "article's text instead."
    )


def test_empty_file_is_refused():
    with pytest.raises(DecodeError, match="empty"):
        decode_upload(b"  \n ", max_bytes=LIMIT)


def test_html_page_yields_its_article_text_without_navigation():
    html = (
        "<!DOCTYPE html><html><head><title>Mosul</title><script>var ads = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        "<article><h1>Iraqi troops enter Mosul</h1>"
        "<p>Iraqi forces have entered the city of Mosul for the first time in two years as they attempt to "
        "recapture one of the group's last remaining strongholds.</p><p>A coalition of forces has been "
        "fighting to retake the area for the past two weeks, officials said on Monday.</p></article>"
        "<footer>Copyright 2016</footer></body></html>"
    )
    text = decode_upload(html.encode("utf-8"), max_bytes=LIMIT)
    assert "Iraqi forces have entered the city of Mosul" in text
    assert "past two weeks" in text
    assert "<p>" not in text and "var ads" not in text


def test_markup_without_text_is_refused_with_a_message():
    with pytest.raises(DecodeError) as error:
        decode_upload(b"<html><body><div><img src='x.png'></div></body></html>", max_bytes=LIMIT)
    assert str(error.value) == decoding.NO_TEXT_IN_HTML


def test_plain_text_mentioning_tags_is_not_treated_as_html():
    text = "Teachers can write <b> in a sentence without it being a web page."
    assert decode_upload(text.encode(), max_bytes=LIMIT) == text


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("table", 2),
        ("caliphate", 3),
        ("make", 1),
        ("wanted", 2),
        ("jumped", 1),
        ("reproductive", 4),
    ],
)
def test_syllable_counter_on_common_words(word, syllables):
    assert count_syllables(word) == syllables


def test_reading_grade_separates_simple_from_dense_text():
    simple = "The cat sat on the mat. The dog ran to the park. We had fun."
    dense = (
        "The multinational coalition's counter-offensive, supported by international aerial bombardment, "
        "precipitated considerable humanitarian displacement throughout the governorate."
    )
    assert flesch_kincaid_grade(simple) < 3 < 12 < flesch_kincaid_grade(dense)
    assert flesch_kincaid_grade("") is None
    assert word_count("Iraq's second-biggest city has 1.5 million people.") == 7


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_text_or_a_clear_refusal(data):
    try:
        text = decode_upload(data, max_bytes=2048)
    except DecodeError as error:
        assert str(error)
    else:
        assert isinstance(text, str) and text.strip()


def test_read_upload_keeps_a_web_page_as_submitted():
    html = (
        "<!DOCTYPE html><html><body><article><p>Iraqi forces entered Mosul on Tuesday.</p></article>"
        "</body></html>"
    )
    assert decoding.read_upload(b"\xef\xbb\xbf" + html.encode("utf-8"), max_bytes=LIMIT) == html
    assert decoding.main_text(html).strip() == "Iraqi forces entered Mosul on Tuesday."
