"""Issue 4, the axe scans test_accessibility.py leaves out: the results page a student reaches from the
dashboard's "Results" link (the `assignment_results` URL, redirecting to the latest finished attempt), and
the projector board after its poll has swapped in a new score.

As there, each scan first checks it is on the intended page (URL and h1), not a sign-in redirect.
"""

import re

import pytest
from playwright.sync_api import expect

from quizzes.management.commands.load_demo import finish_attempt
from quizzes.models import Enrollment

from .helpers import PageLoads, assert_accessible, assert_on_page, login

pytestmark = pytest.mark.e2e


def test_results_reached_from_the_dashboard_link(demo, page):
    assignment = demo.assignment()
    login(page, "student4")  # the demo's student4 finished with two answers wrong: both verdicts on the page
    page.goto(demo.path("home"))
    results_link = page.get_by_role("link", name=re.compile(rf"^Results of {re.escape(assignment.title)}"))
    expect(results_link).to_have_attribute("href", demo.path("assignment_results", assignment.pk))
    results_link.click()

    assert_accessible(page, path=re.compile(r"/attempt/\d+/results/$"), heading="Results")
    expect(page.get_by_text("Not quite").first).to_be_visible()


def test_projector_board_after_a_poll_swaps_in_a_new_score(demo, page):
    assignment = demo.assignment()
    path = demo.board_path()
    page.goto(path)
    assert_on_page(page, path=path, heading=assignment.classroom.name)
    loads = PageLoads(page)
    student1 = Enrollment.objects.select_related("student").get(
        classroom=assignment.classroom, student__username="student1"
    )
    new_row = page.locator("#board").get_by_role("row").filter(has_text=student1.display_name)
    expect(new_row).to_have_count(0)

    finish_attempt(assignment, student1.student, wrong=set())  # a new score, as a student's finish makes it

    expect(new_row).to_have_count(1, timeout=8000)  # the board polls on its own
    loads.assert_none()
    assert_accessible(page, path=path, heading=assignment.classroom.name)
