"""A teacher sees and edits only their own things in the admin; a superuser sees everything."""

import pytest
from django.urls import reverse

from quizzes.models import Question
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    ClassroomFactory,
    EnrollmentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.quizzes.teacher_helpers import make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_teachers():
    alice, bob = make_teacher(username="alice"), make_teacher(username="bob")
    mine = AssignmentFactory(classroom=ClassroomFactory(teacher=alice, name="Alice class"))
    theirs = AssignmentFactory(classroom=ClassroomFactory(teacher=bob, name="Bob class"))
    for assignment in (mine, theirs):
        QuestionFactory(article=assignment.article, prompt=f"Prompt of {assignment.classroom.teacher}?")
        enrollment = EnrollmentFactory(
            classroom=assignment.classroom, display_name=f"Pupil of {assignment.pk}"
        )
        AttemptFactory(assignment=assignment, student=enrollment.student)
    return alice, bob, mine, theirs


def objects_of(assignment):
    return {
        "articles_article": assignment.article,
        "quizzes_question": assignment.article.questions.first(),
        "quizzes_classroom": assignment.classroom,
        "quizzes_enrollment": assignment.classroom.enrollments.first(),
        "quizzes_assignment": assignment,
        "quizzes_attempt": assignment.attempts.first(),
    }


@pytest.mark.parametrize(
    "admin_name",
    [
        "articles_article",
        "quizzes_question",
        "quizzes_classroom",
        "quizzes_enrollment",
        "quizzes_assignment",
        "quizzes_attempt",
    ],
)
def test_teacher_sees_own_objects_and_not_another_teachers(client, two_teachers, admin_name):
    alice, bob, mine, theirs = two_teachers
    client.force_login(alice)
    own, other = objects_of(mine)[admin_name], objects_of(theirs)[admin_name]

    changelist = client.get(reverse(f"admin:{admin_name}_changelist"))
    assert changelist.status_code == 200
    listed = {obj.pk for obj in changelist.context["cl"].result_list}
    assert own.pk in listed
    assert other.pk not in listed

    assert client.get(reverse(f"admin:{admin_name}_change", args=[own.pk])).status_code == 200
    # Django's admin treats an object outside the queryset as missing: redirect to the index, not shown.
    response = client.get(reverse(f"admin:{admin_name}_change", args=[other.pk]))
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_teacher_cannot_change_another_teachers_question_by_posting(client, two_teachers):
    alice, bob, mine, theirs = two_teachers
    client.force_login(alice)
    other = theirs.article.questions.first()
    client.post(reverse("admin:quizzes_question_change", args=[other.pk]), {"prompt": "Hacked?"})
    other.refresh_from_db()
    assert other.prompt != "Hacked?"


def test_superuser_sees_every_teachers_articles(client, two_teachers):
    alice, bob, mine, theirs = two_teachers
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:articles_article_changelist"))
    listed = {obj.pk for obj in response.context["cl"].result_list}
    assert {mine.article.pk, theirs.article.pk} <= listed


def test_foreign_key_choices_offer_only_the_teachers_own_articles_and_classes(client, two_teachers):
    alice, bob, mine, theirs = two_teachers
    client.force_login(alice)
    form = client.get(reverse("admin:quizzes_assignment_add")).context["adminform"].form
    assert list(form.fields["article"].queryset) == [mine.article]
    assert list(form.fields["classroom"].queryset) == [mine.classroom]
    question_form = client.get(reverse("admin:quizzes_question_add")).context["adminform"].form
    assert list(question_form.fields["article"].queryset) == [mine.article]


def test_article_filter_lists_only_own_article_titles(client, two_teachers):
    alice, bob, mine, theirs = two_teachers
    client.force_login(alice)
    page = client.get(reverse("admin:quizzes_question_changelist")).content.decode()
    assert mine.article.title in page
    assert theirs.article.title not in page


def test_student_cannot_open_the_admin(client, two_teachers):
    alice, bob, mine, theirs = two_teachers
    client.force_login(mine.classroom.enrollments.first().student)
    response = client.get(reverse("admin:quizzes_question_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def test_teacher_group_can_open_every_teacher_page_but_not_users(client, two_teachers):
    alice, *_ = two_teachers
    client.force_login(alice)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert Question.objects.count() == 2


def changelist_queries(client, admin_name) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(f"admin:{admin_name}_changelist")).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "admin_name",
    [
        "articles_article",
        "quizzes_question",
        "quizzes_classroom",
        "quizzes_enrollment",
        "quizzes_assignment",
        "quizzes_attempt",
    ],
)
def test_changelist_query_count_does_not_grow_with_rows(client, admin_name):
    teacher = make_teacher()
    client.force_login(teacher)

    def add_rows(n):
        for _ in range(n):
            assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
            QuestionFactory(article=assignment.article)
            enrollment = EnrollmentFactory(classroom=assignment.classroom)
            AttemptFactory(assignment=assignment, student=enrollment.student)

    add_rows(2)
    few = changelist_queries(client, admin_name)
    add_rows(8)
    assert changelist_queries(client, admin_name) == few
