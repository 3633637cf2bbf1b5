"""Each web process keeps an assignment's questions and choices in memory (selectors/quiz_items.py).

These tests check the one thing that makes that safe: every kind of write to quiz content, including ones
that bypass Django's model methods and signals, changes the content token through the database's own
triggers, so the very next request shows the teacher's edit. They commit for real (transaction=True):
PostgreSQL's triggers run at commit.
"""

import dataclasses
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from quizzes import content_triggers
from quizzes.models import AssignmentQuestion, Choice, ContentVersion, Question
from tests.factories import EnrollmentFactory, QuestionFactory, UserFactory
from tests.quizzes.view_helpers import EVIDENCE, HTMX, choice_number, make_quiz, right_text, start

pytestmark = pytest.mark.django_db(transaction=True)


def token() -> str:
    return ContentVersion.objects.get(pk=ContentVersion.SINGLETON_ID).token


def fragment(quiz, attempt, question) -> str:
    return quiz.client.get(f"/attempt/{attempt.pk}/question/{question.pk}/", headers=HTMX).content.decode()


def installed_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in cursor.fetchall()}


def test_the_content_token_and_every_trigger_exist_after_migrating():
    assert len(token()) == 32
    expected = content_triggers.trigger_names(connection.vendor)
    assert len(expected) == (12 if connection.vendor == "sqlite" else 8)
    assert expected <= installed_triggers()


def test_triggers_lost_to_a_table_rebuild_come_back_with_the_next_migrate():
    # SQLite rebuilds a table (copy, drop, rename) for most migrations, and the rebuilt table has no triggers.
    if connection.vendor == "sqlite":
        with connection.schema_editor() as editor:
            editor._remake_table(Question)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER quizzes_question_content ON quizzes_question")
    assert not content_triggers.trigger_names(connection.vendor) <= installed_triggers()

    call_command("migrate", verbosity=0)

    assert content_triggers.trigger_names(connection.vendor) <= installed_triggers()
    quiz = make_quiz()
    before = token()
    Question.objects.filter(pk=quiz.mc.pk).update(prompt="Changed?")
    assert token() != before


def test_a_flushed_database_gets_its_token_row_back():
    call_command("flush", verbosity=0, interactive=False)
    assert len(token()) == 32


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(
            lambda q: Question.objects.filter(pk=q.pk).update(prompt="Changed?"), id="question-update"
        ),
        pytest.param(lambda q: QuestionFactory(article=q.article), id="question-insert"),
        pytest.param(lambda q: Choice.objects.filter(question=q).update(text="Changed"), id="choice-update"),
        pytest.param(lambda q: Choice.objects.create(question=q, text="New", position=9), id="choice-insert"),
        pytest.param(
            lambda q: Choice.objects.filter(question=q, is_correct=False).delete(), id="choice-delete"
        ),
        pytest.param(
            lambda q: AssignmentQuestion.objects.filter(question=q).update(points=5), id="item-update"
        ),
        pytest.param(lambda q: AssignmentQuestion.objects.filter(question=q).delete(), id="item-delete"),
        pytest.param(
            lambda q: Article.objects.filter(pk=q.article_id).update(title="Changed"), id="article-update"
        ),
    ],
)
def test_every_kind_of_content_write_changes_the_token(write):
    quiz = make_quiz()
    before = token()
    write(quiz.mc)
    assert token() != before


def test_a_student_write_leaves_the_token_alone():
    # Answers must not throw away every process's copy: only teachers' edits do.
    quiz = make_quiz()
    attempt = start(quiz)
    before = token()
    quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.short.pk}/answer/", {"answer_text": "x"}, headers=HTMX
    )
    assert attempt.responses.count() == 1
    assert token() == before


def test_an_edit_that_bypasses_model_save_shows_on_the_next_request():
    quiz = make_quiz()
    attempt = start(quiz)
    assert "Where did the forces enter?" in fragment(quiz, attempt, quiz.mc)

    Question.objects.filter(pk=quiz.mc.pk).update(prompt="Which city did the forces enter?")
    Choice.objects.filter(question=quiz.mc, is_correct=True).update(text="Nineveh's capital")

    html = fragment(quiz, attempt, quiz.mc)
    assert "Which city did the forces enter?" in html
    assert "Nineveh&#x27;s capital" in html


