"""Nothing in the question panel before an answer tells which choice is right."""

import re

import pytest

from quizzes.models import Assignment, AssignmentQuestion
from tests.factories import AssignmentFactory, EnrollmentFactory, UserFactory, multiple_choice_question
from tests.quizzes.view_helpers import HTMX, make_quiz, start

pytestmark = pytest.mark.django_db


def rendered_choices(html: str) -> list[str]:
    return re.findall(r'<label for="choice-\d+">([^<]*)</label>', html)


def test_panel_before_answering_carries_no_hint_of_the_right_choice():
    quiz = make_quiz()
    attempt = start(quiz)
    html = quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/", headers=HTMX).content.decode()
    panel = html.split('id="feedback"')[0]
    assert sorted(rendered_choices(panel)) == ["Baghdad", "Basra", "Erbil", "Mosul"]
    lowered = panel.lower()
    assert "is_correct" not in lowered and "correct" not in lowered and "right" not in lowered
    choice_ids = {str(choice.pk) for choice in quiz.mc.choices.all()}
    assert not choice_ids & set(re.findall(r'value="(\d+)"', panel)) - {"1", "2", "3", "4"}
    assert "<!--" not in panel


def test_right_choice_position_varies_across_attempts_when_shuffling():
    assignment = AssignmentFactory(shuffle_choices=True, attempts_allowed=1)
    question = multiple_choice_question(article=assignment.article, answer="Mosul")
    AssignmentQuestion.objects.create(assignment=assignment, question=question, position=0)
    positions = set()
    for _ in range(12):
        student = UserFactory()
        EnrollmentFactory(classroom=assignment.classroom, student=student)
        from django.test import Client

        client = Client()
        client.force_login(student)
        page = client.post(f"/assignment/{assignment.pk}/start/", follow=True).content.decode()
        positions.add(rendered_choices(page).index("Mosul"))
    assert len(positions) >= 3


def test_same_attempt_sees_the_same_order_on_every_load():
    quiz = make_quiz()
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/"
    orders = {tuple(rendered_choices(quiz.client.get(url).content.decode())) for _ in range(3)}
    assert len(orders) == 1


def test_without_shuffling_choices_keep_their_stored_order():
    quiz = make_quiz(shuffle=False, reveal=Assignment.Reveal.AFTER_FINISH)
    attempt = start(quiz)
    html = quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/").content.decode()
    assert rendered_choices(html) == ["Mosul", "Baghdad", "Basra", "Erbil"]
