"""Every input a teacher can type into on the admin's edit pages has an accessible name: a <label for>, or
an aria-label naming its column and row in an inline table ("Text, row 2") or its part of a date and time."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from quizzes.models import StudentOverride
from tests.factories import AssignmentFactory, EnrollmentFactory, multiple_choice_question

pytestmark = pytest.mark.django_db

UNNAMED_TYPES = {"hidden", "submit", "button", "image", "reset"}


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.label_for: set[str] = set()
        self.inputs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in UNNAMED_TYPES:
            self.inputs.append(attrs)


def unnamed_inputs(html: str) -> list[str]:
    parser = _Inputs()
    parser.feed(html)
    return [
        attrs.get("name", "?")
        for attrs in parser.inputs
        if not attrs.get("aria-label")
        and attrs.get("id") not in parser.label_for
        and "__prefix__" not in attrs.get("name", "")  # the hidden template row that "Add another" copies
        and attrs.get("name") not in ("_selected_action", "action", "select_across")
    ]


def test_a_questions_choices_are_named_by_column_and_row(client, teacher):
    assignment = AssignmentFactory(classroom__teacher=teacher)
    question = multiple_choice_question(article=assignment.article, answer="Mosul", wrong=("Basra", "Erbil"))
    html = client.get(reverse("admin:quizzes_question_change", args=[question.pk])).content.decode()
    assert unnamed_inputs(html) == []
    assert 'aria-label="Text, row 2"' in html and 'aria-label="Delete, row 1"' in html


def test_date_and_time_boxes_and_the_article_page_question_table_are_named(client, teacher):
    assignment = AssignmentFactory(classroom__teacher=teacher)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    StudentOverride.objects.create(assignment=assignment, student=student, extra_attempts=1)
    multiple_choice_question(article=assignment.article, answer="Mosul", wrong=("Basra",))
    for url in (
        reverse("admin:quizzes_assignment_change", args=[assignment.pk]),
        reverse("admin:quizzes_assignment_add"),
        reverse("admin:articles_article_change", args=[assignment.article_id]),
        reverse("admin:quizzes_classroom_change", args=[assignment.classroom_id]),
    ):
        html = client.get(url).content.decode()
        assert unnamed_inputs(html) == [], url
    html = client.get(reverse("admin:quizzes_assignment_add")).content.decode()
    assert 'aria-label="Opens at: date"' in html and 'aria-label="Opens at: time"' in html
