"""Passage's question generator: plain Python over one spaCy parse per article (no Django here).

spaCy is imported only when a question is asked for, so importing this package stays cheap."""

from .ask import question_for_answer
from .draft import Draft
from .errors import GenerationError
from .mix import with_true_false
from .pipeline import generate_questions

GENERATOR_VERSION = "passage-qg-1"

__all__ = [
    "GENERATOR_VERSION",
    "Draft",
    "GenerationError",
    "generate_questions",
    "question_for_answer",
    "with_true_false",
]
