"""What the quiz selectors return: plain frozen dataclasses that templates read."""

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quizzes.models import Assignment, AssignmentQuestion, Attempt, Classroom

if TYPE_CHECKING:
    from quizzes.selectors.quiz_items import AssignmentItems
    from quizzes.selectors.student import AnsweredResponses


@dataclass(frozen=True)
class DashboardRow:
    assignment: Assignment
    classroom: Classroom
    status: str  # "upcoming" | "open" | "in progress" | "finished" | "closed"
    best_score: int | None
    max_score: int
    attempts_used: int
    attempts_allowed: int
    open_attempt_id: int | None
    closes_at: dt.datetime | None


@dataclass(frozen=True)
class AttemptState:
    attempt: Attempt
    items: "AssignmentItems"  # a list of AssignmentQuestion, with question and choice lookups
    answered: "AnsweredResponses"  # a Mapping: question_id -> response, in the order answered
    next_item: AssignmentQuestion | None
    answered_count: int
    total: int


@dataclass(frozen=True)
class BoardRow:
    rank: int
    display_name: str
    score: int
    max_score: int
    accuracy: float  # 0..1
    seconds: int


@dataclass(frozen=True)
class ReportCell:
    state: str  # "correct" | "wrong" | "blank"
    given: str = ""


@dataclass(frozen=True)
class ReportQuestion:
    item: AssignmentQuestion
    answered: int
    correct: int
    share_correct: float | None
    common_wrong: list[tuple[str, int]] = field(default_factory=list)
    # What students are graded against: the ticked choice of a question with choices, else its answer.
    right_answer: str = ""


@dataclass(frozen=True)
class ReportRow:
    display_name: str
    score: int | None
    max_score: int
    cells: list[ReportCell]
    in_progress: bool = False  # the row is an attempt not yet finished: its score may still grow


@dataclass(frozen=True)
class AssignmentReport:
    assignment: Assignment
    questions: list[ReportQuestion]
    rows: list[ReportRow]


@dataclass(frozen=True)
class TeachingAssignment:
    assignment: Assignment
    status: str  # "upcoming" | "open" | "closed" (for the class; a student's extension may run longer)
    finished: int  # students of the class with a finished attempt
    students: int
    average_percent: int | None  # mean of those students' best scores, as a percentage


@dataclass(frozen=True)
class TeachingClass:
    classroom: Classroom
    student_total: int
    assignments: list[TeachingAssignment]


@dataclass(frozen=True)
class ClosePreview:
    """What "Close now" would do to one assignment, for the teacher to confirm."""

    status: str  # "upcoming" | "open" | "extended" (closed for the class, an extension runs) | "closed"
    still_answering: int  # attempts not yet finished: they would be finished and scored
    extensions_running: int  # students whose extension runs past now: they would end
