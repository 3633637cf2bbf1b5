"""Question review in the admin: approve/reject, evidence shown escaped, edits that regrade answers, and
"Generate questions" on articles."""

import pytest
from django.contrib.messages import constants as message_levels
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.html import escape

from quizzes import constraint_messages
from quizzes.models import Question
from quizzes.services import messages
from quizzes.services.generation import GenerationResult
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    AssignmentQuestionFactory,
    AttemptFactory,
    QuestionFactory,
    ResponseFactory,
    multiple_choice_question,
    question_lacking_choices,
)
from tests.quizzes.teacher_helpers import admin_form_data, top_errors

pytestmark = pytest.mark.django_db


def run_action(client, admin_name, action, ids):
    url = reverse(f"admin:{admin_name}_changelist")
    return client.post(url, {"action": action, "_selected_action": ids}, follow=True)


def new_question_form(client, article, prompt: str, answer: str, choices: tuple[str, str]) -> dict:
    """The admin's add-question form filled in: multiple choice, the first of `choices` ticked as right."""
    right, wrong = choices
    return admin_form_data(
        client.get(reverse("admin:quizzes_question_add")).content.decode(),
        article=str(article.pk),
        kind=Question.Kind.MULTIPLE_CHOICE,
        prompt=prompt,
        answer=answer,
        **{
            "choices-TOTAL_FORMS": "2",
            "choices-0-text": right,
            "choices-0-is_correct": "on",
            "choices-0-position": "0",
            "choices-1-text": wrong,
            "choices-1-position": "1",
        },
    )


def assert_refused_as_not_the_ticked_choice(response, answer: str = "June", choice: str = "March") -> None:
    """The form came back (not saved), saying the typed answer is not the choice ticked as right."""
    assert response.status_code == 200
    expected = messages.ANSWER_NOT_RIGHT_CHOICE.format(answer=answer, choice=choice)
    assert escape(expected) in response.content.decode()


def test_approve_and_reject_change_only_the_teachers_own_questions(client, teacher):
    mine = QuestionFactory(article=ArticleFactory(owner=teacher), status=Question.Status.DRAFT)
    theirs = QuestionFactory(status=Question.Status.DRAFT)

    response = run_action(client, "quizzes_question", "approve", [mine.pk, theirs.pk])
    assert "1 question(s) approved." in response.content.decode()
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.status == Question.Status.APPROVED
    assert theirs.status == Question.Status.DRAFT

    run_action(client, "quizzes_question", "reject", [mine.pk])
    mine.refresh_from_db()
    assert mine.status == Question.Status.REJECTED


def test_change_page_shows_the_evidence_sentence_escaped(client, teacher):
    text = "Intro sentence. The <script>alert(1)</script> city fell in 2014. Last one."
    article = ArticleFactory(owner=teacher, text=text)
    start = text.index("The <script>")
    end = text.index("2014.") + len("2014.")
    question = QuestionFactory(article=article, evidence_start=start, evidence_end=end)

    page = client.get(reverse("admin:quizzes_question_change", args=[question.pk])).content.decode()
    assert "The &lt;script&gt;alert(1)&lt;/script&gt; city fell in 2014." in page
    assert "<script>alert(1)</script>" not in page


def test_the_choices_heading_says_a_short_answer_ignores_them(client, teacher):
    # Turned from multiple choice into a short answer, a question keeps its choices, one still ticked, beside
    # a different answer: the page did not say which one students are graded against.
    question = multiple_choice_question(article=ArticleFactory(owner=teacher))
    page = client.get(reverse("admin:quizzes_question_change", args=[question.pk])).content.decode()
    assert "a short answer ignores them" in page


def answered_question(teacher, *, answer="Mosul", given="Baghdad"):
    assignment = AssignmentFactory(classroom__teacher=teacher)
    item = AssignmentQuestionFactory(assignment=assignment, question__answer=answer)
    attempt = AttemptFactory(assignment=assignment, score=0, max_score=1)
    response = ResponseFactory(attempt=attempt, question=item.question, given_answer=given, is_correct=False)
    return item.question, attempt, response