def test_a_removed_question_leaves_the_quiz_at_once():
    quiz = make_quiz()
    attempt = start(quiz)
    assert "of 3" in fragment(quiz, attempt, quiz.mc)
    AssignmentQuestion.objects.filter(question=quiz.tf).delete()
    assert "of 2" in fragment(quiz, attempt, quiz.mc)
    assert quiz.client.get(f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/", headers=HTMX).status_code == 404


def test_an_unchanged_quiz_is_not_read_again():
    quiz = make_quiz()
    attempt = start(quiz)
    fragment(quiz, attempt, quiz.mc)
    with CaptureQueriesContext(connection) as queries:
        html = fragment(quiz, attempt, quiz.tf)
    assert "Question 2 of 3" in html
    read_content = [
        q["sql"] for q in queries if "quizzes_choice" in q["sql"] or "quizzes_assignmentquestion" in q["sql"]
    ]
    assert read_content == []


def test_an_edited_article_shows_in_the_next_marked_article():
    # Each process keeps the article rendered with each question's sentence marked (views/article_view.py):
    # a classmate's answer has it kept before the teacher's edit, which the next answer must still show.
    quiz = make_quiz()
    classmate = make_classmate(quiz)
    assert "<mark" in answer_true_false(classmate)
    article = Article.objects.get(pk=quiz.tf.article_id)
    Article.objects.filter(pk=article.pk).update(text=article.text.replace("Mosul", "Nineveh's capital"))

    html = answer_true_false(quiz)

    assert '<mark class="evidence" id="evidence">' in html
    shown = html.split('<article id="article"')[1]
    assert "Nineveh&#x27;s capital" in shown and "Mosul" not in shown


def answer_true_false(quiz) -> str:
    attempt = start(quiz)
    number = choice_number(quiz.tf, "True", fragment(quiz, attempt, quiz.tf))
    url = f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/answer/"
    return quiz.client.post(url, {"choice": number}, headers=HTMX).content.decode()


def test_the_marked_article_is_read_once_per_process_and_question():
    quiz = make_quiz()
    first = start(quiz)
    answer_tf = f"/attempt/{first.pk}/question/{quiz.tf.pk}/answer/"
    number = choice_number(quiz.tf, "True", fragment(quiz, first, quiz.tf))
    assert "<mark" in quiz.client.post(answer_tf, {"choice": number}, headers=HTMX).content.decode()
    other = make_classmate(quiz)
    second = start(other)
    number = choice_number(quiz.tf, "True", fragment(other, second, quiz.tf))
    with CaptureQueriesContext(connection) as queries:
        html = other.client.post(
            f"/attempt/{second.pk}/question/{quiz.tf.pk}/answer/", {"choice": number}, headers=HTMX
        ).content.decode()
    assert '<mark class="evidence" id="evidence">' in html
    assert [q["sql"] for q in queries if "articles_article" in q["sql"]] == []


def make_classmate(quiz):
    student = UserFactory()
    EnrollmentFactory(classroom=quiz.assignment.classroom, student=student, display_name="Bo")
    client = Client()
    client.force_login(student)
    return dataclasses.replace(quiz, student=student, client=client)


def test_migrate_sets_a_fresh_token():
    # A write made while a rebuilt table had no trigger moved no token: nothing kept before may be trusted.
    make_quiz()
    before = token()
    call_command("migrate", verbosity=0)
    assert token() != before


def test_kept_articles_stay_within_their_character_budget(monkeypatch):
    from quizzes.views import article_view

    monkeypatch.setattr(article_view._kept, "budget", 1)
    quiz = make_quiz()
    assert "<mark" in answer_true_false(quiz)
    Question.objects.filter(pk=quiz.mc.pk).update(prompt="Changed?")  # a new token: a second kept article
    assert "<mark" in answer_true_false(make_classmate(quiz))
    assert len(article_view._kept) == 1  # the newest only: the first no longer fits the budget


def test_each_question_marks_its_own_sentence_from_the_kept_articles():
    # Kept under the evidence offsets too: a second question's answer must not get the first one's mark.
    quiz = make_quiz()
    article = Article.objects.get(pk=quiz.mc.article_id)
    first_sentence = article.text.split(".")[0] + "."
    Question.objects.filter(pk=quiz.mc.pk).update(evidence_start=0, evidence_end=len(first_sentence))
    attempt = start(quiz)
    mc_right = choice_number(quiz.mc, right_text(quiz.mc), fragment(quiz, attempt, quiz.mc))
    on_mc = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.mc.pk}/answer/", {"choice": mc_right}, headers=HTMX
    ).content.decode()
    tf_true = choice_number(quiz.tf, "True", fragment(quiz, attempt, quiz.tf))
    on_tf = quiz.client.post(
        f"/attempt/{attempt.pk}/question/{quiz.tf.pk}/answer/", {"choice": tf_true}, headers=HTMX
    ).content.decode()

    assert marked(on_mc) == first_sentence.replace("'", "&#x27;")
    assert marked(on_tf) == EVIDENCE


def marked(html: str) -> str:
    return re.search(r'<mark class="evidence" id="evidence">(.*?)</mark>', html, re.S).group(1)
