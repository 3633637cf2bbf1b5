"""The value a generator hands back: one question, its answer and where in the text it comes from."""

from dataclasses import asdict, dataclass

MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
SHORT_ANSWER = "short_answer"


@dataclass(frozen=True)
class Draft:
    prompt: str
    answer: str
    kind: str
    choices: tuple[str, ...]
    accepted_answers: tuple[str, ...]
    evidence_start: int
    evidence_end: int
    score: float
    form: str

    def to_dict(self) -> dict:
        data = asdict(self)
        data["choices"] = list(self.choices)
        data["accepted_answers"] = list(self.accepted_answers)
        return data