def test_correcting_an_answered_question_regrades_and_rescores(client, teacher):
    question, attempt, response = answered_question(teacher, answer="Mosul", given="Baghdad")
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), answer="Baghdad")

    page = client.post(url, data, follow=True).content.decode()
    assert "1 student answer(s)" in page and "regraded" in page
    response.refresh_from_db(), attempt.refresh_from_db()
    assert response.is_correct is True
    assert attempt.score == 1


def test_editing_a_generated_question_marks_it_as_the_teachers(client, teacher):
    question = QuestionFactory(article=ArticleFactory(owner=teacher), origin=Question.Origin.GENERATED)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), prompt="Which city did forces enter?")
    assert client.post(url, data).status_code == 302
    question.refresh_from_db()
    assert question.prompt == "Which city did forces enter?"
    assert question.edited_by_teacher is True


def test_generate_questions_action_reports_the_services_message(client, teacher, monkeypatch):
    article = ArticleFactory(owner=teacher, title="Mosul offensive")
    calls = []

    def fake_generate(*, article, limit=20):
        calls.append(article.pk)
        return GenerationResult(created=3, skipped=1, message="3 draft question(s) generated for review.")

    monkeypatch.setattr("quizzes.services.generation.questions_generate", fake_generate)
    response = run_action(client, "articles_article", "generate_questions", [article.pk])
    assert calls == [article.pk]
    (message,) = list(response.context["messages"])
    assert "Mosul offensive" in message.message and "3 draft question(s)" in message.message
    assert message.level == message_levels.SUCCESS


def test_generate_questions_failure_is_reported_as_an_error(client, teacher, monkeypatch):
    article = ArticleFactory(owner=teacher)

    def refuse(*, article, limit=20):
        raise ValidationError("No questions could be generated from this text because it is empty.")

    monkeypatch.setattr("quizzes.services.generation.questions_generate", refuse)
    response = run_action(client, "articles_article", "generate_questions", [article.pk])
    (message,) = list(response.context["messages"])
    assert message.level == message_levels.ERROR
    assert "No questions could be generated" in message.message


def test_article_list_shows_question_counts(client, teacher):
    article = ArticleFactory(owner=teacher)
    QuestionFactory.create_batch(2, article=article, status=Question.Status.APPROVED)
    QuestionFactory(article=article, status=Question.Status.DRAFT)
    response = client.get(reverse("admin:articles_article_changelist"))
    (row,) = response.context["cl"].result_list
    assert (row.approved_total, row.draft_total) == (2, 1)


def test_question_list_shows_the_start_of_a_long_headline_and_sorts_by_it(client, teacher):
    # The whole headline, squeezed into its column, made each row of the list hundreds of pixels tall.
    headline = "Mosul offensive: Iraqi troops enter Isis stronghold for first time in two years"
    QuestionFactory(article=ArticleFactory(owner=teacher, title=headline))
    html = client.get(reverse("admin:quizzes_question_changelist")).content.decode()
    assert '<td class="field-article_headline">Mosul offensive: Iraqi troops…</td>' in html
    assert headline not in html.split('id="changelist-filter"')[0]  # in full only in the filter
    assert client.get(reverse("admin:quizzes_question_changelist") + "?o=6").status_code == 200


def test_moving_the_right_choice_regrades_answers_in_one_save(client, teacher):
    assignment = AssignmentFactory(classroom__teacher=teacher)
    question = multiple_choice_question(
        article=assignment.article, answer="Mosul", wrong=("Baghdad", "Basra")
    )
    AssignmentQuestionFactory(assignment=assignment, question=question)
    attempt = AttemptFactory(assignment=assignment, score=0, max_score=1)
    baghdad = question.choices.get(text="Baghdad")
    response = ResponseFactory(attempt=attempt, question=question, choice=baghdad, given_answer="Baghdad")
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    html = client.get(url).content.decode()
    data = admin_form_data(html, **{"choices-0-is_correct": None, "choices-1-is_correct": "on"})

    page = client.post(url, data, follow=True).content.decode()
    assert "regraded" in page
    assert question.choices.get(is_correct=True).text == "Baghdad"
    response.refresh_from_db(), attempt.refresh_from_db()
    assert response.is_correct is True
    assert attempt.score == 1


