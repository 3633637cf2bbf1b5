"""The teacher's authoring tool: every ModelAdmin here is scoped to the signed-in teacher (see scoping.py)."""

from quizzes.admin import assignments, classrooms, enrollments, questions, results  # noqa: F401
