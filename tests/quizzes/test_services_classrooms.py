"""Classrooms: unambiguous join codes, joining, bulk accounts, removal, projector links, password resets."""

import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.exceptions import ValidationError
from django.db import connection

from quizzes.models import Attempt, Enrollment, StudentOverride
from quizzes.services import (
    board_token_revoke,
    board_token_rotate,
    classroom_create,
    classroom_join,
    enrollment_remove,
    messages,
    override_grant,
    student_password_reset,
    students_bulk_create,
)
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    ClassroomFactory,
    EnrollmentFactory,
    TeacherFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
PASSWORD_RE = re.compile(r"^[a-z]+-[a-z]+-[a-z]+-\d{2}$")


def test_join_codes_are_unique_and_unambiguous():
    teacher = TeacherFactory()
    codes = {classroom_create(teacher=teacher, name=f"Class {i}").join_code for i in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert 6 <= len(code) <= 8
        assert not set(code) & set("0O1I")


def test_classroom_needs_a_name():
    with pytest.raises(ValidationError) as excinfo:
        classroom_create(teacher=TeacherFactory(), name="   ")
    assert excinfo.value.messages == [messages.CLASSROOM_NAME_REQUIRED]


def test_join_normalises_the_code_and_keeps_markup_as_text():
    classroom = ClassroomFactory(join_code="ABCD234")
    enrollment = classroom_join(
        student=UserFactory(), join_code=" abcd 234 ", display_name="  <b>Ana</b>  ", client_ip="1.2.3.4"
    )
    assert enrollment.classroom == classroom
    assert enrollment.display_name == "<b>Ana</b>"


def test_joining_again_returns_the_existing_enrollment():
    classroom = ClassroomFactory(join_code="ABCD234")
    student = UserFactory()
    first = classroom_join(student=student, join_code="ABCD234", display_name="Ana")
    again = classroom_join(student=student, join_code="ABCD234", display_name="Someone else")
    assert again.pk == first.pk and again.display_name == "Ana"
    assert Enrollment.objects.filter(classroom=classroom).count() == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", messages.JOIN_DISPLAY_NAME_REQUIRED),
        ("   ", messages.JOIN_DISPLAY_NAME_REQUIRED),
        ("x" * 61, messages.JOIN_DISPLAY_NAME_TOO_LONG),
    ],
)
def test_join_display_name_rules(name, message):
    ClassroomFactory(join_code="ABCD234")
    with pytest.raises(ValidationError) as excinfo:
        classroom_join(student=UserFactory(), join_code="ABCD234", display_name=name)
    assert excinfo.value.messages == [message]
    assert not Enrollment.objects.exists()


def test_bulk_create_makes_unique_usernames_and_readable_passwords():
    classroom = ClassroomFactory()
    UserFactory(username="ana.diaz")
    lines = ["display name,username", "Ana Díaz", "Ana Diaz", "", "Ben Okafor,benny", "  Chloé  "]
    credentials = students_bulk_create(classroom=classroom, lines=lines)
    assert [c.username for c in credentials] == ["ana.diaz2", "ana.diaz3", "benny", "chloe"]
    assert [c.display_name for c in credentials] == ["Ana Díaz", "Ana Diaz", "Ben Okafor", "Chloé"]
    assert all(PASSWORD_RE.match(c.password) for c in credentials)
    assert len({c.password for c in credentials}) == 4
    assert authenticate(username="benny", password=credentials[2].password) is not None
    assert classroom.enrollments.count() == 4


def test_bulk_create_refuses_a_taken_username_and_creates_nobody():
    UserFactory(username="benny")
    with pytest.raises(ValidationError) as excinfo:
        students_bulk_create(classroom=ClassroomFactory(), lines=["Ana", "Ben,benny"])
    assert excinfo.value.messages == [messages.BULK_USERNAME_TAKEN.format(username="benny")]
    assert not Enrollment.objects.exists()


def test_an_unclosed_quote_keeps_each_line_one_name():
    """A pasted `"Smith` used to open a CSV quote that swallowed every later line into one account."""
    credentials = students_bulk_create(
        classroom=ClassroomFactory(), lines='"Smith\nJones\nBrown'.splitlines()
    )
    assert [c.display_name for c in credentials] == ["Smith", "Jones", "Brown"]


def test_a_quoted_name_with_a_comma_keeps_its_username_column():
    credentials = students_bulk_create(classroom=ClassroomFactory(), lines=['"Díaz, Ana",ana.d', "Ben"])
    assert [(c.display_name, c.username) for c in credentials] == [("Díaz, Ana", "ana.d"), ("Ben", "ben")]


def test_repeated_names_are_numbered_so_the_projector_rows_differ():
    classroom = ClassroomFactory()
    EnrollmentFactory(classroom=classroom, display_name="Mohammed Al-Farsi")
    lines = ["Mohammed Al-Farsi", "Ana Diaz", "ana diaz", "Mohammed Al-Farsi"]
    credentials = students_bulk_create(classroom=classroom, lines=lines)
    assert [(c.display_name, c.renamed_from) for c in credentials] == [
        ("Mohammed Al-Farsi (2)", "Mohammed Al-Farsi"),
        ("Ana Diaz", ""),
        ("ana diaz (2)", "ana diaz"),
        ("Mohammed Al-Farsi (3)", "Mohammed Al-Farsi"),
    ]
    assert len({c.username for c in credentials}) == 4
    shown = list(classroom.enrollments.values_list("display_name", flat=True))
    assert len({name.casefold() for name in shown}) == len(shown) == 5