def test_moving_the_right_choice_to_an_earlier_row_saves(client, teacher):
    question = multiple_choice_question(
        article=ArticleFactory(owner=teacher), answer="Mosul", wrong=("Basra",)
    )
    question.choices.filter(text="Basra").update(position=0)
    question.choices.filter(text="Mosul").update(position=1)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(), **{"choices-0-is_correct": "on", "choices-1-is_correct": None}
    )
    assert client.post(url, data).status_code == 302
    assert question.choices.get(is_correct=True).text == "Basra"


def test_two_right_choices_are_refused_with_a_message(client, teacher):
    question = multiple_choice_question(
        article=ArticleFactory(owner=teacher), answer="Mosul", wrong=("Basra",)
    )
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(), **{"choices-0-is_correct": "on", "choices-1-is_correct": "on"}
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Mark only one choice as the right answer." in response.content.decode()
    assert question.choices.filter(is_correct=True).count() == 1


def test_a_question_added_on_the_admin_page_keeps_its_choices(client, teacher):
    article = ArticleFactory(owner=teacher)
    url = reverse("admin:quizzes_question_add")
    data = new_question_form(
        client, article, "Which city did Iraqi forces enter?", "Mosul", ("Mosul", "Erbil")
    )
    assert client.post(url, data).status_code == 302
    question = Question.objects.get(prompt="Which city did Iraqi forces enter?")
    assert question.origin == Question.Origin.AUTHORED and question.edited_by_teacher is False
    assert [(c.text, c.is_correct) for c in question.choices.order_by("position")] == [
        ("Mosul", True),
        ("Erbil", False),
    ]


def test_a_question_added_on_the_article_page_is_saved(client, teacher):
    article = ArticleFactory(owner=teacher)
    QuestionFactory(article=article, prompt="Who announced the caliphate?")
    url = reverse("admin:articles_article_change", args=[article.pk])
    html = client.get(url).content.decode()
    data = admin_form_data(
        html,
        **{
            "questions-TOTAL_FORMS": "2",
            "questions-1-prompt": "How many forces launched the counter-offensive?",
            "questions-1-kind": Question.Kind.SHORT_ANSWER,
            "questions-1-answer": "100,000",
            "questions-1-status": Question.Status.APPROVED,
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    added = article.questions.get(answer="100,000")
    assert added.prompt == "How many forces launched the counter-offensive?"
    assert article.questions.count() == 2


def test_accepted_answers_are_written_one_per_line_and_regrade(client, teacher):
    # The field used to be raw JSON: typing "loudspeakers, speaker" was refused with "Enter a valid JSON."
    question, attempt, response = answered_question(teacher, answer="speakers", given="loudspeakers")
    question.accepted_answers = ["speaker"]
    question.save()
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    page = client.get(url).content.decode()
    assert '">speaker</textarea>' in page or ">\nspeaker</textarea>" in page  # shown as a line, not JSON

    typed = "speaker\n  loudspeakers \n\nspeaker\n"
    done = client.post(url, admin_form_data(page, accepted_answers=typed), follow=True).content.decode()
    assert "1 student answer(s)" in done and "regraded" in done
    question.refresh_from_db(), response.refresh_from_db(), attempt.refresh_from_db()
    assert question.accepted_answers == ["speaker", "loudspeakers"]  # blank lines and repeats dropped
    assert response.is_correct is True and attempt.score == 1


def test_accepted_answers_pasted_as_a_json_list_still_save(client, teacher):
    question = QuestionFactory(article=ArticleFactory(owner=teacher))
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), accepted_answers='["one hundred", "100"]')
    assert client.post(url, data).status_code == 302
    question.refresh_from_db()
    assert question.accepted_answers == ["one hundred", "100"]


def march_question(teacher, **kw):
    return multiple_choice_question(
        article=ArticleFactory(owner=teacher), answer="March", wrong=("June", "May"), **kw
    )


def test_an_answer_that_is_not_the_ticked_choice_is_refused_with_a_message(client, teacher):
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), answer="June")

    assert_refused_as_not_the_ticked_choice(client.post(url, data))
    question.refresh_from_db()
    assert question.answer == "March"


def test_ticking_another_choice_moves_the_answer_with_it_and_says_so(client, teacher):
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(), **{"choices-0-is_correct": None, "choices-1-is_correct": "on"}
    )

    page = client.post(url, data, follow=True).content.decode()
    question.refresh_from_db()
    assert question.answer == "June" and question.choices.get(is_correct=True).text == "June"
    assert escape(messages.ANSWER_FOLLOWS_RIGHT_CHOICE.format(question=question, answer="June")) in page


