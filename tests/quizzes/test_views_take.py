"""Taking a quiz through the pages: HTMX partials, the same flow with JavaScript off, and every refusal."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from quizzes import services
from quizzes.models import Assignment, Attempt, Response
from quizzes.services import messages
from quizzes.views.take import ALREADY_ANSWERED
from tests.factories import EnrollmentFactory, QuestionFactory, UserFactory
from tests.quizzes.view_helpers import EVIDENCE, HTMX, choice_number, make_quiz, right_text, start

pytestmark = pytest.mark.django_db


def panel_of(html: str) -> str:
    return html.split('id="question-panel"', 1)[1].split('id="feedback"', 1)[0]


def close_quiz(quiz) -> None:
    """The quiz closed a minute ago, behind the student's back (no page saw it close)."""
    Assignment.objects.filter(pk=quiz.assignment.pk).update(
        opens_at=timezone.now() - dt.timedelta(hours=2), closes_at=timezone.now() - dt.timedelta(minutes=1)
    )


def test_htmx_request_gets_the_question_partial_and_a_plain_request_the_whole_page():
    quiz = make_quiz()
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/"

    fragment = quiz.client.get(url, headers=HTMX)
    page = quiz.client.get(url)

    assert "<html" not in fragment.content.decode()
    assert 'id="question-panel"' in fragment.content.decode()
    assert 'hx-swap-oob="true"' in fragment.content.decode()  # progress and article ride along
    assert "<html" in page.content.decode() and 'id="article"' in page.content.decode()
    assert "HX-Request" in page["Vary"] and "HX-Request" in fragment["Vary"]


def test_history_restore_request_gets_the_whole_page():
    quiz = make_quiz()
    attempt = start(quiz)
    response = quiz.client.get(
        f"/attempt/{attempt.pk}/", headers={**HTMX, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


def test_quiz_page_shows_article_and_progress():
    quiz = make_quiz()
    attempt = start(quiz)
    html = quiz.client.get(f"/attempt/{attempt.pk}/").content.decode()
    assert "Iraqi forces have entered the city of Mosul" in html
    assert "Question 1 of 3" in html
    assert '<progress max="3" value="0"' in html
    assert "<fieldset>" in html and "<legend>" in html


def test_whole_quiz_completes_with_plain_posts_and_redirects():
    quiz = make_quiz()
    attempt = start(quiz)
    page = quiz.client.get(f"/attempt/{attempt.pk}/", follow=True).content.decode()
    for question in [quiz.mc, quiz.tf]:
        number = choice_number(question, right_text(question), panel_of(page))
        answered = quiz.client.post(
            f"/attempt/{attempt.pk}/question/{question.pk}/answer/", {"choice": number}
        )
        # Back to the question itself (#quiz), not to the top of the article above it on a phone.
        assert answered.status_code == 302 and answered["Location"].endswith("#quiz")
        page = quiz.client.get(answered["Location"]).content.decode()
        assert "Correct" in page
        page = quiz.client.get(
            re.search(r'href="(/attempt/\d+/question/\d+/)#quiz"', page).group(1)
        ).content.decode()
    answered = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100000"}
    )
    assert answered.status_code == 302
    last = quiz.client.get(answered["Location"]).content.decode()
    assert "Finish and see results" in last

    finished = quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    assert finished.status_code == 302 and finished["Location"] == f"/attempt/{attempt.pk}/results/"
    results = quiz.client.get(finished["Location"]).content.decode()
    assert '3</span><span class="score__max"> / 3' in results
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 3


def test_htmx_answer_returns_feedback_naming_the_right_answer_and_marks_the_evidence():
    quiz = make_quiz()
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/"
    number = choice_number(quiz.tf, "False", quiz.client.get(url).content.decode())

    response = quiz.client.post(url + "answer/", {"choice": number}, headers=HTMX)
    html = response.content.decode()

    assert response.status_code == 200 and "<html" not in html
    assert "Not quite." in html and 'The answer is <strong class="right-answer">True</strong>' in html
    assert f'<mark class="evidence" id="evidence">{EVIDENCE}</mark>' in html
    # On a phone the question is far below the marked sentence: a link leads back, once, after it.
    assert html.count('<p class="evidence-back"><a href="#quiz">Back to the question</a></p>') == 1
    assert html.index('id="evidence"') < html.index('class="evidence-back"')
    assert "answerSaved" in response["HX-Trigger"]
    assert Response.objects.filter(attempt=attempt, question=quiz.tf, is_correct=False).count() == 1


def test_without_reveal_after_each_the_feedback_is_neutral():
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_FINISH)
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/"
    number = choice_number(quiz.tf, "False", quiz.client.get(url).content.decode())
    html = quiz.client.post(url + "answer/", {"choice": number}, headers=HTMX).content.decode()
    assert "Answer saved." in html
    assert "Not quite" not in html and "Correct" not in html and "<mark" not in html
    assert "You will see how you did when you finish." in html


