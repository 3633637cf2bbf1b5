"""Quiz reads: dashboards, attempt state, leaderboards and reports. Scores and ranks are computed in SQL."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractUser

from quizzes.models import Assignment, AssignmentQuestion, Attempt, Classroom, Response


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
    items: list[AssignmentQuestion]
    answered: dict[int, Response]  # question_id -> response
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


@dataclass(frozen=True)
class ReportRow:
    display_name: str
    score: int | None
    max_score: int
    cells: list[ReportCell]


@dataclass(frozen=True)
class AssignmentReport:
    assignment: Assignment
    questions: list[ReportQuestion]
    rows: list[ReportRow]


def student_dashboard(*, student: AbstractUser, now: dt.datetime | None = None) -> list[DashboardRow]:
    raise NotImplementedError


def attempt_for_student(*, attempt_id: int, student: AbstractUser) -> Attempt:
    raise NotImplementedError


def attempt_state(*, attempt: Attempt) -> AttemptState:
    raise NotImplementedError


def assignment_leaderboard(*, assignment: Assignment, limit: int | None = None) -> list[BoardRow]:
    raise NotImplementedError


def classroom_leaderboard(*, classroom: Classroom, limit: int | None = None) -> list[BoardRow]:
    raise NotImplementedError


def board_version(*, classroom_id: int) -> str:
    raise NotImplementedError


def board_version_bump(*, classroom_id: int) -> None:
    raise NotImplementedError


def assignment_report(*, assignment: Assignment) -> AssignmentReport:
    raise NotImplementedError


def assignment_report_csv_rows(*, assignment: Assignment) -> Iterator[list[str]]:
    raise NotImplementedError
