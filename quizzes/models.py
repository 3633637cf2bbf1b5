"""Questions, classrooms, assignments, attempts and responses.

Rules that must never break live here as database constraints, so that two tabs, a double click or two app
servers cannot break them either. Business logic lives in `services.py` (writes) and `selectors.py` (reads).
"""

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from articles.models import Article, TimeStampedModel
from quizzes import constraint_messages as texts

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class Question(TimeStampedModel):
    class Kind(models.TextChoices):
        MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
        TRUE_FALSE = "true_false", "True / false"
        SHORT_ANSWER = "short_answer", "Short answer"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        AUTHORED = "authored", "Written by a teacher"
        GENERATED = "generated", "Generated"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SHORT_ANSWER)
    prompt = models.TextField()
    answer = models.CharField(max_length=500, help_text="The correct answer, as shown to students.")
    accepted_answers = models.JSONField(
        default=list, blank=True, help_text="Other answers graded as correct (short answer)."
    )
    explanation = models.TextField(blank=True)
    # Character offsets into article.text of the one sentence that supports the answer.
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.AUTHORED)
    generator_version = models.CharField(max_length=40, blank=True)
    generator_score = models.FloatField(null=True, blank=True)
    # Set when a teacher changes a generated question, so regeneration leaves it alone.
    edited_by_teacher = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    response_total: int  # not a column: annotated by the admin's question list

    class Meta:
        ordering = ["article_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(prompt=""),
                name="question_prompt_not_empty",
                violation_error_message=texts.QUESTION_PROMPT_REQUIRED,
            ),
            models.CheckConstraint(
                condition=~Q(answer=""),
                name="question_answer_not_empty",
                violation_error_message=texts.QUESTION_ANSWER_REQUIRED,
            ),
            models.CheckConstraint(
                # Both or neither: SQL lets a comparison with NULL pass, so a start alone needs saying.
                condition=(Q(evidence_start__isnull=True) & Q(evidence_end__isnull=True))
                | (
                    Q(evidence_start__isnull=False)
                    & Q(evidence_end__isnull=False)
                    & Q(evidence_end__gt=F("evidence_start"))
                ),
                name="question_evidence_span_valid",
                violation_error_message=texts.QUESTION_EVIDENCE_SPAN,
            ),
        ]

    def graded_answer(self, right_choice: str | None) -> str:
        """What students are graded against and told: the ticked choice's text (`right_choice`) for a
        question with choices, else the answer. A short answer can keep the choices it had as multiple
        choice (switching back keeps them), but grading reads only its answer."""
        if self.kind == self.Kind.SHORT_ANSWER:
            return self.answer
        return right_choice or self.answer

    def __str__(self) -> str:
        return self.prompt[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=300)
    is_correct = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["question_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_correct=True),
                name="choice_one_correct_per_question",
                violation_error_message=texts.ONE_RIGHT_CHOICE,
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="choice_text_not_empty",
                violation_error_message=texts.CHOICE_TEXT_REQUIRED,
            ),
        ]

    def __str__(self) -> str:
        return self.text


def assignment_phase(*, opens_at: dt.datetime, closes_at: dt.datetime | None, now: dt.datetime) -> str:
    """ "upcoming", "open" or "closed" at `now`: open from opens_at (included) until closes_at (excluded).

    The rule for the student's dashboard, the teacher's overview and starting an attempt; the SQL filters
    and the answer and finish paths compare the same way. `closes_at` is the student's own extension where
    one applies."""
    if now < opens_at:
        return "upcoming"
    if closes_at is not None and now >= closes_at:
        return "closed"
    return "open"


def new_board_version() -> str:
    # Random rather than a counter, so a restored database or a flushed cache never repeats an old ETag.
    return uuid.uuid4().hex[:16]


class Classroom(TimeStampedModel):
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="classrooms")
    name = models.CharField(max_length=120)
    join_code = models.CharField(max_length=12, unique=True)
    # Read-only projector link; blank when revoked. Rotating it revokes the old link.
    board_token = models.CharField(max_length=48, unique=True, null=True, blank=True)
    board_size = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1)], help_text="How many rows the projector shows."
    )
    # Changes in the same transaction as anything that changes the class board (quizzes.board_cache), so
    # a poll reads it with the classroom row: the ETag of every leaderboard and the key of its cached HTML.
    board_version = models.CharField(max_length=16, default=new_board_version, editable=False)
    students: "models.ManyToManyField[User, Enrollment]" = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Enrollment", related_name="enrolled_classrooms"
    )
    # Not columns: read with the row by quizzes.views.board_poll.classroom_for_board.
    is_enrolled: bool
    shows_board: bool

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name=""),
                name="classroom_name_not_empty",
                violation_error_message=texts.CLASSROOM_NAME_REQUIRED,
            ),
            models.CheckConstraint(
                condition=Q(board_size__gte=1),
                name="classroom_board_size_positive",
                violation_error_message=texts.CLASSROOM_BOARD_SIZE_POSITIVE,
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Enrollment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="enrollments")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    display_name = models.CharField(max_length=60)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "student"],
                name="enrollment_unique_student",
                violation_error_message=texts.ENROLLMENT_ALREADY_IN_CLASS,
            ),
            models.CheckConstraint(
                condition=~Q(display_name=""),
                name="enrollment_display_name_not_empty",
                violation_error_message=texts.ENROLLMENT_DISPLAY_NAME_REQUIRED,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} in {self.classroom}"


