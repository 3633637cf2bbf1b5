"""Leaderboards: who may see them, and the projector board that polls cheaply (ETag, 304, shared cache)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quizzes import services
from quizzes.models import Assignment, Attempt, Classroom
from tests.factories import EnrollmentFactory, UserFactory
from tests.quizzes.view_helpers import HTMX, make_quiz, start

pytestmark = pytest.mark.django_db


def finish_with_short_answer(quiz, answer="100,000"):
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": answer})
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    return attempt


def test_projector_link_shows_names_escaped_without_signing_in():
    quiz = make_quiz()
    quiz.student.enrollments.update(display_name="<script>x()</script>")
    finish_with_short_answer(quiz)
    token = services.board_token_rotate(classroom=quiz.assignment.classroom)
    html = Client().get(f"/board/{token}/").content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html
    assert 'hx-trigger="every 3s"' in html and ">Refresh</a>" in html


def test_unchanged_board_answers_304_and_a_new_response_changes_it(django_capture_on_commit_callbacks):
    quiz = make_quiz()
    token = services.board_token_rotate(classroom=quiz.assignment.classroom)
    projector = Client()
    first = projector.get(f"/board/{token}/", headers=HTMX)
    assert first.status_code == 200 and "<html" not in first.content.decode()
    etag = first["ETag"]

    unchanged = projector.get(f"/board/{token}/", headers={**HTMX, "If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""

    with django_capture_on_commit_callbacks(execute=True):  # the version moves on commit
        finish_with_short_answer(quiz)
    changed = projector.get(f"/board/{token}/", headers={**HTMX, "If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Ada" in changed.content.decode()


def test_revoked_or_rotated_token_is_404():
    quiz = make_quiz()
    classroom = quiz.assignment.classroom
    old = services.board_token_rotate(classroom=classroom)
    new = services.board_token_rotate(classroom=classroom)
    assert Client().get(f"/board/{old}/").status_code == 404
    assert Client().get(f"/board/{new}/").status_code == 200
    services.board_token_revoke(classroom=Classroom.objects.get(pk=classroom.pk))
    assert Client().get(f"/board/{new}/").status_code == 404


def test_projector_shows_only_the_top_rows_set_for_the_class():
    quiz = make_quiz()
    classroom = quiz.assignment.classroom
    Classroom.objects.filter(pk=classroom.pk).update(board_size=1)
    finish_with_short_answer(quiz)
    rival = UserFactory()
    EnrollmentFactory(classroom=classroom, student=rival, display_name="Grace")
    quiz.client.force_login(rival)
    quiz.student = rival
    finish_with_short_answer(quiz, answer="nope")
    token = services.board_token_rotate(classroom=Classroom.objects.get(pk=classroom.pk))
    html = Client().get(f"/board/{token}/").content.decode()
    assert "Ada" in html and "Grace" not in html


def test_teacher_projector_is_only_for_the_classs_teacher():
    quiz = make_quiz()
    classroom = quiz.assignment.classroom
    teacher = Client()
    teacher.force_login(classroom.teacher)
    assert teacher.get(f"/classroom/{classroom.pk}/projector/").status_code == 200
    assert quiz.client.get(f"/classroom/{classroom.pk}/projector/").status_code == 404


def test_students_see_boards_only_when_the_teacher_allows_it():
    quiz = make_quiz()
    finish_with_short_answer(quiz)
    classroom = quiz.assignment.classroom
    assert quiz.client.get(f"/classroom/{classroom.pk}/board/").status_code == 200
    page = quiz.client.get(f"/assignment/{quiz.assignment.pk}/board/").content.decode()
    assert "Ada" in page and "<h1>Leaderboard:" in page

    Assignment.objects.filter(pk=quiz.assignment.pk).update(show_leaderboard=False)
    assert quiz.client.get(f"/classroom/{classroom.pk}/board/").status_code == 404
    assert quiz.client.get(f"/assignment/{quiz.assignment.pk}/board/").status_code == 404


def test_a_student_of_another_class_cannot_see_the_board():
    quiz = make_quiz()
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get(f"/classroom/{quiz.assignment.classroom.pk}/board/").status_code == 404
    assert outsider.get(f"/assignment/{quiz.assignment.pk}/board/").status_code == 404


def _board_queries(students: int) -> int:
    quiz = make_quiz()
    classroom = quiz.assignment.classroom
    for index in range(students):
        student = UserFactory()
        EnrollmentFactory(classroom=classroom, student=student, display_name=f"S{index}")
        Attempt.objects.create(
            assignment=quiz.assignment,
            student=student,
            score=1,
            max_score=3,
            finished_at=quiz.assignment.opens_at,
        )
    token = services.board_token_rotate(classroom=classroom)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(f"/board/{token}/", headers=HTMX).status_code == 200
    return len(queries)


def test_board_query_count_does_not_grow_with_the_class():
    assert _board_queries(5) == _board_queries(50)


def test_polling_an_unchanged_board_costs_one_query():
    quiz = make_quiz()
    token = services.board_token_rotate(classroom=quiz.assignment.classroom)
    projector = Client()
    projector.get(f"/board/{token}/", headers=HTMX)
    with CaptureQueriesContext(connection) as queries:
        projector.get(f"/board/{token}/", headers=HTMX)
    assert len(queries) == 1  # the token lookup; the board HTML comes from the shared cache


def test_the_class_board_says_its_percentage_is_of_every_point_set():
    # A student with 7 of 13 right on the one quiz taken showed "23 %" under "Accuracy" because another
    # quiz of the class, not yet taken, counts; the column and the page now say so.
    quiz = make_quiz()
    finish_with_short_answer(quiz)
    classroom = quiz.assignment.classroom
    class_page = quiz.client.get(f"/classroom/{classroom.pk}/board/").content.decode()
    assert '<th scope="col">Of all set</th>' in class_page
    assert "a quiz not yet taken counts as none" in class_page
    quiz_page = quiz.client.get(f"/assignment/{quiz.assignment.pk}/board/").content.decode()
    assert '<th scope="col">Accuracy</th>' in quiz_page and "Of all set" not in quiz_page