def test_with_reveal_after_closing_the_feedback_promises_the_right_answers_not_the_score():
    # The results page shows the score at once; only the right answers wait for the closing time.
    quiz = make_quiz(reveal=Assignment.Reveal.AFTER_CLOSE)
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"
    html = quiz.client.post(url, {"answer_text": "100,000"}, headers=HTMX).content.decode()
    assert "You will see which answers were right after the quiz closes." in html
    assert "how you did" not in html


def test_answering_twice_keeps_the_first_answer_and_says_so():
    quiz = make_quiz()
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"

    quiz.client.post(url, {"answer_text": "100,000"}, headers=HTMX)
    second = quiz.client.post(url, {"answer_text": "5"}, headers=HTMX).content.decode()

    assert ALREADY_ANSWERED in second
    assert "Your answer: <strong>100,000</strong>" in second
    assert list(Response.objects.filter(attempt=attempt).values_list("given_answer", flat=True)) == [
        "100,000"
    ]
    plain = quiz.client.post(url, {"answer_text": "7"}, follow=True).content.decode()
    assert ALREADY_ANSWERED in plain


def test_answer_after_finishing_is_refused_with_a_message_and_not_stored():
    quiz = make_quiz()
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/finish/")
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"

    htmx = quiz.client.post(url, {"answer_text": "100,000"}, headers=HTMX).content.decode()
    plain = quiz.client.post(url, {"answer_text": "100,000"}, follow=True).content.decode()

    assert messages.ALREADY_FINISHED in htmx and "<html" not in htmx
    assert plain.count(messages.ALREADY_FINISHED) == 1 and "<h1>Results:" in plain
    assert not Response.objects.filter(attempt=attempt).exists()


def test_answer_after_the_quiz_closed_is_refused():
    quiz = make_quiz()
    attempt = start(quiz)
    close_quiz(quiz)
    html = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"}, headers=HTMX
    ).content.decode()
    # Reading the attempt finishes it at the closing time; the student must still be told it closed.
    assert messages.CLOSED in html and messages.ALREADY_FINISHED not in html
    assert not Response.objects.filter(attempt=attempt).exists()


def test_answer_without_javascript_after_the_quiz_closed_says_it_closed():
    quiz = make_quiz()
    attempt = start(quiz)
    close_quiz(quiz)
    page = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"}, follow=True
    )
    html = page.content.decode()
    assert messages.CLOSED in html and messages.ALREADY_FINISHED not in html
    assert page.redirect_chain[-1][0] == f"/attempt/{attempt.pk}/results/"


def test_opening_the_quiz_page_after_it_closed_goes_to_the_results_and_says_so():
    quiz = make_quiz()
    attempt = start(quiz)
    close_quiz(quiz)
    page = quiz.client.get(f"/attempt/{attempt.pk}/", follow=True)
    html = page.content.decode()
    assert page.redirect_chain == [(f"/attempt/{attempt.pk}/results/", 302)]
    assert messages.CLOSED in html
    assert 'name="answer_text"' not in html


