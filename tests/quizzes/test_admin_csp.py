"""The app's Content-Security-Policy ('self' only, nothing inline) also covers the admin and the teacher
pages: they must work without inline scripts, event-handler attributes or inline styles."""

import re

import pytest
from django.urls import reverse

from tests.factories import (
    AssignmentQuestionFactory,
    ClassroomFactory,
    EnrollmentFactory,
    multiple_choice_question,
)
from tests.quizzes.teacher_helpers import make_teacher

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


@pytest.fixture
def teacher_pages(client):
    teacher = make_teacher()
    client.force_login(teacher)
    classroom = ClassroomFactory(teacher=teacher, board_token="t0ken")  # noqa: S106
    question = multiple_choice_question()
    question.article.owner = teacher
    question.article.save()
    item = AssignmentQuestionFactory(
        assignment__classroom=classroom, assignment__article=question.article, question=question
    )
    enrollment = EnrollmentFactory(classroom=classroom)
    assignment = item.assignment
    return [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[question.article.pk]),
        reverse("admin:quizzes_question_changelist"),
        reverse("admin:quizzes_question_change", args=[question.pk]),
        reverse("admin:quizzes_classroom_change", args=[classroom.pk]),
        reverse("admin:quizzes_classroom_students", args=[classroom.pk]),
        reverse("admin:quizzes_classroom_projector", args=[classroom.pk]),
        reverse("admin:quizzes_enrollment_change", args=[enrollment.pk]),
        reverse("admin:quizzes_assignment_add"),
        reverse("admin:quizzes_assignment_change", args=[assignment.pk]),
        reverse("admin:quizzes_attempt_changelist"),
        reverse("teacher_report", args=[assignment.pk]),
        reverse("teacher_preview", args=[assignment.pk]),
        reverse("teacher_preview_finish", args=[assignment.pk]),
    ]


def test_teacher_pages_have_no_inline_script_or_handlers(client, teacher_pages):
    for url in teacher_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert not INLINE_SCRIPT.findall(page), url
        assert not HANDLER_ATTRIBUTE.findall(page), url
        assert "Content-Security-Policy" in response.headers, url


def test_teacher_pages_have_no_inline_styles(client, teacher_pages):
    offenders = {}
    for url in teacher_pages:
        found = STYLE_ATTRIBUTE.findall(client.get(url).content.decode())
        if found:
            offenders[url] = found[:3]
    assert not offenders