def test_ticking_another_choice_removes_the_old_answers_accepted_answers_and_says_so(client, teacher):
    # A generated question carries other spellings of its answer; they must not outlive it.
    question = march_question(teacher, accepted_answers=["March", "in March"])
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(), **{"choices-0-is_correct": None, "choices-1-is_correct": "on"}
    )

    page = client.post(url, data, follow=True).content.decode()
    question.refresh_from_db()
    assert (question.answer, question.accepted_answers) == ("June", [])
    told = messages.ACCEPTED_ANSWERS_DROPPED.format(dropped="“March”, “in March”", answer="June")
    assert escape(told) in page
    assert "in March</textarea>" not in client.get(url).content.decode()


def test_typing_the_new_answer_with_the_new_tick_saves(client, teacher):
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(),
        answer="june",
        **{"choices-0-is_correct": None, "choices-1-is_correct": "on"},
    )
    assert client.post(url, data).status_code == 302
    question.refresh_from_db()
    assert question.answer == "June"  # spelt as the choice students pick


def test_a_question_with_choices_but_none_ticked_is_refused(client, teacher):
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), **{"choices-0-is_correct": None})

    response = client.post(url, data)
    assert response.status_code == 200
    assert messages.RIGHT_CHOICE_REQUIRED in response.content.decode()
    assert question.choices.get(is_correct=True).text == "March"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"choices-0-is_correct": None}, f"Choices: {messages.RIGHT_CHOICE_REQUIRED}"),
        ({"choices-1-is_correct": "on"}, f"Choices: {messages.ONE_RIGHT_CHOICE}"),
        ({"choices-1-text": ""}, "Choices, row 2, Text: This field is required."),
        ({"choices-1-text": "march "}, "Choices: " + messages.CHOICES_THE_SAME.format(choice="march")),
        (
            {"answer": "June"},
            "Choices: " + messages.ANSWER_NOT_RIGHT_CHOICE.format(answer="June", choice="March"),
        ),
    ],
    ids=["none-ticked", "two-ticked", "blank-choice", "twin-choices", "answer-not-ticked"],
)
def test_a_choice_error_is_repeated_at_the_top_of_the_page(client, teacher, change, expected):
    # Django's note at the top says only "Please correct the error below."; the choice's own error sat far
    # below in the choices list, where a teacher reading the top of the page did not see it.
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), **change)

    assert escape(expected) in top_errors(client.post(url, data))
    assert question.choices.get(is_correct=True).text == "March"


def test_two_ticked_choices_on_a_question_made_a_short_answer_are_refused_not_a_500(client, teacher):
    # A short answer keeps its choices, and the database allows one right choice per question whatever its
    # kind: the save used to reach that constraint and fail with an IntegrityError (a server error page).
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(),
        kind=Question.Kind.SHORT_ANSWER,
        **{"choices-1-is_correct": "on"},
    )

    assert escape(f"Choices: {messages.ONE_RIGHT_CHOICE}") in top_errors(client.post(url, data))
    question.refresh_from_db()
    assert question.kind == Question.Kind.MULTIPLE_CHOICE


def test_a_deleted_choice_with_an_error_is_not_reported(client, teacher):
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    html = client.get(url).content.decode()
    data = admin_form_data(
        html, **{"choices-0-is_correct": None, "choices-2-text": "", "choices-2-DELETE": "on"}
    )

    top = top_errors(client.post(url, data))
    assert escape(f"Choices: {messages.RIGHT_CHOICE_REQUIRED}") in top
    assert "row 3" not in top  # a row being deleted is not saved, so its blank text does not matter


def test_a_new_question_whose_answer_is_not_its_ticked_choice_is_refused(client, teacher):
    article = ArticleFactory(owner=teacher)
    url = reverse("admin:quizzes_question_add")
    data = new_question_form(client, article, "When did the offensive start?", "June", ("March", "June"))
    assert_refused_as_not_the_ticked_choice(client.post(url, data))
    assert not Question.objects.filter(prompt="When did the offensive start?").exists()


