"""Answer grading in plain Python: forgiving about form, strict about facts (numbers must match exactly)."""

FUZZY_THRESHOLD = 85


def normalise(text: str) -> str:
    raise NotImplementedError


def short_answer_correct(*, given: str, answer: str, accepted: list[str] | tuple[str, ...] = ()) -> bool:
    raise NotImplementedError
