"""Quiz reads. Import selectors from here: `from quizzes.selectors import assignment_leaderboard`."""

from quizzes.board_cache import board_version, board_version_bump, dashboard_version
from quizzes.selectors.boards import assignment_leaderboard, classroom_leaderboard
from quizzes.selectors.reports import assignment_report
from quizzes.selectors.student import (
    attempt_deadline,
    attempt_for_student,
    attempt_state,
    attempt_state_with,
    student_dashboard,
)
from quizzes.selectors.teaching import close_now_preview, teaching_overview
from quizzes.selectors.types import (
    AssignmentReport,
    AttemptState,
    BoardRow,
    ClosePreview,
    DashboardRow,
    ReportCell,
    ReportQuestion,
    ReportRow,
    TeachingAssignment,
    TeachingClass,
)

__all__ = [
    "AssignmentReport",
    "AttemptState",
    "BoardRow",
    "ClosePreview",
    "DashboardRow",
    "ReportCell",
    "ReportQuestion",
    "ReportRow",
    "TeachingAssignment",
    "TeachingClass",
    "assignment_leaderboard",
    "assignment_report",
    "attempt_deadline",
    "attempt_for_student",
    "attempt_state",
    "attempt_state_with",
    "board_version",
    "board_version_bump",
    "classroom_leaderboard",
    "close_now_preview",
    "dashboard_version",
    "student_dashboard",
    "teaching_overview",
]