def test_an_answer_typed_on_the_article_page_must_be_the_ticked_choice(client, teacher):
    question = march_question(teacher)
    url = reverse("admin:articles_article_change", args=[question.article_id])
    data = admin_form_data(client.get(url).content.decode(), **{"questions-0-answer": "June"})

    response = client.post(url, data)
    assert_refused_as_not_the_ticked_choice(response)
    expected = messages.ANSWER_NOT_RIGHT_CHOICE.format(answer="June", choice="March")
    assert escape(f"Questions, row 1, Answer: {expected}") in top_errors(response)
    question.refresh_from_db()
    assert question.answer == "March"


def test_editing_what_grading_does_not_read_says_nothing_about_regrading(client, teacher):
    question, attempt, response = answered_question(teacher, answer="Mosul", given="Baghdad")
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(
        client.get(url).content.decode(), prompt="Which city?", explanation="It says so in line two."
    )

    done = client.post(url, data, follow=True).content.decode()
    assert "regraded" not in done
    question.refresh_from_db()
    assert question.prompt == "Which city?"


def test_renaming_a_wrong_choice_of_an_answered_question_regrades_nothing(client, teacher):
    assignment = AssignmentFactory(classroom__teacher=teacher)
    question = multiple_choice_question(article=assignment.article, answer="Mosul", wrong=("Basra",))
    AssignmentQuestionFactory(assignment=assignment, question=question)
    attempt = AttemptFactory(assignment=assignment, score=0, max_score=1)
    ResponseFactory(attempt=attempt, question=question, choice=question.choices.get(text="Basra"))
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), **{"choices-1-text": "Basrah"})

    done = client.post(url, data, follow=True).content.decode()
    assert "regraded" not in done
    assert question.choices.filter(text="Basrah").exists()


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("40", "10", constraint_messages.QUESTION_EVIDENCE_SPAN),  # ends before it starts
        ("10", "", constraint_messages.QUESTION_EVIDENCE_SPAN),  # a start without an end
        ("", "10", constraint_messages.QUESTION_EVIDENCE_SPAN),  # an end without a start
        ("10", "500", constraint_messages.QUESTION_EVIDENCE_BEYOND_TEXT.format(length=60)),
    ],
)
def test_evidence_offsets_that_point_nowhere_are_refused_in_plain_words(
    client, teacher, start, end, expected
):
    question = QuestionFactory(article=ArticleFactory(owner=teacher, text="x" * 60))
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), evidence_start=start, evidence_end=end)

    response = client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert escape(expected) in content and "is violated" not in content
    question.refresh_from_db()
    assert (question.evidence_start, question.evidence_end) == (None, None)


def test_the_database_refuses_half_an_evidence_span():
    question = QuestionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(evidence_start=3)


def test_a_refusal_from_the_service_after_the_forms_passed_is_a_message_not_a_500(
    client, teacher, monkeypatch
):
    from quizzes.admin import questions as question_admin

    def refuse(**kwargs):
        raise ValidationError("Refused by the service.")

    question = multiple_choice_question(
        article=ArticleFactory(owner=teacher), answer="Mosul", wrong=("Basra",)
    )
    monkeypatch.setattr(question_admin, "question_edit", refuse)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = admin_form_data(client.get(url).content.decode(), prompt="A new wording?")
    page = client.post(url, data, follow=True)
    assert page.status_code == 200 and "Refused by the service." in page.content.decode()
    question.refresh_from_db()
    assert question.prompt != "A new wording?"


@pytest.mark.parametrize("deleted", [(0, 1, 2), (1, 2)], ids=["every-choice", "all-but-one"])
def test_deleting_choices_below_two_on_the_question_page_is_refused(client, teacher, deleted):
    # Saved, it left students a question with nothing (or one thing) to choose from.
    question = march_question(teacher)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    change = {f"choices-{row}-DELETE": "on" for row in deleted}
    data = admin_form_data(client.get(url).content.decode(), **change)

    assert escape(f"Choices: {messages.CHOICES_TOO_FEW}") in top_errors(client.post(url, data))
    assert question.choices.count() == 3


def test_a_new_multiple_choice_question_without_choices_is_refused(client, teacher):
    article = ArticleFactory(owner=teacher)
    data = new_question_form(client, article, "Which city did Iraqi forces enter?", "Mosul", ("Mosul", "x"))
    data["choices-TOTAL_FORMS"] = "0"
    response = client.post(reverse("admin:quizzes_question_add"), data)

    assert escape(f"Choices: {messages.CHOICES_TOO_FEW}") in top_errors(response)
    assert not article.questions.exists()


