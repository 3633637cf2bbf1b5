"""Saving generated drafts: the teacher's work is never touched and nothing is ever half-saved.

The engine is replaced by a fake returning real `Draft` values, so these tests pin the service's own rules;
tests/generation covers the engine and test_commands runs the two together.
"""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError

import quizzes.generation as engine
from quizzes.generation.draft import Draft
from quizzes.generation.errors import GenerationError
from quizzes.models import Choice, Question
from quizzes.services import generation as service
from tests.factories import ArticleFactory, AssignmentQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db

SENTENCE = "Iraqi forces have entered the city of Mosul for the first time in two years."


def draft(prompt, answer, kind="short_answer", choices=(), score=1.0):
    return Draft(
        prompt=prompt,
        answer=answer,
        kind=kind,
        choices=tuple(choices),
        accepted_answers=(),
        evidence_start=0,
        evidence_end=len(SENTENCE),
        score=score,
        form="what",
    )


def mc(n):
    answer = f"City {n}"
    return draft(f"Which city number {n}?", answer, "multiple_choice", (answer, "Basra", "Erbil", "Kirkuk"))


@pytest.fixture
def fake_engine(monkeypatch):
    calls = {"drafts": [], "error": None, "for_answer": None}

    def generate_questions(text, limit=None):
        if calls["error"]:
            raise GenerationError(calls["error"])
        return calls["drafts"][:limit]

    monkeypatch.setattr(engine, "generate_questions", generate_questions, raising=False)
    monkeypatch.setattr(engine, "question_for_answer", lambda text, s, e: calls["for_answer"], raising=False)
    monkeypatch.setattr(engine, "GENERATOR_VERSION", "test-1", raising=False)
    return calls


def test_generate_saves_drafts_with_evidence_version_and_score(fake_engine):
    article = ArticleFactory()
    fake_engine["drafts"] = [draft("Which city did Iraqi forces enter?", "Mosul", score=0.9)]
    result = service.questions_generate(article=article)
    question = article.questions.get()
    assert (result.created, result.skipped) == (1, 0)
    assert result.message == service.GENERATED_SOME.format(created=1)
    assert question.status == Question.Status.DRAFT and question.origin == Question.Origin.GENERATED
    assert (question.generator_version, question.generator_score) == ("test-1", 0.9)
    assert article.text[question.evidence_start : question.evidence_end] == SENTENCE


def test_regenerate_replaces_untouched_drafts_only(fake_engine):
    article = ArticleFactory()
    generated = {"origin": Question.Origin.GENERATED, "article": article}
    untouched = QuestionFactory(status=Question.Status.DRAFT, prompt="Old untouched?", **generated)
    edited = QuestionFactory(
        status=Question.Status.DRAFT, edited_by_teacher=True, prompt="Edited?", **generated
    )
    approved = QuestionFactory(status=Question.Status.APPROVED, prompt="Approved?", **generated)
    authored = QuestionFactory(status=Question.Status.DRAFT, prompt="Mine?", article=article)
    fake_engine["drafts"] = [draft("Which city did Iraqi forces enter?", "Mosul")]
    service.questions_generate(article=article)
    remaining = set(article.questions.values_list("prompt", flat=True))
    assert untouched.prompt not in remaining
    assert {
        edited.prompt,
        approved.prompt,
        authored.prompt,
        "Which city did Iraqi forces enter?",
    } == remaining
    edited.refresh_from_db()
    assert edited.status == Question.Status.DRAFT and edited.edited_by_teacher


def test_regenerate_keeps_a_demoted_draft_that_is_already_assigned(fake_engine):
    item = AssignmentQuestionFactory(question__origin=Question.Origin.GENERATED, question__status="draft")
    fake_engine["drafts"] = []
    service.questions_generate(article=item.assignment.article)
    assert Question.objects.filter(pk=item.question.pk).exists()


def test_no_duplicate_of_an_existing_question(fake_engine):
    article = ArticleFactory()
    QuestionFactory(article=article, prompt="Which city did Iraqi forces enter?", answer="Mosul")
    fake_engine["drafts"] = [draft("which city did Iraqi forces enter", "MOSUL"), draft("When?", "Monday")]
    result = service.questions_generate(article=article)
    assert (result.created, result.skipped) == (1, 1)
    assert article.questions.count() == 2


