"""`manage.py load_demo` gives `make demo` a class ready to use, and running it again changes nothing."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article
from quizzes.management.commands.load_demo import DEMO_FILE, DEMO_PASSWORD, evidence_span
from quizzes.models import Assignment, Attempt, Choice, Classroom, Enrollment, Question, Response
from quizzes.roles import TEACHERS_GROUP
from quizzes.selectors import assignment_leaderboard

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
    call_command("load_demo")
    assert counts() == before
    printed = capsys.readouterr().out
    assert "student1" in printed and f"'{DEMO_PASSWORD}'" in printed, "the demo accounts are printed"


def test_demo_accounts_log_in_with_the_printed_password(demo, client):
    teacher = get_user_model().objects.get(username="teacher")
    assert teacher.is_staff and not teacher.is_superuser
    assert teacher.groups.filter(name=TEACHERS_GROUP).exists()
    for username in ["teacher"] + [f"student{n}" for n in range(1, 6)]:
        assert client.login(username=username, password=DEMO_PASSWORD), username


def test_quiz_has_approved_questions_of_every_kind_pointing_at_their_sentence(demo):
    questions = list(demo.questions.all())
    assert len(questions) >= 8
    assert {q.kind for q in questions} == set(Question.Kind.values)
    assert all(q.status == Question.Status.APPROVED for q in questions)
    for question in questions:
        sentence = demo.article.text[question.evidence_start : question.evidence_end]
        anchor = next(spec["evidence"] for spec in load_specs() if spec["prompt"] == question.prompt)
        assert anchor in sentence and len(sentence) < 400, question.prompt


def test_right_choice_is_not_always_in_the_same_place(demo):
    positions = {
        list(q.choices.order_by("position")).index(q.choices.get(is_correct=True))
        for q in demo.questions.filter(kind=Question.Kind.MULTIPLE_CHOICE)
    }
    assert len(positions) >= 3


def test_short_answers_accept_alternatives(demo):
    short = demo.questions.filter(kind=Question.Kind.SHORT_ANSWER)
    assert any(q.accepted_answers for q in short)


def test_assignment_is_open_and_student1_and_student2_have_not_started(demo):
    assert demo.classroom.name == "Demo class"
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


def test_evidence_span_falls_back_to_nothing_when_the_sentence_is_gone():
    text = "First sentence here. The second one.\n\nA new paragraph."
    assert evidence_span(text, "second one") == (21, 36)
    assert evidence_span(text, "new paragraph") == (38, 54)
    assert evidence_span(text, "not in the text") == (None, None)


def load_specs() -> list[dict]:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))["questions"]
