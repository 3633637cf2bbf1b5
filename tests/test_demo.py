"""`manage.py load_demo` gives `make demo` a class ready to use, with generated questions a teacher reviewed,
and running it again changes nothing."""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from articles.models import Article
from quizzes.generation import GENERATOR_VERSION, generate_questions
from quizzes.management.commands import load_demo
from quizzes.management.demo_review import entry_key, load_review
from quizzes.models import Assignment, Attempt, Choice, Classroom, Enrollment, Question, Response
from quizzes.roles import TEACHERS_GROUP
from quizzes.selectors import assignment_leaderboard
from quizzes.services.answers import grade_answer

MODELS = (Article, Question, Choice, Classroom, Enrollment, Assignment, Attempt, Response)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "users": get_user_model().objects.count()
    }


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)
    return Assignment.objects.select_related("classroom", "article").get()


def test_running_it_twice_creates_nothing_new(demo, capsys):
    before = counts()
    statuses = list(Question.objects.order_by("pk").values_list("pk", "status", "kind"))
    call_command("load_demo")
    assert counts() == before
    assert list(Question.objects.order_by("pk").values_list("pk", "status", "kind")) == statuses
    printed = capsys.readouterr()
    assert "student1" in printed.out and f"'{load_demo.DEMO_PASSWORD}'" in printed.out, "accounts are printed"
    assert printed.err == "", "the review covers every draft: no warning"


def test_demo_accounts_log_in_with_the_printed_password(demo, client):
    teacher = get_user_model().objects.get(username="teacher")
    assert teacher.is_staff and not teacher.is_superuser
    assert teacher.groups.filter(name=TEACHERS_GROUP).exists()
    for username in ["teacher"] + [f"student{n}" for n in range(1, 6)]:
        assert client.login(username=username, password=load_demo.DEMO_PASSWORD), username


def test_quiz_is_the_generators_questions_a_teacher_approved_of_every_kind(demo):
    questions = list(demo.questions.all())
    assert len(questions) >= 8
    assert {q.kind for q in questions} == set(Question.Kind.values)
    for question in questions:
        assert question.status == Question.Status.APPROVED
        assert (
            question.origin == Question.Origin.GENERATED and question.generator_version == GENERATOR_VERSION
        )
        sentence = demo.article.text[question.evidence_start : question.evidence_end]
        assert 0 < len(sentence) < 400, question.prompt
        if question.kind != Question.Kind.TRUE_FALSE:
            assert question.answer in sentence, question.prompt


def test_quiz_asks_who_announced_the_caliphate_and_how_many_forces_counter_attacked(demo):
    answers = dict(demo.questions.values_list("answer", "prompt"))
    assert "caliphate" in answers["Abu Bakr al-Baghdadi"] and answers["Abu Bakr al-Baghdadi"].startswith(
        "Who"
    )
    assert answers["100,000"] == "How many forces launched the counter-offensive?"


def test_every_draft_is_decided_and_rejected_ones_say_why(demo):
    assert not Question.objects.filter(status=Question.Status.DRAFT).exists()
    assert Question.objects.filter(status=Question.Status.REJECTED).count() > 0
    review = load_review()
    assert review["generator_version"] == GENERATOR_VERSION
    for entry in review["drafts"]:
        assert entry["decision"] in ("approved", "rejected"), entry["prompt"]
        assert entry["decision"] == "approved" or entry.get("reason"), entry["prompt"]


def test_review_file_and_generator_agree_draft_for_draft(demo):
    """Fails when the engine changes: re-review its drafts in data/demo/review.json."""
    review = load_review()
    drafts = generate_questions(demo.article.text, limit=review["limit"])
    generated = {entry_key(draft.to_dict()) for draft in drafts}
    reviewed = {entry_key(entry) for entry in review["drafts"]}
    assert reviewed - generated == set(), "review entries no current draft matches"
    assert generated - reviewed == set(), "drafts the review does not cover"


def test_a_draft_missing_from_the_review_stays_a_draft_and_is_named(db, monkeypatch, capsys):
    review = load_review()
    forgotten = next(entry for entry in review["drafts"] if entry["decision"] == "rejected")
    shortened = copy.deepcopy(review)
    shortened["drafts"] = [entry for entry in review["drafts"] if entry is not forgotten]
    shortened["drafts"].append({**forgotten, "prompt": "What did nobody generate?"})
    monkeypatch.setattr(load_demo, "load_review", lambda: shortened)
    call_command("load_demo", verbosity=0)
    assert Question.objects.get(prompt=forgotten["prompt"]).status == Question.Status.DRAFT
    warnings = capsys.readouterr().err
    assert forgotten["prompt"] in warnings and "What did nobody generate?" in warnings


def test_a_review_keeping_too_few_questions_stops_the_demo_and_writes_nothing(db, monkeypatch):
    review = copy.deepcopy(load_review())
    for entry in review["drafts"]:
        if entry["kind"] == Question.Kind.TRUE_FALSE:
            entry["decision"] = "rejected"
    monkeypatch.setattr(load_demo, "load_review", lambda: review)
    with pytest.raises(CommandError, match="all three kinds"):
        call_command("load_demo", verbosity=0)
    assert counts() == dict.fromkeys(counts(), 0)


def test_teachers_corrections_are_applied_and_marked_as_theirs(demo):
    real_name = demo.questions.get(answer="Ibrahim al-Samarrai")
    assert real_name.kind == Question.Kind.SHORT_ANSWER and not real_name.choices.exists()
    assert real_name.edited_by_teacher
    assert grade_answer(question=real_name, choice=None, answer_text="al-Samarrai")
    envoy = demo.questions.get(prompt="Who was Brett McGurk?")
    assert grade_answer(question=envoy, choice=None, answer_text="Obama's anti-Isis envoy")
    assert demo.questions.filter(edited_by_teacher=False).count() >= 8, "mostly as generated"


def test_right_choice_is_not_always_in_the_same_place(demo):
    positions = {
        list(q.choices.order_by("position")).index(q.choices.get(is_correct=True))
        for q in demo.questions.filter(kind=Question.Kind.MULTIPLE_CHOICE)
    }
    assert len(positions) >= 2


def test_assignment_is_open_and_student1_and_student2_have_not_started(demo):
    assert demo.classroom.name == "Demo class" and demo.classroom.join_code == "PASSAGE"
    assert demo.attempts_allowed == 1 and demo.show_leaderboard
    assert demo.reveal == Assignment.Reveal.AFTER_EACH
    assert Enrollment.objects.filter(classroom=demo.classroom).count() == 5
    started = set(Attempt.objects.filter(assignment=demo).values_list("student__username", flat=True))
    assert started == {"student3", "student4", "student5"}


def test_leaderboard_shows_three_finished_students_with_different_scores(demo):
    board = list(assignment_leaderboard(assignment=demo))
    assert len(board) == 3
    assert [row.rank for row in board] == [1, 2, 3]
    assert len({row.score for row in board}) == 3
    assert all(row.max_score == demo.questions.count() for row in board)
