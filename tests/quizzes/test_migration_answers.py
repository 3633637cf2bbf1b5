"""Migration 0008 brings answers saved before the rule into line with their ticked choice."""

import importlib

import pytest
from django.apps import apps

from quizzes.models import Question
from tests.factories import QuestionFactory, multiple_choice_question

pytestmark = pytest.mark.django_db

migration = importlib.import_module("quizzes.migrations.0008_answers_follow_right_choice")


def test_an_answer_that_disagreed_with_its_ticked_choice_now_names_it():
    disagreeing = multiple_choice_question(answer="March", wrong=("June",))
    Question.objects.filter(pk=disagreeing.pk).update(answer="June")
    untouched = QuestionFactory(answer="June")  # a short answer has no choice to follow

    migration.answers_follow_right_choice(apps, None)
    assert Question.objects.get(pk=disagreeing.pk).answer == "March"
    assert Question.objects.get(pk=untouched.pk).answer == "June"
