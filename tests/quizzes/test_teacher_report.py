"""The teacher's report: who got what right, per-question figures, a CSV that is safe to open in a
spreadsheet, only for the class's teacher, and a query count that does not grow with the class."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Question, Response
from tests.factories import (
    AssignmentFactory,
    AssignmentQuestionFactory,
    ClassroomFactory,
    EnrollmentFactory,
    UserFactory,
    multiple_choice_question,
)
from tests.quizzes.teacher_helpers import make_teacher

pytestmark = pytest.mark.django_db


def build_class(teacher, *, students: int, questions: int, attempts: int = 1, names=None):
    """A finished class: student i answers question j right when (i + j) is even, else "Wrong j"."""
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher), attempts_allowed=attempts)
    items = [
        AssignmentQuestionFactory(assignment=assignment, position=j, question__answer=f"Answer {j}")
        for j in range(questions)
    ]
    names = names or [f"Student {i:02d}" for i in range(students)]
    for i, name in enumerate(names):
        enrollment = EnrollmentFactory(classroom=assignment.classroom, display_name=name)
        for number in range(1, attempts + 1):
            correct = [(i + j) % 2 == 0 for j in range(questions)]
            attempt = Attempt.objects.create(
                assignment=assignment,
                student=enrollment.student,
                number=number,
                finished_at=timezone.now(),
                score=sum(correct),
                max_score=questions,
            )
            Response.objects.bulk_create(
                Response(
                    attempt=attempt,
                    question=item.question,
                    given_answer=f"Answer {j}" if correct[j] else f"Wrong {j}",
                    is_correct=correct[j],
                    points=int(correct[j]),
                )
                for j, item in enumerate(items)
            )
    return assignment


def test_report_grid_marks_answers_with_symbols_and_text(client, teacher):
    assignment = build_class(teacher, students=2, questions=2, names=["Amira", "Ben"])
    EnrollmentFactory(classroom=assignment.classroom, display_name="Chloe")  # has not started
    page = client.get(reverse("teacher_report", args=[assignment.pk])).content.decode()
    assert "Amira" in page and "Ben" in page and "Chloe" in page
    assert "✓" in page and "✗" in page and "–" in page
    assert "Wrong 1" in page  # a wrong answer is shown, not only coloured
    assert "50%" in page  # each question: one of two right


def test_report_says_when_a_score_is_from_an_attempt_still_in_progress(client, teacher):
    assignment = build_class(teacher, students=1, questions=2, names=["Amira"])
    student = EnrollmentFactory(classroom=assignment.classroom, display_name="Ben").student
    Attempt.objects.create(assignment=assignment, student=student, number=1, score=0, max_score=2)
    page = client.get(reverse("teacher_report", args=[assignment.pk])).content.decode()
    amira, ben = page.index(">Amira<"), page.index(">Ben<")  # rows in name order
    assert page.count("(in progress)") == 1
    assert "(in progress)" not in page[amira:ben]  # Amira's attempt is finished
    assert "(in progress)" in page[ben:]


def test_report_csv_says_which_scores_are_from_attempts_in_progress(client, teacher):
    assignment = build_class(teacher, students=1, questions=2, names=["Amira"])
    student = EnrollmentFactory(classroom=assignment.classroom, display_name="Ben").student
    Attempt.objects.create(assignment=assignment, student=student, number=1, score=0, max_score=2)
    EnrollmentFactory(classroom=assignment.classroom, display_name="Chloe")  # not started
    response = client.get(reverse("teacher_report_csv", args=[assignment.pk]))
    rows = {row[0]: row for row in read_csv(response) if row}
    assert (rows["Amira"][3], rows["Ben"][3], rows["Chloe"][3]) == ("yes", "no, in progress", "")


def test_report_escapes_student_input(client, teacher):
    assignment = build_class(teacher, students=1, questions=1, names=["<b>Bold</b>"])
    Response.objects.update(given_answer="<script>alert(1)</script>", is_correct=False)
    page = client.get(reverse("teacher_report", args=[assignment.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_report_csv_has_a_row_per_student_and_per_question_figures(client, teacher):
    assignment = build_class(teacher, students=2, questions=3, names=["Amira", "Ben"])
    response = client.get(reverse("teacher_report_csv", args=[assignment.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:4] == ["Student", "Score", "Max score", "Finished"] and len(rows[0]) == 7
    amira = next(row for row in rows if row[0] == "Amira")
    assert amira[1:4] == ["2", "3", "yes"]
    assert amira[4:] == ["correct: Answer 0", "wrong: Wrong 1", "correct: Answer 2"]
    assert any(row and row[0].startswith("Q2:") and "wrong 1 (1)" in row[-1].lower() for row in rows)


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"])
def test_report_csv_neutralises_formulas(client, teacher, payload):
    assignment = build_class(teacher, students=1, questions=1, names=[payload])
    response = client.get(reverse("teacher_report_csv", args=[assignment.pk]))
    cells = [cell for row in read_csv(response) for cell in row]
    assert "'" + payload in cells
    assert payload not in cells


@pytest.mark.parametrize("who", ["student", "other_teacher"])
def test_report_is_not_found_for_anyone_but_the_classs_teacher(client, teacher, who):
    assignment = build_class(teacher, students=1, questions=1)
    user = assignment.classroom.enrollments.first().student if who == "student" else make_teacher()
    client.force_login(user)
    assert client.get(reverse("teacher_report", args=[assignment.pk])).status_code == 404
    assert client.get(reverse("teacher_report_csv", args=[assignment.pk])).status_code == 404


def test_report_asks_anonymous_visitors_to_sign_in(client):
    assignment = AssignmentFactory()
    client.logout()
    response = client.get(reverse("teacher_report", args=[assignment.pk]))
    assert response.status_code == 302 and "next=" in response.url


def test_superuser_can_read_any_report(client):
    assignment = build_class(make_teacher(), students=1, questions=1, names=["Amira"])
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert "Amira" in client.get(reverse("teacher_report", args=[assignment.pk])).content.decode()


def count_queries(client, url) -> int:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("view", ["teacher_report", "teacher_report_csv"])
def test_report_query_count_does_not_grow_with_class_size(client, teacher, view):
    small = build_class(teacher, students=5, questions=3, attempts=1)
    large = build_class(teacher, students=50, questions=12, attempts=3)
    client.get(reverse(view, args=[small.pk]))  # warm the session
    assert count_queries(client, reverse(view, args=[small.pk])) == count_queries(
        client, reverse(view, args=[large.pk])
    )


def test_report_right_answer_is_the_choice_students_are_graded_against(client, teacher):
    # An answer saved before it had to agree with the ticked choice: students were told "March".
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher))
    question = multiple_choice_question(article=assignment.article, answer="March", wrong=("June", "May"))
    Question.objects.filter(pk=question.pk).update(answer="June")
    AssignmentQuestionFactory(assignment=assignment, question=question)

    page = client.get(reverse("teacher_report", args=[assignment.pk])).content.decode()
    assert f"<td>{question.prompt}</td>\n        <td>March</td>" in page
    rows = read_csv(client.get(reverse("teacher_report_csv", args=[assignment.pk])))
    assert [row[1] for row in rows if row and row[0] == f"Q1: {question.prompt}"] == ["March"]