def test_a_quiz_the_teacher_closed_now_says_it_closed_on_the_next_step_and_keeps_the_score():
    # "Close now" finishes the attempt at once, so the next page the student asks for finds it finished:
    # it said "You have already finished this attempt", which the student never did.
    quiz = make_quiz()
    attempt = start(quiz)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"})
    classmate = make_classmate(quiz)
    classmate.post(f"/assignment/{quiz.assignment.pk}/start/")
    theirs = Attempt.objects.get(assignment=quiz.assignment, student__username="classmate")
    classmate.post(f"/attempt/{theirs.pk}/finish/")
    # Finished by the student while the quiz was open: that is what they are told, before the close.
    assert messages.ALREADY_FINISHED in classmate.get(f"/attempt/{theirs.pk}/", follow=True).content.decode()
    services.assignments_close_now(assignments=[quiz.assignment])

    page = quiz.client.get(f"/attempt/{attempt.pk}/", follow=True)
    fragment = quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/", headers=HTMX)
    html = page.content.decode()
    assert page.redirect_chain == [(f"/attempt/{attempt.pk}/results/", 302)]
    assert messages.CLOSED in html and messages.ALREADY_FINISHED not in html
    assert fragment["HX-Redirect"] == f"/attempt/{attempt.pk}/results/"
    answer = f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/answer/"
    refused = quiz.client.post(answer, {"choice": 1}, headers=HTMX).content.decode()
    assert messages.CLOSED in refused and messages.ALREADY_FINISHED not in refused
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 1
    assert list(Response.objects.filter(attempt=attempt).values_list("given_answer", flat=True)) == [
        "100,000"
    ]


def make_classmate(quiz) -> Client:
    classmate = UserFactory(username="classmate")
    EnrollmentFactory(classroom=quiz.assignment.classroom, student=classmate)
    client = Client()
    client.force_login(classmate)
    return client


def test_another_students_attempt_is_404_and_nothing_is_written():
    quiz = make_quiz()
    attempt = start(quiz)
    intruder = UserFactory()
    EnrollmentFactory(classroom=quiz.assignment.classroom, student=intruder)
    quiz.client.force_login(intruder)

    assert quiz.client.get(f"/attempt/{attempt.pk}/").status_code == 404
    posted = quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "x"})
    assert posted.status_code == 404
    assert quiz.client.post(f"/attempt/{attempt.pk}/finish/").status_code == 404
    assert quiz.client.get(f"/attempt/{attempt.pk}/results/").status_code == 404
    attempt.refresh_from_db()
    assert not Response.objects.exists() and not attempt.is_finished


def test_question_outside_the_assignment_is_404_and_nothing_is_written():
    quiz = make_quiz()
    attempt = start(quiz)
    stranger = QuestionFactory(article=quiz.assignment.article, answer="Mosul")
    response = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{stranger.pk}/answer/", {"answer_text": "Mosul"}
    )
    assert response.status_code == 404
    assert not Response.objects.exists()


def test_over_long_answer_is_refused_with_a_message():
    quiz = make_quiz()
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"
    html = quiz.client.post(url, {"answer_text": "a" * 501}, headers=HTMX).content.decode()
    assert messages.ANSWER_TOO_LONG in html
    assert not Response.objects.exists()
    # What the student typed stays in the box (cut to the length allowed), to be corrected, not retyped.
    assert f'name="answer_text" maxlength="500" autocomplete="off" required value="{"a" * 500}"' in html