def test_engine_refusal_becomes_a_message_and_nothing_changes(fake_engine):
    article = ArticleFactory()
    old = QuestionFactory(article=article, origin=Question.Origin.GENERATED, status=Question.Status.DRAFT)
    fake_engine["error"] = "No questions could be generated from this text because it is too short."
    with pytest.raises(ValidationError) as error:
        service.questions_generate(article=article)
    assert error.value.messages == [fake_engine["error"]]
    assert list(article.questions.all()) == [old]


def test_a_draft_the_database_refuses_is_skipped_whole(fake_engine):
    article = ArticleFactory()
    too_long_choice = "x" * 400
    fake_engine["drafts"] = [
        draft("Which one?", "Mosul", "multiple_choice", ("Mosul", too_long_choice, "Erbil", "Basra")),
        draft("Which city did Iraqi forces enter?", "Mosul"),
    ]
    result = service.questions_generate(article=article)
    assert (result.created, result.skipped) == (1, 1)
    assert not Choice.objects.exists()
    assert article.questions.get().prompt == "Which city did Iraqi forces enter?"


def test_right_choice_position_is_spread_and_stable(fake_engine):
    article = ArticleFactory()
    fake_engine["drafts"] = [mc(n) for n in range(40)]
    service.questions_generate(article=article, limit=40)
    positions = Counter(
        Choice.objects.filter(question__article=article, is_correct=True).values_list("position", flat=True)
    )
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) <= 20
    first_order = service.choice_order("Which city number 1?", ["a", "b", "c", "d"])
    assert service.choice_order("Which city number 1?", ["a", "b", "c", "d"]) == first_order


def test_each_multiple_choice_question_has_exactly_one_right_choice(fake_engine):
    article = ArticleFactory()
    fake_engine["drafts"] = [
        mc(1),
        draft("True or false: Mosul is in Iraq.", "True", "true_false", ("True", "False")),
    ]
    service.questions_generate(article=article)
    for question in article.questions.all():
        assert [c.text for c in question.choices.filter(is_correct=True)] == [question.answer]


def test_ask_about_a_phrase_creates_a_draft_the_regeneration_keeps(fake_engine):
    article = ArticleFactory()
    start = article.text.index("Mosul")
    fake_engine["for_answer"] = draft("Which city did Iraqi forces enter?", "Mosul")
    question = service.question_ask(article=article, start=start, end=start + 5)
    assert question.status == Question.Status.DRAFT and question.answer == "Mosul"
    fake_engine["drafts"] = []
    service.questions_generate(article=article)
    assert article.questions.filter(pk=question.pk).exists()


def test_ask_with_no_possible_question_says_so(fake_engine):
    article = ArticleFactory()
    fake_engine["for_answer"] = None
    with pytest.raises(ValidationError) as error:
        service.question_ask(article=article, start=0, end=5)
    assert error.value.messages == [service.ASK_NO_QUESTION.format(phrase="Iraqi")]
    assert not article.questions.exists()


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (10, 2), (0, 10_000)])
def test_ask_outside_the_text_is_refused(fake_engine, start, end):
    with pytest.raises(ValidationError) as error:
        service.question_ask(article=ArticleFactory(), start=start, end=end)
    assert error.value.messages == [service.ASK_BAD_SPAN]


def test_the_admins_twenty_drafts_include_true_false_although_they_rank_last(fake_engine):
    article = ArticleFactory()
    true_false = [
        draft(f"True or false: statement {n}.", "True", "true_false", ("True", "False"), score=0.1)
        for n in range(3)
    ]
    fake_engine["drafts"] = [mc(n) for n in range(25)] + true_false
    service.questions_generate(article=article, limit=20)
    kinds = Counter(article.questions.values_list("kind", flat=True))
    assert kinds == {Question.Kind.MULTIPLE_CHOICE: 18, Question.Kind.TRUE_FALSE: 2}
