"""A teacher's article page in a real browser: a selected phrase fills the "Ask about this" form, the new
draft's message leads to it, and neither that swap nor "Generate questions" breaks a Content Security Policy
rule (a review reported inline-style refusals on these swaps; none shows here)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from quizzes.models import Question

from .helpers import CspViolations, login

pytestmark = pytest.mark.e2e


def test_ask_about_a_phrase_links_to_the_new_draft_without_csp_errors(demo, page):
    article = demo.assignment().article
    refused = CspViolations(page)
    login(page, "teacher")
    page.goto(reverse("article_detail", args=[article.pk]))

    _select_in_article(page, "suicide attacks")  # as a teacher does: ask.js fills the form from the selection
    expect(page.get_by_label("Phrase from the article")).to_have_value("suicide attacks")
    page.get_by_role("button", name="Ask about this").click()

    status = page.locator("#questions-panel .messages")
    expect(status).to_contain_text("Question about that phrase:")
    expect(status).to_be_focused()  # a keyboard user is told what happened, and tabs on to its links
    show = status.get_by_role("link", name="Show it in the list")
    anchor = show.get_attribute("href")
    question = Question.objects.get(pk=int(re.fullmatch(r"#question-(\d+)", anchor).group(1)))
    assert question.article_id == article.pk and question.answer == "suicide attacks"

    show.click()
    expect(page).to_have_url(re.compile(f"{anchor}$"))
    expect(page.locator(anchor)).to_be_in_viewport()
    expect(page.locator(anchor)).to_contain_text(question.prompt)
    expect(status.get_by_role("link", name="Edit it")).to_have_attribute(
        "href", reverse("admin:quizzes_question_change", args=[question.pk])
    )
    refused.assert_none()


def _select_in_article(page, phrase: str) -> None:
    page.evaluate(
        """phrase => {
            const source = document.querySelector("[data-ask-source]");
            const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.textContent.indexOf(phrase);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + phrase.length);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                    return;
                }
            }
            throw new Error("phrase not in the article: " + phrase);
        }""",
        phrase,
    )


def test_generating_questions_swaps_the_panel_without_csp_errors(demo, page):
    article = demo.assignment().article
    refused = CspViolations(page)
    login(page, "teacher")
    page.goto(reverse("article_detail", args=[article.pk]))
    page.get_by_role("button", name="Generate questions").click()
    expect(page.locator("#questions-panel .messages")).to_contain_text("question", timeout=60_000)
    refused.assert_none()
