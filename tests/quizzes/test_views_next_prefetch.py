"""A saved answer's reply carries the next question, so "Next question" needs no request (static/js/next.js).

What the template holds must be exactly what the "Next question" request would have shown, and nothing
that the question panel itself may not show before an answer.
"""

import re

import pytest

from quizzes.models import Assignment
from tests.quizzes.view_helpers import HTMX, choice_number, make_quiz, start

pytestmark = pytest.mark.django_db

TEMPLATE = re.compile(r'<template id="next-question">(.*?)</template>', re.S)


def without_csrf_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # masked afresh on every render


def answer_short(quiz, attempt, **headers):
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"
    return quiz.client.post(url, {"answer_text": "Mosul"}, headers=headers)


def prefetched(reply) -> str:
    match = TEMPLATE.search(reply.content.decode())
    assert match, "the reply carries no next question"
    return match.group(1)


def test_saved_answer_carries_the_next_question_as_the_next_request_would_show_it():
    quiz = make_quiz()
    attempt = start(quiz)
    reply = answer_short(quiz, attempt, **HTMX)

    inside = prefetched(reply)
    assert f'hx-post="/attempt/{attempt.pk}/question/{quiz.mc.pk}/answer/"' in inside
    assert "Where did the forces enter?" in inside
    assert "Question 1 of 3" in inside and '<progress max="3" value="1"' in inside
    assert 'data-next-template="next-question"' in reply.content.decode()
    # The same panel the "Next question" link fetches, same choice order, same form.
    fetched = quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/", headers=HTMX).content.decode()
    panel = re.search(r'<div id="question-panel".*?</form>', inside, re.S).group(0)
    assert without_csrf_token(panel) in without_csrf_token(fetched)


def test_the_prefetched_question_does_not_tell_which_choice_is_right():
    quiz = make_quiz()
    attempt = start(quiz)
    inside = prefetched(answer_short(quiz, attempt, **HTMX))
    assert "choice--right" not in inside and "Right answer" not in inside and "is_correct" not in inside


def test_no_next_question_after_the_last_one_and_no_template_without_htmx():
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_CLOSE)
    attempt = start(quiz)
    plain = answer_short(quiz, attempt)
    assert plain.status_code == 302  # JavaScript off: the redirect, as before
    for question in (quiz.mc, quiz.tf):
        reply = quiz.client.post(
            f"/attempt/{attempt.pk}/question/{question.pk}/answer/", {"choice": "1"}, headers=HTMX
        )
    assert attempt.responses.count() == 3
    assert not TEMPLATE.search(reply.content.decode())
    assert "Finish and see results" in reply.content.decode()


def test_answer_sent_twice_still_carries_the_next_question():
    quiz = make_quiz()
    attempt = start(quiz)
    answer_short(quiz, attempt, **HTMX)
    again = answer_short(quiz, attempt, **HTMX)
    assert "your first answer was kept" in again.content.decode()
    assert "Where did the forces enter?" in prefetched(again)
    assert attempt.responses.count() == 1


def test_the_prefetched_form_carries_a_csrf_token_that_lets_it_post():
    # HTMX fragments are rendered without the context processors, with the request's token passed in:
    # the form shown from the <template> must still get past CSRF checks when posted as a plain form.
    quiz = make_quiz()
    quiz.client.handler.enforce_csrf_checks = True
    attempt = start_with_token(quiz)
    token = quiz.client.cookies["csrftoken"].value
    saved = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/",
        {"answer_text": "Mosul"},
        headers={**HTMX, "X-CSRFToken": token},
    )
    inside = prefetched(saved)
    form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', inside).group(1)
    action = re.search(r'<form method="post" action="([^"]+)"', inside).group(1)
    number = choice_number(quiz.mc, "Mosul", inside)
    posted = quiz.client.post(action, {"choice": number, "csrfmiddlewaretoken": form_token})
    assert posted.status_code == 302  # saved and redirected, not 403
    assert attempt.responses.count() == 2


def start_with_token(quiz):
    from quizzes.models import Attempt

    home = quiz.client.get("/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', home.content.decode()).group(1)
    reply = quiz.client.post(f"/assignment/{quiz.assignment.pk}/start/", {"csrfmiddlewaretoken": token})
    assert reply.status_code == 302
    return Attempt.objects.get(assignment=quiz.assignment, student=quiz.student, finished_at__isnull=True)
