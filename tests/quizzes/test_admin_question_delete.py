"""Deleting a question students have answered: the admin refuses (their answers point at it), and says what to
do instead, where Django's page only listed 'protected related objects'."""

import pytest
from django.urls import reverse

from tests.factories import AssignmentQuestionFactory, ClassroomFactory, QuestionFactory, ResponseFactory

pytestmark = pytest.mark.django_db

INSTEAD = "reject it"


@pytest.fixture
def answered(teacher):
    item = AssignmentQuestionFactory(assignment__classroom=ClassroomFactory(teacher=teacher), position=1)
    ResponseFactory(question=item.question, attempt__assignment=item.assignment)
    return item.question


def test_the_refusal_to_delete_an_answered_question_says_what_to_do_instead(client, answered):
    page = client.get(reverse("admin:quizzes_question_delete", args=[answered.pk])).content.decode()
    assert "Cannot delete question" in page
    assert INSTEAD in page and "regrades" in page
    assert reverse("admin:quizzes_question_change", args=[answered.pk]) in page


def test_the_bulk_delete_refusal_says_the_same(client, answered, teacher):
    spare = QuestionFactory(article=answered.article)
    selected = {"action": "delete_selected", "_selected_action": [answered.pk, spare.pk]}
    page = client.post(reverse("admin:quizzes_question_changelist"), selected).content.decode()
    assert "Cannot delete questions" in page
    assert INSTEAD in page


def test_a_question_nobody_answered_is_deleted_without_the_advice(client, teacher):
    question = QuestionFactory(article__owner=teacher)
    page = client.get(reverse("admin:quizzes_question_delete", args=[question.pk])).content.decode()
    assert "Are you sure" in page and INSTEAD not in page
