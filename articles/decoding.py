"""Uploaded bytes to article text. Plain Python: the size limit is passed in, not read from settings.

Teachers upload whatever their computer saved: UTF-8 (with or without a BOM), UTF-16 from Word's "Unicode
text" (with or without a BOM), UTF-32, Windows-1252 from older tools, or a saved web page. Anything else
gets a message saying what to do.
"""

import codecs
import re

import trafilatura

TOO_LARGE = (
    "This file is {size}; the largest file Passage accepts is {limit}. Paste the article's text instead."
)
EMPTY_FILE = "This file is empty."
BINARY_FILE = (
    "This looks like a {kind} file, not text. Save the article as plain text (.txt) or a web page (.html), "
    "or copy and paste its text."
)
NO_TEXT_IN_HTML = (
    "No article text could be found in this web page; copy and paste the article's text instead."
)

# Magic numbers of the files teachers most often pick by mistake.
_SIGNATURES = [
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "Word, zip or other compressed"),
    (b"\xd0\xcf\x11\xe0", "Word (.doc) or Office"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"{\\rtf", "RTF"),
]
_HTML_HINT = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>]|<article)", re.I)
_TAG = re.compile(r"<(p|div|br|span|a|html|body|article|h[1-6])[\s>/]", re.I)


class DecodeError(ValueError):
    """The upload can't become article text; the message says why, for the teacher.

    `binary_kind` names a binary file ("PDF", "PNG image", …), so other uploads can word their own message.
    """

    def __init__(self, message: str, *, binary_kind: str = "") -> None:
        super().__init__(message)
        self.binary_kind = binary_kind


def decode_upload(data: bytes, *, max_bytes: int) -> str:
    """The article text of an uploaded file: decoded, and for a web page, its main text extracted."""
    return main_text(read_upload(data, max_bytes=max_bytes))


def read_upload(data: bytes, *, max_bytes: int) -> str:
    """The uploaded file decoded to text, exactly as submitted (a web page keeps its markup).

    This is what an article keeps as its raw text; `main_text` gives what cleaning works on.
    """
    refuse_oversize(len(data), max_bytes=max_bytes)
    if not data.strip():
        raise DecodeError(EMPTY_FILE)
    text = decode_bytes(data)
    if not text.strip():  # blank once decoded: non-breaking spaces, a lone BOM…
        raise DecodeError(EMPTY_FILE)
    return text


def refuse_oversize(size: int, *, max_bytes: int) -> None:
    """Refuse a file of `size` bytes over the limit, saying both (a caller that reads only the first
    max_bytes + 1 bytes passes the file's own size, so the message gives the real one)."""
    if size > max_bytes:
        raise DecodeError(TOO_LARGE.format(size=human_size(size), limit=human_size(max_bytes)))


def main_text(text: str) -> str:
    """The article's own text: a web page's main text extracted, anything else as it is."""
    return html_to_text(text) if looks_like_html(text) else text


def human_size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


# UTF-32's little-endian BOM begins with UTF-16's (FF FE), so it is looked for first.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Wide encodings saved without a BOM: (encoding, bytes per character, the offsets in each character that
# are zero for Latin-script text, the offset holding the letter itself). UTF-32 first: its text also has a
# zero at every other byte.
_WIDE = (
    ("utf-32-le", 4, (2, 3), 0),
    ("utf-32-be", 4, (0, 1), 3),
    ("utf-16-le", 2, (1,), 0),
    ("utf-16-be", 2, (0,), 1),
)


def decode_bytes(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    kind = _signature_kind(data)
    if kind:
        raise DecodeError(BINARY_FILE.format(kind=kind), binary_kind=kind)
    text = _bomless_wide_text(data)
    if text is not None:
        return text
    kind = _binary_kind(data)
    if kind:
        raise DecodeError(BINARY_FILE.format(kind=kind), binary_kind=kind)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps them, so nothing fails to decode.
        return data.decode("cp1252", errors="replace")


def _bomless_wide_text(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text saved without a byte-order mark, decoded; None if it is not that.

    Such a file is full of NUL bytes, which otherwise mark a binary file. In Latin-script text they fall at
    the same places in every character (every other byte in UTF-16), and the letter's own byte is never
    NUL; the decoded text must then also read as text, so a binary file with many NULs is not taken for it.
    """
    head = data[:4096]
    for encoding, width, zero_offsets, letter_offset in _WIDE:
        if len(head) < width:
            continue
        if _zero_share(head, width, letter_offset) > 0.1:
            continue
        if all(_zero_share(head, width, offset) >= 0.5 for offset in zero_offsets):
            text = data.decode(encoding, errors="replace")
            return text if _reads_as_text(text[:2000]) else None
    return None


def _zero_share(head: bytes, width: int, offset: int) -> float:
    column = head[offset : len(head) - len(head) % width : width]
    return column.count(0) / len(column) if column else 0.0


def _reads_as_text(text: str) -> bool:
    readable = sum(1 for ch in text if (ch.isprintable() and ch != "\ufffd") or ch in "\t\n\r\f")
    return bool(text) and readable >= 0.95 * len(text)


def _signature_kind(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _binary_kind(data: bytes) -> str | None:
    head = data[:4096]
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) // 20:
        return "binary"
    return None


def looks_like_html(text: str) -> bool:
    head = text[:2048].encode("utf-8", errors="ignore")
    return bool(_HTML_HINT.search(head)) or len(_TAG.findall(text[:20000])) >= 5


def html_to_text(html: str) -> str:
    extracted = trafilatura.extract(html, favor_recall=True, include_comments=False)
    if extracted and extracted.strip():
        return extracted
    raise DecodeError(NO_TEXT_IN_HTML)
