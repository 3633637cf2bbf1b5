"""Assignment admin: created through `assignment_create` (snapshot of approved questions, read-only after),
per-student extensions and extra attempts through `override_grant`, links to report and preview."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from quizzes import constraint_messages
from quizzes.models import Assignment, Question, StudentOverride
from quizzes.services import messages
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    AssignmentQuestionFactory,
    ClassroomFactory,
    EnrollmentFactory,
    QuestionFactory,
    question_lacking_choices,
)
from tests.quizzes.teacher_helpers import admin_form_data, top_errors

pytestmark = pytest.mark.django_db


def add_form(classroom, article, **extra):
    now = timezone.localtime()
    return {
        "classroom": classroom.pk,
        "article": article.pk,
        "title": "",
        "opens_at_0": now.strftime("%Y-%m-%d"),
        "opens_at_1": now.strftime("%H:%M:%S"),
        "closes_at_0": "",
        "closes_at_1": "",
        "attempts_allowed": 1,
        "reveal": Assignment.Reveal.AFTER_EACH,
        "shuffle_choices": "on",
        "show_leaderboard": "on",
        **extra,
    }


def test_assigning_snapshots_the_approved_questions_in_order(client, teacher):
    classroom, article = ClassroomFactory(teacher=teacher), ArticleFactory(owner=teacher, title="Mosul")
    second = QuestionFactory(article=article, position=2, status=Question.Status.APPROVED)
    first = QuestionFactory(article=article, position=1, status=Question.Status.APPROVED)
    QuestionFactory(article=article, position=3, status=Question.Status.DRAFT)

    response = client.post(reverse("admin:quizzes_assignment_add"), add_form(classroom, article))
    assert response.status_code == 302
    assignment = Assignment.objects.get(classroom=classroom)
    assert assignment.title == "Mosul"
    assert list(assignment.items.values_list("question_id", flat=True)) == [first.pk, second.pk]

    page = client.get(reverse("admin:quizzes_assignment_change", args=[assignment.pk])).content.decode()
    assert first.prompt in page
    assert reverse("teacher_report", args=[assignment.pk]) in page
    assert reverse("teacher_preview", args=[assignment.pk]) in page
    assert 'name="items-0-question"' not in page  # the snapshot is shown, not editable


def test_the_snapshot_numbers_its_questions_as_the_report_does(client, teacher):
    # Positions start at 1, and the label added 1 again: the first question read "2. …" in the snapshot
    # and on the page refusing to delete it, where the report calls it Q1.
    classroom, article = ClassroomFactory(teacher=teacher), ArticleFactory(owner=teacher)
    first = QuestionFactory(article=article, prompt="Who leads the city?", status=Question.Status.APPROVED)
    client.post(reverse("admin:quizzes_assignment_add"), add_form(classroom, article))
    item = Assignment.objects.get(classroom=classroom).items.get()
    assert str(item) == "1. Who leads the city?"
    page = client.get(reverse("admin:quizzes_assignment_change", args=[item.assignment_id])).content.decode()
    assert "1. Who leads the city?" in page and "2. Who leads the city?" not in page
    assert first.prompt in page


def test_assigning_an_article_without_approved_questions_explains_and_creates_nothing(client, teacher):
    classroom, article = ClassroomFactory(teacher=teacher), ArticleFactory(owner=teacher)
    QuestionFactory(article=article, status=Question.Status.DRAFT)
    response = client.post(reverse("admin:quizzes_assignment_add"), add_form(classroom, article))
    assert response.status_code == 200
    assert "no approved questions" in response.content.decode()
    assert not Assignment.objects.exists()


def test_assigning_an_article_with_a_question_lacking_choices_names_it_and_creates_nothing(client, teacher):
    classroom, article = ClassroomFactory(teacher=teacher), ArticleFactory(owner=teacher)
    QuestionFactory(article=article)
    question_lacking_choices(article=article, prompt="Which city?")  # approved before choices were required
    response = client.post(reverse("admin:quizzes_assignment_add"), add_form(classroom, article))
    assert response.status_code == 200
    told = messages.ASSIGNMENT_QUESTION_LACKS_CHOICES.format(questions="“Which city?”")
    assert escape(told) in response.content.decode()
    assert not Assignment.objects.exists()


def test_teacher_cannot_assign_to_another_teachers_class(client, teacher):
    article = ArticleFactory(owner=teacher)
    QuestionFactory(article=article)
    response = client.post(reverse("admin:quizzes_assignment_add"), add_form(ClassroomFactory(), article))
    assert response.status_code == 200
    assert not Assignment.objects.exists()


def test_extension_and_extra_attempt_for_one_student(client, teacher):
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    AssignmentQuestionFactory(assignment=assignment)
    enrollment = EnrollmentFactory(classroom=assignment.classroom)
    url = reverse("admin:quizzes_assignment_change", args=[assignment.pk])
    later = timezone.localtime() + dt.timedelta(days=3)
    data = admin_form_data(
        client.get(url).content.decode(),
        **{
            "overrides-TOTAL_FORMS": "1",
            "overrides-0-student": str(enrollment.student.pk),
            "overrides-0-closes_at_0": later.strftime("%Y-%m-%d"),
            "overrides-0-closes_at_1": later.strftime("%H:%M:%S"),
            "overrides-0-extra_attempts": "2",
            "overrides-0-assignment": str(assignment.pk),
        },
    )
    assert client.post(url, data).status_code == 302
    override = StudentOverride.objects.get(assignment=assignment, student=enrollment.student)
    assert override.extra_attempts == 2
    assert override.closes_at.date() == later.date()


def test_override_offers_only_students_of_the_class(client, teacher):
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    mine = EnrollmentFactory(classroom=assignment.classroom)
    EnrollmentFactory(classroom=ClassroomFactory(teacher=teacher))  # same teacher, other class
    response = client.get(reverse("admin:quizzes_assignment_change", args=[assignment.pk]))
    formset = next(f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "overrides")
    assert list(formset.formset.form.base_fields["student"].queryset) == [mine.student]


def test_extension_ending_before_the_quiz_opens_is_refused_on_the_row(client, teacher):
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    enrollment = EnrollmentFactory(classroom=assignment.classroom)
    url = reverse("admin:quizzes_assignment_change", args=[assignment.pk])
    earlier = timezone.localtime(assignment.opens_at) - dt.timedelta(days=1)
    data = admin_form_data(
        client.get(url).content.decode(),
        **{
            "overrides-TOTAL_FORMS": "1",
            "overrides-0-student": str(enrollment.student.pk),
            "overrides-0-closes_at_0": earlier.strftime("%Y-%m-%d"),
            "overrides-0-closes_at_1": earlier.strftime("%H:%M:%S"),
            "overrides-0-extra_attempts": "0",
            "overrides-0-assignment": str(assignment.pk),
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "The closing time must be after the opening time." in response.content.decode()
    assert not StudentOverride.objects.exists()
    # Repeated at the top, where "Please correct the error below." is: the row sits under the snapshot.
    where = "Extensions and extra attempts for one student, row 1, Closes at"
    assert f"{where}: {messages.ASSIGNMENT_CLOSES_BEFORE_OPENING}" in top_errors(response)


def assignment_page(client, teacher):
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    AssignmentQuestionFactory(assignment=assignment)
    url = reverse("admin:quizzes_assignment_change", args=[assignment.pk])
    return assignment, url, client.get(url).content.decode()


def test_changing_the_closing_time_to_before_the_opening_says_so_in_plain_words(client, teacher):
    assignment, url, page = assignment_page(client, teacher)
    opens = timezone.localtime(assignment.opens_at)
    data = admin_form_data(
        page, closes_at_0=opens.strftime("%Y-%m-%d"), closes_at_1=opens.strftime("%H:%M:%S")
    )
    content = client.post(url, data).content.decode()
    assert messages.ASSIGNMENT_CLOSES_BEFORE_OPENING in content
    assert "is violated" not in content


@pytest.mark.parametrize("page", ["add", "change"])
def test_zero_attempts_allowed_says_so_in_plain_words(client, teacher, page):
    if page == "add":
        article = ArticleFactory(owner=teacher)
        QuestionFactory(article=article)
        url = reverse("admin:quizzes_assignment_add")
        data = add_form(ClassroomFactory(teacher=teacher), article, attempts_allowed=0)
    else:
        _, url, html = assignment_page(client, teacher)
        data = admin_form_data(html, attempts_allowed="0")
    content = client.post(url, data).content.decode()
    assert constraint_messages.ASSIGNMENT_ATTEMPTS_POSITIVE in content
    assert "is violated" not in content


def test_adding_with_the_closing_time_before_the_opening_says_so_in_plain_words(client, teacher):
    article = ArticleFactory(owner=teacher)
    QuestionFactory(article=article)
    earlier = timezone.localtime() - dt.timedelta(days=1)
    data = add_form(
        ClassroomFactory(teacher=teacher),
        article,
        closes_at_0=earlier.strftime("%Y-%m-%d"),
        closes_at_1=earlier.strftime("%H:%M:%S"),
    )
    content = client.post(reverse("admin:quizzes_assignment_add"), data).content.decode()
    assert messages.ASSIGNMENT_CLOSES_BEFORE_OPENING in content
    assert "is violated" not in content
    assert not Assignment.objects.exists()


def test_the_add_page_opens_now_so_a_class_and_an_article_are_enough_to_save(client, teacher):
    classroom, article = ClassroomFactory(teacher=teacher), ArticleFactory(owner=teacher)
    QuestionFactory(article=article)
    url = reverse("admin:quizzes_assignment_add")
    before = timezone.now()
    page = client.get(url)
    opens_at = page.context["adminform"].form.initial["opens_at"]
    assert abs(opens_at - before) < dt.timedelta(minutes=1)

    data = admin_form_data(page.content.decode(), classroom=str(classroom.pk), article=str(article.pk))
    assert data["opens_at_0"] == timezone.localtime(opens_at).strftime("%Y-%m-%d")  # shown, not empty
    assert client.post(url, data).status_code == 302
    assignment = Assignment.objects.get(classroom=classroom)
    assert assignment.opens_at == opens_at
