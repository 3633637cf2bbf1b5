"""Quiz writes. Import services from here: `from quizzes.services import response_submit`."""

from quizzes.services import messages
from quizzes.services.assignments import (
    ClosedNow,
    assignment_create,
    assignments_close_due,
    assignments_close_now,
    override_grant,
)
from quizzes.services.attempts import SubmitResult, attempt_finish, attempt_start, response_submit
from quizzes.services.classrooms import (
    Credential,
    board_token_revoke,
    board_token_rotate,
    classroom_create,
    classroom_join,
    enrollment_remove,
    student_password_reset,
    students_bulk_create,
)
from quizzes.services.generation import question_ask, questions_generate
from quizzes.services.questions import (
    question_regrade,
    question_update,
    questions_set_status,
)

__all__ = [
    "ClosedNow",
    "Credential",
    "SubmitResult",
    "assignment_create",
    "assignments_close_due",
    "assignments_close_now",
    "attempt_finish",
    "attempt_start",
    "board_token_revoke",
    "board_token_rotate",
    "classroom_create",
    "classroom_join",
    "enrollment_remove",
    "messages",
    "override_grant",
    "question_ask",
    "question_regrade",
    "question_update",
    "questions_generate",
    "questions_set_status",
    "response_submit",
    "student_password_reset",
    "students_bulk_create",
]
