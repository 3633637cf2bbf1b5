"""Teacher pages outside the admin, mounted at /teach/."""

from django.urls import path

from config import converters  # noqa: F401  (registers <id:…>)
from quizzes.views import teacher, teacher_close, teacher_preview

PREVIEW = "assignments/<id:assignment_id>/preview/"

urlpatterns = [
    path("assignments/<id:assignment_id>/report/", teacher.assignment_report_view, name="teacher_report"),
    path(
        "assignments/<id:assignment_id>/report.csv", teacher.assignment_report_csv, name="teacher_report_csv"
    ),
    path("assignments/<id:assignment_id>/close/", teacher_close.assignment_close_view, name="teacher_close"),
    path(PREVIEW, teacher_preview.preview_question, name="teacher_preview"),
    path(PREVIEW + "<id:question_id>/", teacher_preview.preview_question, name="teacher_preview_question"),
    path(PREVIEW + "<id:question_id>/answer/", teacher_preview.preview_answer, name="teacher_preview_answer"),
    path(PREVIEW + "finish/", teacher_preview.preview_finish, name="teacher_preview_finish"),
    path(PREVIEW + "reset/", teacher_preview.preview_reset, name="teacher_preview_reset"),
]