def test_a_refused_short_answer_is_put_back_escaped():
    quiz = make_quiz()
    attempt = start(quiz)
    close_quiz(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/"
    html = quiz.client.post(url, {"answer_text": '"><script>x()</script>'}, headers=HTMX).content.decode()
    assert messages.CLOSED in html
    assert "<script>x()" not in html


def test_a_choice_number_outside_the_question_is_refused():
    quiz = make_quiz()
    attempt = start(quiz)
    url = f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/answer/"
    html = quiz.client.post(url, {"choice": 99}, headers=HTMX).content.decode()
    assert messages.CHOICE_NOT_IN_QUESTION in html
    assert not Response.objects.exists()


def test_markup_in_question_and_article_is_shown_escaped():
    quiz = make_quiz()
    quiz.short.prompt = "<script>alert('q')</script>?"
    quiz.short.save()
    article = quiz.assignment.article
    article.text = "<script>alert('a')</script> " + article.text
    article.save()
    attempt = start(quiz)
    html = quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;q&#x27;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#x27;a&#x27;)&lt;/script&gt;" in html
    # The article re-sent with an answer's sentence marked is rendered apart (views/article_view.py).
    number = choice_number(quiz.tf, "True", html_of(quiz, attempt, quiz.tf))
    answer = f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/answer/"
    marked = quiz.client.post(answer, {"choice": number}, headers=HTMX).content.decode()
    assert '<mark class="evidence" id="evidence">' in marked
    assert "<script>alert" not in marked and "&lt;script&gt;alert(&#x27;a&#x27;)&lt;/script&gt;" in marked


def html_of(quiz, attempt, question) -> str:
    return quiz.client.get(f"/attempt/{attempt.pk}/question/{question.pk}/", headers=HTMX).content.decode()


def test_start_for_a_class_the_student_is_not_in_is_refused():
    quiz = make_quiz()
    outsider = UserFactory()
    quiz.client.force_login(outsider)
    response = quiz.client.post(f"/assignment/{quiz.assignment.pk}/start/", follow=True)
    assert messages.NOT_ENROLLED in response.content.decode()
    assert not Attempt.objects.exists()


def test_htmx_start_redirects_on_the_client_never_a_bare_302():
    quiz = make_quiz()
    response = quiz.client.post(f"/assignment/{quiz.assignment.pk}/start/", headers=HTMX)
    attempt = Attempt.objects.get(student=quiz.student)
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/attempt/{attempt.pk}/"


def test_views_need_a_signed_in_user():
    quiz = make_quiz()
    attempt = start(quiz)
    quiz.client.logout()
    response = quiz.client.get(f"/attempt/{attempt.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    # An HTMX request from an expired session goes to the sign-in page as a whole page, not into the panel.
    htmx = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "1"}, headers=HTMX
    )
    assert htmx.status_code == 200 and htmx["HX-Redirect"].startswith("/login/?next=")
    assert not Response.objects.exists()


def test_plain_and_htmx_posts_work_with_csrf_enforced():
    quiz = make_quiz()
    client = Client(enforce_csrf_checks=True)
    client.force_login(quiz.student)
    dashboard = client.get("/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', dashboard).group(1)
    assert client.post(f"/assignment/{quiz.assignment.pk}/start/").status_code == 403
    started = client.post(f"/assignment/{quiz.assignment.pk}/start/", {"csrfmiddlewaretoken": token})
    assert started.status_code == 302
    page = client.get(started["Location"]).content.decode()
    header_token = re.search(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'", page).group(1)
    attempt = Attempt.objects.get(student=quiz.student)
    answered = client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/",
        {"answer_text": "100,000"},
        headers={**HTMX, "X-CSRFToken": header_token},
    )
    assert answered.status_code == 200 and Response.objects.filter(attempt=attempt).count() == 1


def test_the_quiz_page_is_never_kept_by_the_browser():
    # Back and Forward showed a copy from before the last answers: "0 answered" and a form already used.
    quiz = make_quiz()
    attempt = start(quiz)
    cache_control = quiz.client.get(f"/attempt/{attempt.pk}/")["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_a_question_assigned_without_choices_is_passed_over_and_the_quiz_can_be_finished():
    # Old data: assigned before saving required two choices. With nothing to pick the student could not
    # answer it, and every later question and the Finish button sat behind it.
    quiz = make_quiz()
    quiz.mc.choices.all().delete()
    attempt = start(quiz)

    first = quiz.client.get(f"/attempt/{attempt.pk}/").content.decode()
    assert quiz.tf.prompt in panel_of(first) and "Question 2 of 3" in first

    skipped = panel_of(quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/").content.decode())
    assert "no answers to choose from" in skipped and 'name="choice"' not in skipped
    assert f'href="/attempt/{attempt.pk}/question/{quiz.tf.pk}/#quiz"' in skipped

    number = choice_number(quiz.tf, right_text(quiz.tf), first)
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/answer/", {"choice": number})
    quiz.client.post(f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "100,000"})
    last = quiz.client.get(f"/attempt/{attempt.pk}/").content.decode()
    assert "were passed over" in last and "Finish and see results" in last
    skipped = panel_of(quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/").content.decode())
    assert f'action="/attempt/{attempt.pk}/finish/"' in skipped

    finished = quiz.client.post(f"/attempt/{attempt.pk}/finish/", follow=True)
    assert finished.status_code == 200
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 2
