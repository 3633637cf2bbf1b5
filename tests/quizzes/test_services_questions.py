"""Assigning questions, correcting them afterwards (regrade + rescore), and closing due assignments."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import Attempt, Choice, Question
from quizzes.services import (
    assignment_create,
    assignments_close_due,
    attempt_start,
    messages,
    question_update,
    questions_set_status,
    response_submit,
)
from quizzes.services.answers import grade_answer
from quizzes.services.questions import question_edit
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    AssignmentQuestionFactory,
    ClassroomFactory,
    EnrollmentFactory,
    QuestionFactory,
    multiple_choice_question,
    question_lacking_choices,
)

pytestmark = pytest.mark.django_db


def test_assignment_snapshots_approved_questions_in_order():
    article = ArticleFactory()
    third = QuestionFactory(article=article, position=3)
    first = QuestionFactory(article=article, position=1)
    QuestionFactory(article=article, position=2, status=Question.Status.DRAFT)
    QuestionFactory(article=article, position=0, status=Question.Status.REJECTED)
    classroom = ClassroomFactory(teacher=article.owner)
    assignment = assignment_create(classroom=classroom, article=article, opens_at=timezone.now())
    assert [i.question for i in assignment.items.order_by("position")] == [first, third]
    assert assignment.title == article.title
    # Approving another question later does not change the snapshot.
    QuestionFactory(article=article, position=4)
    assert assignment.items.count() == 2


def test_assignment_refuses_without_approved_questions():
    article = ArticleFactory()
    QuestionFactory(article=article, status=Question.Status.DRAFT)
    with pytest.raises(ValidationError) as excinfo:
        assignment_create(classroom=ClassroomFactory(), article=article, opens_at=timezone.now())
    assert excinfo.value.messages == [messages.ASSIGNMENT_NO_APPROVED_QUESTIONS]


def test_assignment_must_close_after_opening():
    article = ArticleFactory()
    QuestionFactory(article=article)
    now = timezone.now()
    with pytest.raises(ValidationError) as excinfo:
        assignment_create(classroom=ClassroomFactory(), article=article, opens_at=now, closes_at=now)
    assert excinfo.value.messages == [messages.ASSIGNMENT_CLOSES_BEFORE_OPENING]


def test_assignment_refuses_unapproved_chosen_questions():
    article = ArticleFactory()
    draft = QuestionFactory(article=article, status=Question.Status.DRAFT)
    with pytest.raises(ValidationError) as excinfo:
        assignment_create(
            classroom=ClassroomFactory(), article=article, opens_at=timezone.now(), questions=[draft]
        )
    assert excinfo.value.messages == [messages.ASSIGNMENT_QUESTION_NOT_APPROVED]


@pytest.fixture
def answered():
    """Two students answered a short-answer question with "Baghdad" (wrong for now) and "Mosul" (right)."""
    assignment = AssignmentFactory()
    item = AssignmentQuestionFactory(assignment=assignment, points=2)
    attempts = []
    for text in ("Baghdad", "Mosul"):
        student = EnrollmentFactory(classroom=assignment.classroom).student
        attempt = attempt_start(assignment=assignment, student=student)
        response_submit(attempt=attempt, student=student, question_id=item.question_id, answer_text=text)
        attempts.append(attempt)
    return item.question, attempts


def scores(attempts):
    return [Attempt.objects.get(pk=a.pk).score for a in attempts]


def test_correcting_an_answer_regrades_responses_and_rescores_attempts(answered):
    question, attempts = answered
    assert scores(attempts) == [0, 2]
    question_update(question=question, answer="Baghdad")
    assert scores(attempts) == [2, 0]
    question_update(question=question, answer="Mosul", accepted_answers=["Baghdad"])
    assert scores(attempts) == [2, 2]


def test_editing_a_generated_question_marks_it_as_the_teachers():
    question = QuestionFactory(origin=Question.Origin.GENERATED)
    question_update(question=question, status=Question.Status.APPROVED)
    question.refresh_from_db()
    assert question.edited_by_teacher is False
    question_update(question=question, prompt="Which city did Iraqi forces enter?")
    question.refresh_from_db()
    assert question.edited_by_teacher is True


def test_question_update_rejects_unknown_fields():
    with pytest.raises(TypeError):
        question_update(question=QuestionFactory(), article_id=1)


def test_set_status_approves_several():
    questions = QuestionFactory.create_batch(3, status=Question.Status.DRAFT)
    assert questions_set_status(questions=questions[:2], status=Question.Status.APPROVED) == 2
    assert Question.objects.filter(status=Question.Status.APPROVED).count() == 2


def test_multiple_choice_regrade_follows_the_corrected_choice():
    assignment = AssignmentFactory()
    question = multiple_choice_question(article=assignment.article, answer="Mosul", wrong=("Basra",))
    AssignmentQuestionFactory(assignment=assignment, question=question)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=student)
    basra = question.choices.get(text="Basra")
    response_submit(attempt=attempt, student=student, question_id=question.pk, choice_id=basra.pk)
    question.choices.update(is_correct=False)
    question.choices.filter(pk=basra.pk).update(is_correct=True)
    question_update(question=question, answer="Basra")
    assert scores([attempt]) == [1]


def test_close_due_finishes_open_attempts_at_closing_time_and_respects_extensions():
    now = timezone.now()
    assignment = AssignmentFactory(
        opens_at=now - dt.timedelta(hours=2), closes_at=now - dt.timedelta(minutes=5)
    )
    late, extended = (EnrollmentFactory(classroom=assignment.classroom).student for _ in range(2))
    a_late = Attempt.objects.create(
        assignment=assignment, student=late, started_at=now - dt.timedelta(hours=1)
    )
    a_ext = Attempt.objects.create(
        assignment=assignment, student=extended, started_at=now - dt.timedelta(hours=1)
    )
    assignment.overrides.create(student=extended, closes_at=now + dt.timedelta(hours=1))
    out = io.StringIO()
    call_command("close_due_assignments", stdout=out)
    assert "Finished 1 attempt" in out.getvalue()
    a_late.refresh_from_db()
    a_ext.refresh_from_db()
    assert a_late.finished_at == assignment.closes_at
    assert a_ext.finished_at is None
    assert assignments_close_due(now=now + dt.timedelta(hours=2)) == 1


def test_saving_a_form_edit_regrades_and_says_how_many_answers(answered):
    question, attempts = answered
    question.answer = "Baghdad"  # as the admin form leaves it: new values on the instance, not yet saved
    assert question_edit(question=question, changed=["answer"]).regraded == 2
    assert scores(attempts) == [2, 0]
    question.status = Question.Status.REJECTED
    assert question_edit(question=question, changed=["status"]).regraded == 0  # no grade can change
    assert Question.objects.get(pk=question.pk).status == Question.Status.REJECTED


def test_saving_a_new_question_from_a_form_creates_it():
    question = Question(article=ArticleFactory(), prompt="Which city?", answer="Mosul")
    assert question_edit(question=question, changed=["prompt", "answer"]).regraded == 0
    assert Question.objects.get(pk=question.pk).answer == "Mosul"


def test_moving_the_right_choice_regrades_and_marks_a_generated_question_as_the_teachers():
    assignment = AssignmentFactory()
    question = multiple_choice_question(article=assignment.article, answer="Mosul", wrong=("Basra",))
    Question.objects.filter(pk=question.pk).update(origin=Question.Origin.GENERATED)
    question.refresh_from_db()
    AssignmentQuestionFactory(assignment=assignment, question=question)
    student = EnrollmentFactory(classroom=assignment.classroom).student
    attempt = attempt_start(assignment=assignment, student=student)
    basra, mosul = question.choices.get(text="Basra"), question.choices.get(text="Mosul")
    response_submit(attempt=attempt, student=student, question_id=question.pk, choice_id=basra.pk)
    basra.is_correct, mosul.is_correct = True, False
    extra = Choice(question=question, text="Erbil", position=5)

    # Ticked first in the list: the service unticks Mosul before ticking Basra (one right choice at a time).
    assert (
        question_edit(question=question, choices=[basra, mosul, extra], deleted_choices=[]).results_changed
        == 1
    )
    assert scores([attempt]) == [1]
    assert question.choices.get(is_correct=True).text == "Basra"
    assert question.choices.filter(text="Erbil").exists()
    assert Question.objects.get(pk=question.pk).edited_by_teacher is True


def test_approving_an_answered_question_regrades_nothing(answered):
    question, attempts = answered
    question.status = Question.Status.APPROVED
    with CaptureQueriesContext(connection) as captured:
        assert question_edit(question=question, changed=["status"]).regraded == 0
    touched = [q["sql"] for q in captured.captured_queries if "quizzes_attempt" in q["sql"]]
    assert touched == []  # no attempt locked or rescored, no board version bumped
    assert Question.objects.get(pk=question.pk).status == Question.Status.APPROVED
    assert scores(attempts) == [0, 2]


def test_an_answer_that_is_not_the_ticked_choice_is_refused():
    question = multiple_choice_question(answer="March", wrong=("June",))
    with pytest.raises(ValidationError) as excinfo:
        question_update(question=question, answer="June")
    assert excinfo.value.messages == [messages.ANSWER_NOT_RIGHT_CHOICE.format(answer="June", choice="March")]
    assert Question.objects.get(pk=question.pk).answer == "March"


def test_the_answer_follows_the_ticked_choice():
    question = multiple_choice_question(answer="March", wrong=("June",))
    march, june = question.choices.get(text="March"), question.choices.get(text="June")
    march.is_correct, june.is_correct = False, True
    question_edit(question=question, choices=[march, june], deleted_choices=[])
    assert Question.objects.get(pk=question.pk).answer == "June"


PESHMERGA = ["The Peshmerga", "Peshmerga"]  # as the generator writes a right answer's other spellings


def peshmerga_question():
    return multiple_choice_question(answer="The Peshmerga", wrong=("Isis",), accepted_answers=PESHMERGA)


def test_ticking_another_choice_drops_the_old_answers_accepted_spellings():
    question = peshmerga_question()
    old, new = question.choices.get(text="The Peshmerga"), question.choices.get(text="Isis")
    old.is_correct, new.is_correct = False, True

    saved = question_edit(question=question, choices=[old, new], deleted_choices=[])
    assert saved.accepted_dropped == tuple(PESHMERGA)
    question.refresh_from_db()
    assert (question.answer, question.accepted_answers) == ("Isis", [])
    # Were the question made a short answer, "Peshmerga" must not be graded right for "Isis".
    question_update(question=question, kind=Question.Kind.SHORT_ANSWER)
    assert grade_answer(question=question, choice=None, answer_text="Peshmerga") is False


def test_respelling_the_ticked_choice_keeps_the_accepted_answers():
    question = peshmerga_question()
    right = question.choices.get(is_correct=True)
    right.text = "the Peshmerga"  # the same answer, as grading reads it

    assert question_edit(question=question, choices=[right], deleted_choices=[]).accepted_dropped == ()
    assert Question.objects.get(pk=question.pk).accepted_answers == PESHMERGA


def test_rewording_the_ticked_choice_keeps_the_accepted_answers():
    # The tick did not move: "Islamic State" names what "Isis" did, and so do its other spellings.
    question = multiple_choice_question(answer="Isis", wrong=("The Peshmerga",), accepted_answers=["ISIS"])
    right = question.choices.get(is_correct=True)
    right.text = "Islamic State"

    assert question_edit(question=question, choices=[right], deleted_choices=[]).accepted_dropped == ()
    question.refresh_from_db()
    assert (question.answer, question.accepted_answers) == ("Islamic State", ["ISIS"])


def test_accepted_answers_written_with_the_new_tick_are_kept():
    question = peshmerga_question()
    old, new = question.choices.get(text="The Peshmerga"), question.choices.get(text="Isis")
    old.is_correct, new.is_correct = False, True
    question.accepted_answers = ["Islamic State"]

    saved = question_edit(question=question, changed=["accepted_answers"], choices=[old, new])
    assert saved.accepted_dropped == ()
    assert Question.objects.get(pk=question.pk).accepted_answers == ["Islamic State"]


def test_a_short_answers_accepted_answers_stay_when_its_answer_is_retyped():
    question = QuestionFactory(answer="Mosul", accepted_answers=["Mosul city"])
    question_update(question=question, answer="Mosul, Iraq")
    assert Question.objects.get(pk=question.pk).accepted_answers == ["Mosul city"]


def test_two_right_choices_are_refused_even_on_a_short_answer():
    question = multiple_choice_question(answer="March", wrong=("June",))
    question.kind = Question.Kind.SHORT_ANSWER
    june = question.choices.get(text="June")
    june.is_correct = True
    with pytest.raises(ValidationError) as excinfo:
        question_edit(question=question, changed=["kind"], choices=[june])
    assert excinfo.value.messages == [messages.ONE_RIGHT_CHOICE]
    assert Question.objects.get(pk=question.pk).kind == Question.Kind.MULTIPLE_CHOICE


def test_a_wrong_choice_that_names_the_right_answer_is_refused():
    # Students would see "March" twice, and one who picked the unticked one would be marked wrong.
    question = multiple_choice_question(answer="March", wrong=("June",))
    june = question.choices.get(text="June")
    june.text = "march"
    with pytest.raises(ValidationError) as excinfo:
        question_edit(question=question, choices=[june])
    assert excinfo.value.messages == [messages.CHOICES_THE_SAME.format(choice="march")]
    assert question.choices.filter(text="June").exists()


def test_choices_without_a_right_one_are_refused():
    question = multiple_choice_question(answer="March", wrong=("June",))
    march = question.choices.get(text="March")
    march.is_correct = False
    with pytest.raises(ValidationError) as excinfo:
        question_edit(question=question, choices=[march], deleted_choices=[])
    assert excinfo.value.messages == [messages.RIGHT_CHOICE_REQUIRED]
    assert question.choices.get(is_correct=True) == march


def test_editing_the_wording_of_an_answered_question_regrades_nothing(answered):
    question, attempts = answered
    question.prompt, question.explanation = "Which city?", "Line two says so."
    assert question_edit(question=question, changed=["prompt", "explanation"]).regraded == 0
    assert Question.objects.get(pk=question.pk).prompt == "Which city?"


def delete_choices(question, keep: int):
    """question_edit's arguments that delete all but the first `keep` of the question's choices."""
    return {"choices": [], "deleted_choices": list(question.choices.order_by("position")[keep:])}


@pytest.mark.parametrize("keep", [0, 1], ids=["every-choice", "all-but-one"])
def test_deleting_choices_below_two_is_refused(keep):
    # Students saw the question with nothing (or one thing) to pick, and could not answer it sensibly.
    question = multiple_choice_question(answer="March", wrong=("June", "May"))
    with pytest.raises(ValidationError) as excinfo:
        question_edit(question=question, **delete_choices(question, keep))
    assert excinfo.value.messages == [messages.CHOICES_TOO_FEW]
    assert question.choices.count() == 3


@pytest.mark.parametrize("kind", [Question.Kind.MULTIPLE_CHOICE, Question.Kind.TRUE_FALSE])
def test_making_a_short_answer_a_question_with_choices_needs_its_choices(kind):
    question = QuestionFactory(answer="Mosul")
    with pytest.raises(ValidationError) as excinfo:
        question_update(question=question, kind=kind)
    assert excinfo.value.messages == [messages.CHOICES_TOO_FEW]
    assert Question.objects.get(pk=question.pk).kind == Question.Kind.SHORT_ANSWER


def test_a_new_question_with_choices_needs_two_of_them():
    article = ArticleFactory()
    alone = Choice(text="True", is_correct=True)
    question = Question(
        article=article, kind=Question.Kind.TRUE_FALSE, prompt="Mosul is in Iraq?", answer="True"
    )
    with pytest.raises(ValidationError) as excinfo:
        question_edit(question=question, choices=[alone])
    assert excinfo.value.messages == [messages.CHOICES_TOO_FEW]
    assert not article.questions.exists()

    question = Question(
        article=article, kind=Question.Kind.TRUE_FALSE, prompt="Mosul is in Iraq?", answer="True"
    )
    question_edit(question=question, choices=[alone, Choice(text="False", position=1)])
    assert [c.text for c in Question.objects.get(pk=question.pk).choices.all()] == ["True", "False"]


LACKING = {
    "no-choices": {},
    "one-choice": {"choices": ("Mosul",), "right": "Mosul"},
    "none-ticked": {"choices": ("Mosul", "Basra")},
}


@pytest.mark.parametrize("lacks", LACKING.values(), ids=LACKING.keys())
def test_approving_a_question_that_lacks_choices_is_refused_and_names_it(lacks):
    article = ArticleFactory()
    lacking = question_lacking_choices(
        article=article, status=Question.Status.DRAFT, prompt="Which?", **lacks
    )
    fine = QuestionFactory(article=article, status=Question.Status.DRAFT)
    with pytest.raises(ValidationError) as excinfo:
        questions_set_status(questions=[lacking, fine], status=Question.Status.APPROVED)
    assert excinfo.value.messages == [messages.QUESTIONS_LACK_CHOICES_TO_APPROVE.format(questions="“Which?”")]
    assert set(article.questions.values_list("status", flat=True)) == {Question.Status.DRAFT}

    # Rejecting it is what a teacher may want instead, and is not refused.
    assert questions_set_status(questions=[lacking], status=Question.Status.REJECTED) == 1


@pytest.mark.parametrize("chosen", [False, True], ids=["all-approved", "chosen"])
def test_assigning_a_question_that_lacks_choices_is_refused_and_names_it(chosen):
    article = ArticleFactory()
    lacking = question_lacking_choices(article=article, prompt="Which city?")  # approved before the rule
    fine = QuestionFactory(article=article)
    questions = [fine, lacking] if chosen else None
    with pytest.raises(ValidationError) as excinfo:
        assignment_create(
            classroom=ClassroomFactory(), article=article, opens_at=timezone.now(), questions=questions
        )
    told = messages.ASSIGNMENT_QUESTION_LACKS_CHOICES.format(questions="“Which city?”")
    assert excinfo.value.messages == [told]
    assert not article.assignments.exists()


def test_an_older_question_with_twin_choices_can_still_be_approved():
    # Saved before twins were refused: approving it must not depend on fixing choices the approval
    # does not touch (the article page, where it is approved, does not even show them).
    question = multiple_choice_question(answer="March", wrong=("June",))
    question.choices.filter(text="June").update(text="march")
    question_update(question=question, status=Question.Status.APPROVED)
    assert Question.objects.get(pk=question.pk).status == Question.Status.APPROVED
