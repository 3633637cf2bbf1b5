"""What the browser tests share: URLs of the demo, signing in, answering the current question, axe scans."""

import re
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Page, expect

from quizzes.models import Assignment, Question

DEMO_PASSWORD = "demo"  # noqa: S105 - the documented demo accounts' password
DEMO_CLASS = "Demo class"
BLOCKING_IMPACTS = {"serious", "critical"}
# Words a reader (or a screen reader) gets besides any colour: right or wrong must be said, not only shown.
FEEDBACK_WORDS = re.compile(r"correct|not quite|incorrect|wrong|the answer (is|was)", re.IGNORECASE)
QUESTION_PANEL = "#question-panel"


@dataclass(frozen=True)
class Demo:
    base_url: str

    def path(self, name: str, *args) -> str:
        return reverse(name, args=args)

    def url(self, name: str, *args) -> str:
        return self.base_url + self.path(name, *args)

    def assignment(self) -> Assignment:
        return (
            Assignment.objects.select_related("classroom", "article")
            .filter(classroom__name=DEMO_CLASS)
            .order_by("pk")
            .first()
        )

    def board_path(self) -> str:
        from quizzes import services

        classroom = self.assignment().classroom
        token = classroom.board_token or services.board_token_rotate(classroom=classroom)
        return reverse("board", args=[token])


def login(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(reverse("login"))
    page.get_by_label(re.compile("username", re.IGNORECASE)).fill(username)
    page.get_by_label(re.compile("password", re.IGNORECASE)).fill(password)
    page.get_by_role("button", name=re.compile("sign in|log in", re.IGNORECASE)).click()
    expect(page).not_to_have_url(re.compile(re.escape(reverse("login"))))


def open_demo_quiz(page: Page) -> None:
    """From the dashboard, start (or continue) the demo quiz and wait for its first question."""
    page.goto(reverse("home"))
    start = page.get_by_role("button", name=re.compile(r"^start", re.IGNORECASE))
    start.or_(page.get_by_role("link", name=re.compile(r"^continue", re.IGNORECASE))).first.click()
    expect(question_heading(page)).to_be_visible()


def question_heading(page: Page):
    return page.locator(QUESTION_PANEL).get_by_role("heading", level=2)


def current_question(page: Page, demo: Demo) -> Question:
    """The question the panel shows, found by its prompt among the demo assignment's questions."""
    shown = question_heading(page).inner_text().strip()
    for question in demo.assignment().questions.prefetch_related("choices"):
        if question.prompt.strip() == shown:
            return question
    raise AssertionError(f"No demo question has the prompt shown in the panel: {shown!r}")


def right_answer(question: Question) -> str:
    if question.kind == Question.Kind.SHORT_ANSWER:
        return question.answer
    return next(choice.text for choice in question.choices.all() if choice.is_correct)


def wrong_answer(question: Question) -> str:
    if question.kind == Question.Kind.SHORT_ANSWER:
        return "I do not know"
    return next(choice.text for choice in question.choices.all() if not choice.is_correct)


def fill_answer(page: Page, question: Question, answer: str) -> None:
    panel = page.locator(QUESTION_PANEL)
    if question.kind == Question.Kind.SHORT_ANSWER:
        panel.get_by_role("textbox").fill(answer)
    else:
        panel.get_by_role("radio", name=answer, exact=True).check()


def assert_on_page(page: Page, *, path: str | re.Pattern, heading: str | re.Pattern) -> None:
    """The page is the one intended (not, say, a sign-in redirect): its URL and its one h1."""
    url = path if isinstance(path, re.Pattern) else re.compile(re.escape(path) + r"(\?.*)?$")
    expect(page).to_have_url(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)


def axe_blocking(page: Page, *, path: str | re.Pattern, heading: str | re.Pattern) -> list[str]:
    """Scan the page with axe once it is the intended page; print every violation, return the serious ones."""
    assert_on_page(page, path=path, heading=heading)
    violations = Axe().run(page).response["violations"]
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"]]
        print(
            f"axe {violation['impact']} on {page.url}: {violation['id']} - {violation['help']} at {targets}"
        )
    return [violation["id"] for violation in violations if violation["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page: Page, *, path: str | re.Pattern, heading: str | re.Pattern) -> None:
    blocking = axe_blocking(page, path=path, heading=heading)
    assert not blocking, f"serious/critical accessibility violations on {page.url}: {blocking}"


def feedback_region(page: Page):
    return page.locator("#feedback[aria-live]")


def submit_answer(page: Page) -> None:
    page.locator(QUESTION_PANEL).get_by_role(
        "button", name=re.compile("check answer|save answer", re.I)
    ).click()


def answer_every_question(page: Page, demo: Demo, *, first_wrong: bool = True) -> int:
    """Answer each question with the page's own controls (the first one wrongly); return how many.

    Works the same with and without JavaScript: with it the clicks are HTMX swaps, without it form posts.
    """
    answered = 0
    while True:
        question = current_question(page, demo)
        wrong = first_wrong and answered == 0
        fill_answer(page, question, wrong_answer(question) if wrong else right_answer(question))
        submit_answer(page)
        expect(feedback_region(page)).to_contain_text("Not quite" if wrong else "Correct")
        answered += 1
        next_question = feedback_region(page).get_by_role("link", name=re.compile("next question", re.I))
        if next_question.count() == 0:
            return answered
        next_question.click()
        expect(question_heading(page)).not_to_have_text(question.prompt)
        # The last answer's evidence highlight leaves with its feedback.
        expect(page.locator("#article mark")).to_have_count(0)
        expect(feedback_region(page)).to_have_text("")


def finish_quiz(page: Page) -> None:
    page.get_by_role("button", name=re.compile("finish and see results", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/results/$"))


class PageLoads:
    """Counts full page loads (documents fetched) of one page, so a test can tell them from HTMX swaps."""

    def __init__(self, page: Page):
        self.documents: list[str] = []
        page.on("request", self._seen)
        # A flag in the window survives swaps and history pushes but not a real navigation.
        page.evaluate("window.__passageSamePage = true")
        self.page = page

    def _seen(self, request) -> None:
        if request.resource_type == "document" and request.frame == self.page.main_frame:
            self.documents.append(request.url)

    def assert_none(self) -> None:
        assert self.documents == [], f"full page loads happened: {self.documents}"
        assert self.page.evaluate("window.__passageSamePage === true"), "the page was reloaded"


class CspViolations:
    """Collects what the browser refused under the Content Security Policy (inline script or style, CDNs)."""

    def __init__(self, page: Page):
        self.refused: list[str] = []
        page.on("console", self._seen)

    def _seen(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def assert_none(self) -> None:
        assert self.refused == [], "the Content Security Policy blocked parts of the page:\n" + "\n".join(
            self.refused
        )