class Assignment(TimeStampedModel):
    class Reveal(models.TextChoices):
        AFTER_EACH = "after_each", "After each question"
        AFTER_FINISH = "after_finish", "After finishing the quiz"
        AFTER_CLOSE = "after_close", "After the assignment closes"

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="assignments")
    title = models.CharField(max_length=300)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField(null=True, blank=True)
    attempts_allowed = models.PositiveSmallIntegerField(default=1)
    reveal = models.CharField(max_length=20, choices=Reveal.choices, default=Reveal.AFTER_EACH)
    shuffle_choices = models.BooleanField(default=True)
    show_leaderboard = models.BooleanField(default=True, help_text="Students may see the class leaderboard.")
    questions: "models.ManyToManyField[Question, AssignmentQuestion]" = models.ManyToManyField(
        Question, through="AssignmentQuestion", related_name="assignments"
    )

    class Meta:
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=F("opens_at")),
                name="assignment_closes_after_opening",
                violation_error_message=texts.ASSIGNMENT_CLOSES_BEFORE_OPENING,
            ),
            models.CheckConstraint(
                condition=Q(attempts_allowed__gte=1),
                name="assignment_attempts_positive",
                violation_error_message=texts.ASSIGNMENT_ATTEMPTS_POSITIVE,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.classroom})"


class AssignmentQuestion(models.Model):
    """The fixed, ordered snapshot of approved questions taken when the quiz is assigned."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="assignment_items")
    position = models.PositiveIntegerField()
    points = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["assignment_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "question"],
                name="assignment_question_once",
                violation_error_message=texts.ASSIGNMENT_QUESTION_ONCE,
            ),
            models.UniqueConstraint(
                fields=["assignment", "position"],
                name="assignment_position_once",
                violation_error_message=texts.ASSIGNMENT_POSITION_ONCE,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.question}"  # assignment_create numbers from 1


class StudentOverride(models.Model):
    """An extension or extra attempts for one student on one assignment."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="overrides")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="overrides")
    closes_at = models.DateTimeField(null=True, blank=True, help_text="Personal closing time (extension).")
    extra_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"],
                name="override_unique_student",
                violation_error_message=texts.OVERRIDE_ONE_PER_STUDENT,
            ),
        ]

    def __str__(self) -> str:
        return f"Override for {self.student} on {self.assignment}"


class Attempt(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="attempts")
    # Null once the student leaves the class: the attempt and its responses stay, anonymous, so the
    # per-question statistics still add up (services.enrollment_remove); leaderboards skip them.
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(default=1)
    # A default, not auto_now_add, so services can pass the request's `now` (and tests can travel in time).
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveIntegerField(default=0)
    max_score = models.PositiveIntegerField(default=0)
    # Not columns: read with the attempt by quizzes.selectors.student (the student's own extension and the
    # content version its cached quiz items are keyed by).
    personal_closes_at: dt.datetime | None
    content_token: str | None

    class Meta:
        ordering = ["assignment_id", "student_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student", "number"],
                name="attempt_number_once",
                violation_error_message=texts.ATTEMPT_NUMBER_ONCE,
            ),
            models.UniqueConstraint(
                fields=["assignment", "student"],
                condition=Q(finished_at__isnull=True),
                name="attempt_one_open_per_student",
                violation_error_message=texts.ATTEMPT_ONE_OPEN,
            ),
            models.CheckConstraint(
                condition=Q(score__lte=F("max_score")),
                name="attempt_score_within_max",
                violation_error_message=texts.ATTEMPT_SCORE_WITHIN_MAX,
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="attempt_number_positive",
                violation_error_message=texts.ATTEMPT_NUMBER_POSITIVE,
            ),
        ]
        indexes = [models.Index(fields=["assignment", "finished_at"], name="attempt_assignment_finished")]

    def __str__(self) -> str:
        return f"Attempt {self.number} by {self.student or 'a removed student'} on {self.assignment}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="responses")
    given_answer = models.CharField(max_length=500, blank=True)
    choice = models.ForeignKey(Choice, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_correct = models.BooleanField(default=False)
    points = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["attempt_id", "answered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"],
                name="response_once_per_question",
                violation_error_message=texts.RESPONSE_ONCE,
            ),
        ]
        indexes = [models.Index(fields=["question", "is_correct"], name="response_question_correct")]

    def __str__(self) -> str:
        return f"{self.given_answer or self.choice} ({'correct' if self.is_correct else 'wrong'})"


class ContentVersion(models.Model):
    """One row whose token changes with every write to questions, choices or assignment items.

    Database triggers (quizzes/content_triggers.py) change it, so admin edits, services, bulk updates,
    raw SQL and a restored backup all move it; no Python code has to remember to. Web processes keep each
    assignment's questions and choices in memory under the token they read with the attempt
    (selectors/quiz_items.py), so a quiz page never shows a question as it was before a teacher's edit.
    The token is random, not a counter, so a rolled-back transaction can never bring an old number back
    for different content.
    """

    SINGLETON_ID = 1
    token = models.CharField(max_length=32, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(id=1),
                name="content_version_single_row",
                violation_error_message=texts.CONTENT_VERSION_SINGLE_ROW,
            )
        ]

    def __str__(self) -> str:
        return f"Content version {self.token}"
