"""The links a question panel offers (take_context._urls): answer, next question, finish, results."""

import pytest

from quizzes.selectors import attempt_state
from quizzes.selectors.quiz_items import nothing_to_pick
from quizzes.services import attempt_start, response_submit
from quizzes.views.take_context import _urls
from tests.quizzes.view_helpers import make_quiz

pytestmark = pytest.mark.django_db

NO_LINKS = {"answer_url": "", "next_url": "", "finish_url": "", "results_url": ""}


@pytest.fixture
def taking():
    """make_quiz's mc, tf and short questions (in that order) and a started attempt; `answer(q)` answers q."""
    quiz = make_quiz()
    attempt = attempt_start(assignment=quiz.assignment, student=quiz.student)

    def answer(*questions):
        for question in questions:
            choice = question.choices.first()  # None for the short answer, which takes the text
            response_submit(
                attempt=attempt,
                student=quiz.student,
                question_id=question.pk,
                choice_id=choice and choice.pk,
                answer_text="x",
            )

    return quiz, attempt, answer


def links(attempt, question, refused=False) -> dict[str, str]:
    """The links for `question` (None: the "every question answered" panel), as take_context asks."""
    state = attempt_state(attempt=attempt)
    item = next(i for i in state.items if i.question_id == question.pk) if question else None
    response = state.answered.get(item.question_id) if item else None
    unanswerable = item is not None and response is None and nothing_to_pick(item.question)
    return _urls(state, item, response, refused, unanswerable=unanswerable)


def test_unanswered_question_links_only_its_answer_form(taking):
    quiz, attempt, _ = taking
    for question in (quiz.mc, quiz.tf):  # the next one to answer, and one opened ahead of it
        assert links(attempt, question) == {
            **NO_LINKS,
            "answer_url": f"/attempt/{attempt.pk}/question/{question.pk}/answer/",
        }


def test_answered_question_links_the_next_unanswered_one(taking):
    quiz, attempt, answer = taking
    answer(quiz.mc)
    assert links(attempt, quiz.mc) == {
        **NO_LINKS,
        "next_url": f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/",
    }


def test_next_link_goes_back_to_a_skipped_question(taking):
    quiz, attempt, answer = taking
    answer(quiz.tf, quiz.short)
    assert links(attempt, quiz.short) == {
        **NO_LINKS,
        "next_url": f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/",
    }


def test_last_answer_links_finish_instead_of_next(taking):
    quiz, attempt, answer = taking
    answer(*quiz.questions)
    assert links(attempt, quiz.short) == {**NO_LINKS, "finish_url": f"/attempt/{attempt.pk}/finish/"}


def test_every_question_answered_panel_links_finish(taking):
    quiz, attempt, answer = taking
    answer(*quiz.questions)
    assert links(attempt, None) == {**NO_LINKS, "finish_url": f"/attempt/{attempt.pk}/finish/"}


def test_refused_answer_links_only_the_results(taking):
    quiz, attempt, answer = taking
    answer(quiz.mc)
    results = {**NO_LINKS, "results_url": f"/attempt/{attempt.pk}/results/"}
    assert links(attempt, quiz.mc, refused=True) == results  # answered
    assert links(attempt, quiz.tf, refused=True) == results  # not answered


def test_a_question_with_nothing_to_pick_links_the_next_one_instead_of_an_answer_form(taking):
    # Old data: a question assigned without choices. An answer form there could never be sent.
    quiz, attempt, answer = taking
    quiz.mc.choices.all().delete()
    assert links(attempt, quiz.mc) == {
        **NO_LINKS,
        "next_url": f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/",
    }
    answer(quiz.tf, quiz.short)
    assert links(attempt, quiz.mc) == {**NO_LINKS, "finish_url": f"/attempt/{attempt.pk}/finish/"}
