""" "Close now" in a real browser, with and without JavaScript: from the teacher's dashboard through the
confirmation page (scanned by axe) back to the dashboard, while a student is halfway through the quiz; the
student's next answer is told the quiz has closed and leads to their results."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from quizzes.models import Attempt
from quizzes.services import messages

from .helpers import (
    assert_accessible,
    assert_on_page,
    current_question,
    fill_answer,
    login,
    open_demo_quiz,
    right_answer,
    submit_answer,
)

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_teacher_closes_the_quiz_while_a_student_is_answering(demo, new_context, javascript):
    title = demo.assignment().title
    student = new_context().new_page()
    login(student, "student1")
    open_demo_quiz(student)
    question = current_question(student, demo)
    fill_answer(student, question, right_answer(question))
    submit_answer(student)
    expect(student.locator("#feedback")).to_contain_text("Correct")

    teacher = new_context(java_script_enabled=javascript).new_page()
    login(teacher, "teacher")
    teacher.goto(reverse("home"))
    teacher.get_by_role("button", name=f"Close now {title}", exact=True).click()

    confirmation = reverse("teacher_close", args=[demo.assignment().pk])
    heading = f"Close “{title}” now?"
    if javascript:  # axe runs in the page: with JavaScript off, the page is only checked to be this one
        assert_accessible(teacher, path=confirmation, heading=heading)
    else:
        assert_on_page(teacher, path=confirmation, heading=heading)
    expect(teacher.get_by_role("listitem").filter(has_text="still in progress")).to_contain_text("1 attempt")
    teacher.get_by_role("button", name=f"Close “{title}” now").click()

    expect(teacher).to_have_url(re.compile(re.escape(reverse("home")) + "$"))
    expect(teacher.locator(".messages")).to_contain_text("Closed for everyone now")
    expect(teacher.get_by_role("button", name=f"Close now {title}", exact=True)).to_have_count(0)
    attempt = Attempt.objects.get(assignment=demo.assignment(), student__username="student1")
    assert attempt.is_finished and attempt.score > 0

    # The student's page still shows the quiz: the next answer they send is refused and says why.
    student.locator("#feedback").get_by_role("link", name=re.compile("next question", re.I)).click()
    question = current_question(student, demo)
    fill_answer(student, question, right_answer(question))
    submit_answer(student)
    expect(student.locator("#question-panel [role=alert]")).to_contain_text(messages.CLOSED)
    student.get_by_role("link", name="See your results").click()
    expect(student).to_have_url(re.compile(r"/results/$"))
    expect(student.locator(".score")).to_contain_text(f"{attempt.score} / {attempt.max_score}")
