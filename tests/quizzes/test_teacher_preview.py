"""Preview as student: the real quiz page, graded in memory, and not one Attempt or Response written."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Attempt, Response
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    ChoiceFactory,
    ClassroomFactory,
    EnrollmentFactory,
    multiple_choice_question,
)
from tests.quizzes.teacher_helpers import make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(client):
    teacher = make_teacher()
    client.force_login(teacher)
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher), shuffle_choices=False)
    short = AssignmentQuestionFactory(
        assignment=assignment,
        position=0,
        question__prompt="Which city did forces enter?",
        question__answer="Mosul",
    )
    choice = multiple_choice_question(article=assignment.article, prompt="Where was the caliphate announced?")
    AssignmentQuestionFactory(assignment=assignment, position=1, question=choice)
    return assignment, short.question, choice


def test_preview_shows_the_quiz_with_a_preview_banner(client, quiz):
    assignment, short, _ = quiz
    response = client.get(reverse("teacher_preview", args=[assignment.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing you do here is recorded" in page
    assert short.prompt in page
    assert "Iraqi forces have entered the city of Mosul" in page  # the article beside the question
    assert reverse("teacher_preview_answer", args=[assignment.pk, short.pk]) in page


def test_answering_in_preview_grades_but_writes_nothing(client, quiz):
    assignment, short, choice = quiz
    before = (Attempt.objects.count(), Response.objects.count())

    client.post(reverse("teacher_preview_answer", args=[assignment.pk, short.pk]), {"answer_text": "mosul"})
    page = client.get(reverse("teacher_preview_question", args=[assignment.pk, short.pk])).content.decode()
    assert "mosul" in page.lower()
    # The multiple-choice question, unshuffled: place 2 is "Baghdad", a wrong answer.
    client.post(reverse("teacher_preview_answer", args=[assignment.pk, choice.pk]), {"choice": "2"})
    finished = client.get(reverse("teacher_preview", args=[assignment.pk]))
    assert finished.status_code == 200
    assert reverse("teacher_preview_finish", args=[assignment.pk]) in finished.content.decode()
    done = client.get(reverse("teacher_preview_finish", args=[assignment.pk])).content.decode()

    # The end page reads as the student's results page does once answers are shown.
    assert 'score__value">1</span><span class="score__max"> / 2' in done
    assert done.count("review--right") == 1 and done.count("review--wrong") == 1
    assert re.search(r"Your answer:\s*<strong>Baghdad</strong>", done)
    assert "The answer is <strong>Mosul</strong>." in done
    assert (Attempt.objects.count(), Response.objects.count()) == before


def test_preview_end_quotes_the_evidence_of_a_missed_question(client, quiz):
    assignment, short, choice = quiz
    text = assignment.article.text
    start = text.index("Iraqi forces have entered the city of Mosul")
    choice.evidence_start, choice.evidence_end = start, text.index(".", start) + 1
    choice.save()
    client.post(reverse("teacher_preview_answer", args=[assignment.pk, choice.pk]), {"choice": "2"})
    done = client.get(reverse("teacher_preview_finish", args=[assignment.pk])).content.decode()
    assert "<mark>Mosul</mark>" in done and "From the article" in done


def test_preview_over_htmx_returns_the_swapped_partials(client, quiz):
    assignment, short, _ = quiz
    url = reverse("teacher_preview_answer", args=[assignment.pk, short.pk])
    response = client.post(url, {"answer_text": "Mosul"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page and 'id="question-panel"' in page
    assert not Response.objects.exists()


def test_preview_can_start_again(client, quiz):
    assignment, short, _ = quiz
    client.post(reverse("teacher_preview_answer", args=[assignment.pk, short.pk]), {"answer_text": "Mosul"})
    client.post(reverse("teacher_preview_reset", args=[assignment.pk]))
    done = client.get(reverse("teacher_preview_finish", args=[assignment.pk])).content.decode()
    assert 'score__value">0</span><span class="score__max"> / 2' in done


def test_preview_is_not_found_for_a_student_or_another_teacher(client, quiz):
    assignment, short, _ = quiz
    student = EnrollmentFactory(classroom=assignment.classroom).student
    for user in (student, make_teacher()):
        client.force_login(user)
        assert client.get(reverse("teacher_preview", args=[assignment.pk])).status_code == 404
        url = reverse("teacher_preview_answer", args=[assignment.pk, short.pk])
        assert client.post(url, {"answer_text": "Mosul"}).status_code == 404


def test_preview_end_tells_a_short_answer_its_answer_not_a_choice_left_from_multiple_choice(client, quiz):
    assignment, short, _ = quiz
    ChoiceFactory(question=short, text="Raqqa", is_correct=True)  # kept from when it had choices
    client.post(reverse("teacher_preview_answer", args=[assignment.pk, short.pk]), {"answer_text": "Aleppo"})
    done = client.get(reverse("teacher_preview_finish", args=[assignment.pk])).content.decode()
    assert "The answer is <strong>Mosul</strong>." in done
    assert "Raqqa" not in done


def test_preview_shows_the_teacher_a_question_assigned_without_choices(client, quiz):
    # Old data: students pass over it (nothing to pick); the teacher's preview says so, and how to fix it.
    assignment, short, choice = quiz
    choice.choices.all().delete()
    client.post(reverse("teacher_preview_answer", args=[assignment.pk, short.pk]), {"answer_text": "Mosul"})

    page = client.get(reverse("teacher_preview", args=[assignment.pk])).content.decode()
    assert "Students pass over this question" in page and 'name="choice"' not in page
    assert f'action="{reverse("teacher_preview_finish", args=[assignment.pk])}"' in page
    done = client.get(reverse("teacher_preview_finish", args=[assignment.pk]))
    assert done.status_code == 200
