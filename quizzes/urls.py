"""Student and projector pages, mounted at "/" (teacher pages live in urls_teacher.py under /teach/)."""

from django.urls import path

from config import converters  # noqa: F401  (registers <id:…>)
from quizzes.views import auth, board, student, take

urlpatterns = [
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("", student.dashboard, name="home"),
    path("join/", student.classroom_join_view, name="classroom_join"),
    path("assignment/<id:assignment_id>/start/", take.attempt_start_view, name="attempt_start"),
    path("assignment/<id:assignment_id>/results/", student.assignment_results, name="assignment_results"),
    path("assignment/<id:assignment_id>/board/", board.assignment_board, name="assignment_board"),
    path("attempt/<id:attempt_id>/", take.attempt_take, name="attempt_take"),
    path("attempt/<id:attempt_id>/question/<id:question_id>/", take.attempt_take, name="attempt_question"),
    path(
        "attempt/<id:attempt_id>/question/<id:question_id>/answer/",
        take.response_submit_view,
        name="response_submit",
    ),
    path("attempt/<id:attempt_id>/finish/", take.attempt_finish_view, name="attempt_finish"),
    path("attempt/<id:attempt_id>/results/", student.attempt_results, name="attempt_results"),
    path("classroom/<id:classroom_id>/board/", board.classroom_board, name="classroom_board"),
    path("classroom/<id:classroom_id>/projector/", board.projector_for_teacher, name="projector_for_teacher"),
    path("board/<str:token>/", board.projector_by_token, name="board"),
]
