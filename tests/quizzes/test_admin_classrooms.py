"""Classroom admin: creation through the service, bulk accounts with printable one-time passwords, password
resets, lifting a sign-in lock, the projector link; all limited to the teacher's own classes."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes import throttle
from quizzes.models import Classroom, Enrollment
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    ClassroomFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.quizzes.teacher_helpers import admin_form_data, make_teacher, top_errors

pytestmark = pytest.mark.django_db
FACTORY_PASSWORD = "pw"  # noqa: S105 - what tests.factories.UserFactory sets


def test_creating_a_class_in_the_admin_gives_it_a_join_code(client, teacher):
    response = client.post(
        reverse("admin:quizzes_classroom_add"), {"name": "Year 9 English", "board_size": 10}
    )
    assert response.status_code == 302
    classroom = Classroom.objects.get(name="Year 9 English")
    assert classroom.teacher == teacher
    assert classroom.join_code
    page = client.get(reverse("admin:quizzes_classroom_change", args=[classroom.pk])).content.decode()
    assert classroom.join_code in page


def test_the_add_form_starts_from_the_schools_board_size(client, teacher, settings):
    # PASSAGE_LEADERBOARD_TOP is what a new class's board shows; the admin's add form is how classes are made.
    settings.PASSAGE_LEADERBOARD_TOP = 5
    page = client.get(reverse("admin:quizzes_classroom_add")).content.decode()
    assert 'name="board_size" value="5"' in page


def test_a_board_of_no_rows_is_refused_in_words_a_teacher_reads(client, teacher):
    response = client.post(reverse("admin:quizzes_classroom_add"), {"name": "Year 10", "board_size": 0})
    assert "greater than or equal to 1" in response.content.decode()
    assert not Classroom.objects.filter(name="Year 10").exists()


def test_bulk_create_shows_each_password_once_and_the_accounts_work(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    url = reverse("admin:quizzes_classroom_students", args=[classroom.pk])
    response = client.post(url, {"names": "Amira Haddad\nBen O'Neil\n\n"})

    credentials = response.context["credentials"]
    assert [c.display_name for c in credentials] == ["Amira Haddad", "Ben O'Neil"]
    page = response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    for credential in credentials:
        assert credential.username in page and credential.password in page
        assert authenticate(username=credential.username, password=credential.password) is not None
    assert set(classroom.enrollments.values_list("display_name", flat=True)) == {"Amira Haddad", "Ben O'Neil"}
    # The roster page shows names and usernames, never the passwords again.
    roster = client.get(reverse("admin:quizzes_classroom_change", args=[classroom.pk])).content.decode()
    assert credentials[0].username in roster
    assert credentials[0].password not in roster


def test_bulk_create_from_a_csv_upload(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    upload = SimpleUploadedFile("class.csv", "name\nChloé Martin\nDev Patel\n".encode(), "text/csv")
    url = reverse("admin:quizzes_classroom_students", args=[classroom.pk])
    response = client.post(url, {"names": "", "csv_file": upload})
    assert [c.display_name for c in response.context["credentials"]] == ["Chloé Martin", "Dev Patel"]


def _post_roster(client, classroom, *, names="", upload=None):
    url = reverse("admin:quizzes_classroom_students", args=[classroom.pk])
    return client.post(url, {"names": names, **({"csv_file": upload} if upload else {})})


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1252"])
def test_bulk_create_reads_a_spreadsheets_unicode_or_windows_csv(client, teacher, encoding):
    """Excel's "Unicode text" is UTF-16 with a BOM: read as Windows-1252 it made an account "ÿþname"."""
    classroom = ClassroomFactory(teacher=teacher)
    data = "name,username\r\nChloé Martin,chloe.m\r\nDev Patel\r\n".encode(encoding)
    response = _post_roster(client, classroom, upload=SimpleUploadedFile("class.csv", data, "text/csv"))
    assert [(c.display_name, c.username) for c in response.context["credentials"]] == [
        ("Chloé Martin", "chloe.m"),
        ("Dev Patel", "dev.patel"),
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>>", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", "Word, zip or other compressed"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bulk_create_from_a_binary_file_says_it_is_not_a_csv_file(client, teacher, data, kind):
    classroom = ClassroomFactory(teacher=teacher)
    response = _post_roster(client, classroom, upload=SimpleUploadedFile("class.csv", data))
    page = response.content.decode()
    assert f"This looks like a {kind} file, not a text or CSV file." in page
    assert "at most 60 characters" not in page
    assert not classroom.enrollments.exists()


def test_bulk_create_from_an_oversize_file_says_its_size_and_the_limit(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    data = b"Ana Diaz\n" * 300_000  # 2.6 MB
    response = _post_roster(client, classroom, upload=SimpleUploadedFile("class.csv", data, "text/csv"))
    assert "This file is 2.6 MB; a class list file can be at most 1.0 MB." in response.content.decode()
    assert not classroom.enrollments.exists()


def test_bulk_create_of_more_than_a_hundred_names_asks_for_another_batch(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    response = _post_roster(client, classroom, names="\n".join(f"Student {n}" for n in range(101)))
    assert "at most 100 student accounts at a time" in response.content.decode()
    assert "rest in another batch" in response.content.decode()
    assert not classroom.enrollments.exists()


def test_bulk_create_says_which_repeated_names_were_numbered(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    EnrollmentFactory(classroom=classroom, display_name="Mohammed Al-Farsi")
    response = _post_roster(client, classroom, names="Mohammed Al-Farsi\nDev Patel\nDev Patel")
    page = response.content.decode()
    assert "Some names were already in the class or came twice in the list." in page
    assert "“Mohammed Al-Farsi” is shown as “Mohammed Al-Farsi (2)”" in page
    assert "“Dev Patel” is shown as “Dev Patel (2)”" in page
    assert sorted(classroom.enrollments.values_list("display_name", flat=True)) == [
        "Dev Patel",
        "Dev Patel (2)",
        "Mohammed Al-Farsi",
        "Mohammed Al-Farsi (2)",
    ]


def test_bulk_create_without_repeats_shows_no_renaming_note(client, teacher):
    response = _post_roster(client, ClassroomFactory(teacher=teacher), names="Ana\nBen")
    assert "were already in the class" not in response.content.decode()


def test_bulk_create_with_no_names_explains_and_creates_nothing(client, teacher):
    classroom = ClassroomFactory(teacher=teacher)
    users_before = get_user_model().objects.count()
    response = client.post(
        reverse("admin:quizzes_classroom_students", args=[classroom.pk]), {"names": "  \n"}
    )
    assert response.status_code == 200
    assert "Paste at least one student name" in response.content.decode()
    assert get_user_model().objects.count() == users_before


def test_bulk_create_for_another_teachers_class_is_not_found(client, teacher):
    other = ClassroomFactory()
    response = client.post(reverse("admin:quizzes_classroom_students", args=[other.pk]), {"names": "Eve"})
    assert response.status_code == 404
    assert not Enrollment.objects.filter(classroom=other).exists()


def test_password_reset_shows_a_new_password_that_works(client, teacher):
    enrollment = EnrollmentFactory(classroom=ClassroomFactory(teacher=teacher), display_name="Amira")
    response = client.post(
        reverse("admin:quizzes_enrollment_changelist"),
        {"action": "reset_passwords", "_selected_action": [enrollment.pk]},
    )
    (credential,) = response.context["credentials"]
    assert credential.password in response.content.decode()
    username = enrollment.student.username
    assert authenticate(username=username, password=credential.password) is not None
    assert authenticate(username=username, password=FACTORY_PASSWORD) is None


def test_password_reset_never_touches_another_teachers_student_or_a_staff_account(client, teacher):
    colleague = make_teacher()
    staff_enrollment = EnrollmentFactory(classroom=ClassroomFactory(teacher=teacher), student=colleague)
    other_enrollment = EnrollmentFactory()
    response = client.post(
        reverse("admin:quizzes_enrollment_changelist"),
        {"action": "reset_passwords", "_selected_action": [staff_enrollment.pk, other_enrollment.pk]},
    )
    assert response.context["credentials"] == []
    assert authenticate(username=colleague.username, password=FACTORY_PASSWORD) is not None
    assert authenticate(username=other_enrollment.student.username, password=FACTORY_PASSWORD) is not None


def test_teacher_lifts_a_students_sign_in_lock(client, teacher):
    student = UserFactory(username="locked.out")
    enrollment = EnrollmentFactory(classroom=ClassroomFactory(teacher=teacher), student=student)
    while not throttle.login_status(username="locked.out").locked:
        throttle.login_failed(username="locked.out")
    client.post(
        reverse("admin:quizzes_enrollment_changelist"),
        {"action": "lift_sign_in_lock", "_selected_action": [enrollment.pk]},
    )
    assert throttle.login_status(username="locked.out").locked is False


def test_projector_link_can_be_made_rotated_and_revoked(client, teacher):
    classroom = ClassroomFactory(teacher=teacher, board_token=None)
    url = reverse("admin:quizzes_classroom_projector", args=[classroom.pk])
    page = client.post(url, {"do": "rotate"}).content.decode()
    classroom.refresh_from_db()
    first = classroom.board_token
    assert first and "http://testserver/" in page and first in page

    client.post(url, {"do": "rotate"})
    classroom.refresh_from_db()
    assert classroom.board_token and classroom.board_token != first

    page = client.post(url, {"do": "revoke"}).content.decode()
    classroom.refresh_from_db()
    assert classroom.board_token is None
    assert "no projector link" in page


def test_projector_link_of_another_teachers_class_is_not_found(client, teacher):
    other = ClassroomFactory(board_token="secret-token-of-bob")  # noqa: S106
    response = client.get(reverse("admin:quizzes_classroom_projector", args=[other.pk]))
    assert response.status_code == 404


def test_removing_a_student_keeps_answers_but_not_the_name(client, teacher):
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    enrollment = EnrollmentFactory(classroom=assignment.classroom, display_name="Amira")
    attempt = AttemptFactory(assignment=assignment, student=enrollment.student)
    response = client.post(
        reverse("admin:quizzes_enrollment_changelist"),
        {"action": "remove_from_class", "_selected_action": [enrollment.pk]},
        follow=True,
    )
    assert "Removed from the class: Amira" in response.content.decode()
    assert not Enrollment.objects.filter(pk=enrollment.pk).exists()
    attempt.refresh_from_db()
    assert attempt.student is None


def test_a_roster_rows_error_is_repeated_at_the_top_of_the_class_page(client, teacher):
    # A long roster puts a row's error screens below "Please correct the error below.".
    classroom = ClassroomFactory(teacher=teacher)
    EnrollmentFactory(classroom=classroom, display_name="Ada")
    url = reverse("admin:quizzes_classroom_change", args=[classroom.pk])
    data = admin_form_data(client.get(url).content.decode(), **{"enrollments-0-display_name": ""})

    assert "Enrollments, row 1, Display name: This field is required." in top_errors(client.post(url, data))
    assert Enrollment.objects.get(classroom=classroom).display_name == "Ada"


def test_every_admin_page_with_inlines_repeats_their_errors_at_the_top():
    from django.contrib import admin

    from quizzes.admin.inline_errors import InlineErrorsOnTopMixin

    with_inlines = [model_admin for model_admin in admin.site._registry.values() if model_admin.inlines]
    assert with_inlines
    assert [m for m in with_inlines if not isinstance(m, InlineErrorsOnTopMixin)] == []