def test_a_numbered_name_stays_within_the_display_name_limit():
    long_name = "B" * messages.DISPLAY_NAME_MAX_LENGTH
    credentials = students_bulk_create(classroom=ClassroomFactory(), lines=[long_name, long_name])
    assert credentials[1].display_name == "B" * 56 + " (2)"


def test_bulk_create_needs_names():
    with pytest.raises(ValidationError) as excinfo:
        students_bulk_create(classroom=ClassroomFactory(), lines=["", "  "])
    assert excinfo.value.messages == [messages.BULK_NO_NAMES]


class RecordingHasher(MD5PasswordHasher):
    """The test hasher, noting for each hash whether a transaction (and so SQLite's write lock) was open."""

    in_transaction: list[bool] = []

    def encode(self, password, salt):
        self.in_transaction.append(connection.in_atomic_block)
        return super().encode(password, salt)


@pytest.fixture
def recording_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.RecordingHasher"]
    RecordingHasher.in_transaction = []
    return RecordingHasher.in_transaction


@pytest.mark.django_db(transaction=True)
def test_bulk_create_hashes_every_password_before_the_write_transaction(recording_hasher):
    """Hashing is slow on purpose: inside the transaction it held the write lock, and answers failed."""
    classroom = ClassroomFactory()
    recording_hasher.clear()  # the teacher's own password
    credentials = students_bulk_create(classroom=classroom, lines=["Ana", "Ben", "Chloé"])
    assert recording_hasher == [False, False, False]
    assert all(authenticate(username=c.username, password=c.password) for c in credentials)


def test_bulk_create_refuses_a_whole_school_at_once_and_hashes_nothing(recording_hasher):
    lines = ["name"] + [f"Student {number}" for number in range(200_000)]
    classroom = ClassroomFactory()
    recording_hasher.clear()
    with pytest.raises(ValidationError) as excinfo:
        students_bulk_create(classroom=classroom, lines=lines)
    assert excinfo.value.messages == [
        "This list has 200,001 lines; Passage creates at most 100 student accounts at a time. "
        "Add the first 100 now and the rest in another batch."
    ]
    assert recording_hasher == []
    assert not Enrollment.objects.exists()


def test_bulk_create_takes_exactly_the_cap_and_a_header():
    lines = ["name"] + [f"Student {number}" for number in range(messages.BULK_MAX_NAMES)] + ["", " "]
    credentials = students_bulk_create(classroom=ClassroomFactory(), lines=lines)
    assert len(credentials) == messages.BULK_MAX_NAMES == 100


def test_bulk_create_refuses_a_taken_username_before_hashing(recording_hasher):
    UserFactory(username="benny")
    classroom = ClassroomFactory()
    recording_hasher.clear()
    with pytest.raises(ValidationError, match="benny is already taken"):
        students_bulk_create(classroom=classroom, lines=["Ana", "Ben,benny"])
    assert recording_hasher == []


def test_password_reset_gives_a_new_working_password():
    student = UserFactory(username="amina")
    password = student_password_reset(student=student)
    assert PASSWORD_RE.match(password)
    assert authenticate(username="amina", password=password) is not None
    assert authenticate(username="amina", password="pw") is None  # noqa: S106 - the factory password


def test_removal_anonymises_attempts_and_drops_personal_data():
    assignment = AssignmentFactory()
    enrollment = Enrollment.objects.create(
        classroom=assignment.classroom, student=UserFactory(), display_name="Ana"
    )
    student = enrollment.student
    override_grant(assignment=assignment, student=student, extra_attempts=2)
    open_attempt = AttemptFactory(assignment=assignment, student=student)
    elsewhere = AttemptFactory(student=student)  # another class: untouched
    enrollment_remove(enrollment=enrollment)
    open_attempt.refresh_from_db()
    assert open_attempt.student is None and open_attempt.finished_at is not None
    assert not Enrollment.objects.filter(display_name="Ana").exists()
    assert not StudentOverride.objects.exists()
    assert Attempt.objects.get(pk=elsewhere.pk).student == student
    assert get_user_model().objects.filter(pk=student.pk).exists()


def test_board_token_rotate_replaces_and_revoke_clears():
    classroom = classroom_create(teacher=TeacherFactory(), name="7B")
    old = classroom.board_token
    new = board_token_rotate(classroom=classroom)
    assert new and new != old
    classroom.refresh_from_db()
    assert classroom.board_token == new
    board_token_revoke(classroom=classroom)
    classroom.refresh_from_db()
    assert classroom.board_token is None


@pytest.mark.django_db
def test_a_new_class_board_shows_the_configured_number_of_rows(settings):
    settings.PASSAGE_LEADERBOARD_TOP = 5
    classroom = classroom_create(teacher=TeacherFactory(), name="Year 9")
    assert classroom.board_size == 5
