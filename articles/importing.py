"""Reading an article file from disk exactly as an upload is read: decode, extract HTML, clean."""

from pathlib import Path

from django.conf import settings

from articles.cleaning import CleanResult, clean_article
from articles.decoding import main_text, read_upload


def read_article_file(path: str | Path) -> tuple[str, CleanResult]:
    """(raw text, cleaned result) of a text or HTML file; DecodeError or OSError if it cannot be read."""
    path = Path(path)
    limit = settings.PASSAGE_MAX_UPLOAD_BYTES
    with path.open("rb") as handle:
        data = handle.read(limit + 1)  # never more than one byte over the limit
    raw = read_upload(data, max_bytes=limit)  # kept as submitted; a web page is cleaned from its main text
    return raw, clean_article(main_text(raw))
