"""The teacher's admin lists fit beside both sidebars of a 1280 px laptop: no column off to the right."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .helpers import login

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1280, "height": 800}
LISTS = (
    "admin:quizzes_assignment_changelist",
    "admin:quizzes_attempt_changelist",
    "admin:articles_article_changelist",
    "admin:quizzes_question_changelist",
    "admin:quizzes_enrollment_changelist",
)
WIDTHS = """() => {
    const table = document.querySelector('#result_list');
    return [table.scrollWidth, table.parentElement.clientWidth];
}"""


def test_admin_lists_fit_a_laptop_screen_and_the_report_link_is_in_view(demo, new_context):
    # Django keeps foreign keys and dates on one line: the demo's long headline pushed the assignment list to
    # 1182 px in a 631 px column, its Report · CSV · Preview links 550 px off screen.
    page = new_context(viewport=LAPTOP).new_page()
    login(page, "teacher")
    for name in LISTS:
        page.goto(reverse(name))
        expect(page.locator("#result_list")).to_be_visible()
        table, column = page.evaluate(WIDTHS)
        assert table <= column, f"{name}: the table is {table} px wide in a {column} px column"
    page.goto(reverse("admin:quizzes_assignment_changelist"))
    expect(page.locator("#result_list").get_by_role("link", name="Report")).to_be_in_viewport()
