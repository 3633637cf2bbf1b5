"""The teacher's pages pass axe too: the dashboard, articles, the report, and the admin pages a teacher
edits questions, assignments and classes on (Django's inline tables and date/time boxes came unlabelled).

As elsewhere, each scan first checks it is on the intended page (URL and h1), not a sign-in redirect.
"""

import pytest
from django.urls import reverse

from .helpers import assert_accessible, login

pytestmark = pytest.mark.e2e


def test_teacher_pages_and_the_admin_forms_they_edit_on(demo, page):
    assignment = demo.assignment()
    question = assignment.questions.order_by("pk").first()
    login(page, "teacher")
    pages = [
        (reverse("home"), "My quizzes"),
        (reverse("article_list"), "Articles"),
        (reverse("teacher_report", args=[assignment.pk]), "Report"),
        (reverse("admin:quizzes_question_change", args=[question.pk]), "Change question"),
        (reverse("admin:articles_article_change", args=[assignment.article_id]), "Change article"),
        (reverse("admin:quizzes_assignment_change", args=[assignment.pk]), "Change assignment"),
        (reverse("admin:quizzes_assignment_add"), "Add assignment"),
        (reverse("admin:quizzes_classroom_change", args=[assignment.classroom_id]), "Change class"),
    ]
    for path, heading in pages:
        page.goto(path)
        assert_accessible(page, path=path, heading=heading)