def test_making_a_short_answer_multiple_choice_on_its_page_needs_its_choices(client, teacher):
    question = QuestionFactory(article=ArticleFactory(owner=teacher), answer="Mosul")
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    page = client.get(url).content.decode()
    data = admin_form_data(page, kind=Question.Kind.MULTIPLE_CHOICE)

    assert escape(f"Choices: {messages.CHOICES_TOO_FEW}") in top_errors(client.post(url, data))
    question.refresh_from_db()
    assert question.kind == Question.Kind.SHORT_ANSWER

    # With its choices added in the same save, it becomes multiple choice.
    more = {
        "choices-TOTAL_FORMS": "2",
        "choices-0-text": "Mosul",
        "choices-0-is_correct": "on",
        "choices-0-position": "0",
        "choices-1-text": "Basra",
        "choices-1-position": "1",
    }
    assert client.post(url, {**data, **more}).status_code == 302
    question.refresh_from_db()
    assert question.kind == Question.Kind.MULTIPLE_CHOICE and question.choices.count() == 2


def article_page_post(client, article, **change):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return client.post(url, admin_form_data(client.get(url).content.decode(), **change))


def test_making_a_row_multiple_choice_on_the_article_page_says_where_to_add_choices(client, teacher):
    # The article page's rows have no choices: saved, the question had none for students to pick.
    question = QuestionFactory(article=ArticleFactory(owner=teacher), answer="Mosul")
    response = article_page_post(client, question.article, **{"questions-0-kind": Question.Kind.TRUE_FALSE})

    expected = f"Questions, row 1, Kind: {messages.QUESTION_ROW_NEEDS_CHOICES}"
    assert escape(expected) in top_errors(response)
    question.refresh_from_db()
    assert question.kind == Question.Kind.SHORT_ANSWER


def test_a_new_multiple_choice_row_on_the_article_page_says_where_to_add_choices(client, teacher):
    article = ArticleFactory(owner=teacher)
    QuestionFactory(article=article)
    new_row = {
        "questions-TOTAL_FORMS": "2",
        "questions-1-prompt": "Which city did Iraqi forces enter?",
        "questions-1-kind": Question.Kind.MULTIPLE_CHOICE,
        "questions-1-answer": "Mosul",
        "questions-1-status": Question.Status.DRAFT,
    }
    response = article_page_post(client, article, **new_row)

    expected = f"Questions, row 2, Kind: {messages.NEW_QUESTION_ROW_NEEDS_CHOICES}"
    assert escape(expected) in top_errors(response)
    assert article.questions.count() == 1


def test_an_old_question_without_choices_is_refused_when_edited_and_left_alone_otherwise(client, teacher):
    question = question_lacking_choices(article=ArticleFactory(owner=teacher), status=Question.Status.DRAFT)
    response = article_page_post(client, question.article, **{"questions-0-status": "approved"})
    assert escape(messages.QUESTION_ROW_NEEDS_CHOICES) in top_errors(response)
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFT

    # Untouched, its row does not stop the rest of the page saving, nor its own deletion.
    assert article_page_post(client, question.article, title="Mosul, two years on").status_code == 302
    # Made a short answer on its row, it is fixed there.
    short = {"questions-0-kind": Question.Kind.SHORT_ANSWER}
    assert article_page_post(client, question.article, **short).status_code == 302
    question.refresh_from_db()
    assert question.kind == Question.Kind.SHORT_ANSWER
    assert article_page_post(client, question.article, **{"questions-0-DELETE": "on"}).status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()


def test_approving_a_question_that_lacks_choices_is_refused_and_names_it(client, teacher):
    article = ArticleFactory(owner=teacher)
    lacking = question_lacking_choices(article=article, status=Question.Status.DRAFT, prompt="Which city?")
    fine = QuestionFactory(article=article, status=Question.Status.DRAFT)

    response = run_action(client, "quizzes_question", "approve", [lacking.pk, fine.pk])
    told = messages.QUESTIONS_LACK_CHOICES_TO_APPROVE.format(questions="“Which city?”")
    assert escape(told) in response.content.decode()
    assert set(article.questions.values_list("status", flat=True)) == {Question.Status.DRAFT}
