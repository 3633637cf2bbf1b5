"""Article services: creation with its limits, text edits that keep questions honest, restoring."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from articles import services
from articles.decoding import NO_TEXT_IN_HTML
from articles.models import Article
from quizzes.models import Question
from tests.factories import ArticleFactory, QuestionFactory, TeacherFactory

pytestmark = pytest.mark.django_db
MOSUL = (Path(__file__).resolve().parents[2] / "data" / "articles" / "mosul-offensive.txt").read_text()


def test_create_from_the_mosul_paste_keeps_raw_and_cleans_text():
    teacher = TeacherFactory()
    article = services.article_create(owner=teacher, title="", raw_text=MOSUL, source_name="The Independent")
    article.refresh_from_db()
    assert article.title.startswith("Mosul offensive: Iraqi troops enter Isis stronghold")
    assert article.raw_text == MOSUL
    assert article.text.startswith("Iraqi forces have entered the city of Mosul")
    assert "Subscribe to Independent Premium" not in article.text
    assert any(item["text"] == "Comments" for item in article.removed)
    assert 500 < article.word_count < 600
    assert 8 < article.reading_grade < 16


def test_teacher_title_wins_over_the_guessed_one():
    article = services.article_create(owner=TeacherFactory(), title="Mosul", raw_text=MOSUL)
    assert article.title == "Mosul"


def test_article_over_the_word_cap_is_refused_with_size_and_cap(settings):
    settings.PASSAGE_MAX_ARTICLE_WORDS = 100
    with pytest.raises(ValidationError) as error:
        services.article_create(owner=TeacherFactory(), title="Long", raw_text=MOSUL)
    words = len(MOSUL.split())
    assert error.value.messages == [services.TOO_LONG.format(words=words, cap=100)]
    assert f"{words:,} words" in error.value.messages[0] and "at most 100 words" in error.value.messages[0]
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", services.EMPTY_TEXT),
        ("   \n\n  ", services.EMPTY_TEXT),
        (
            "Subscribe to Independent Premium\nJoin our commenting forum\nComments",
            services.EMPTY_AFTER_CLEANING,
        ),
    ],
)
def test_empty_article_is_refused_with_a_message(raw, message):
    with pytest.raises(ValidationError) as error:
        services.article_create(owner=TeacherFactory(), title="Empty", raw_text=raw)
    assert error.value.messages == [message]
    assert not Article.objects.exists()


def test_text_without_a_title_anywhere_is_refused():
    with pytest.raises(ValidationError) as error:
        services.article_create(owner=TeacherFactory(), title=" ", raw_text="Iraqi forces entered Mosul.")
    assert error.value.messages == [services.NO_TITLE]


def _question_on(article, sentence, **kwargs):
    start = article.text.index(sentence)
    return QuestionFactory(
        article=article, evidence_start=start, evidence_end=start + len(sentence), **kwargs
    )


def test_edit_moves_questions_with_their_sentence():
    article = ArticleFactory()
    sentence = "They have been forced to retreat by the counter-offensive launched by 100,000 forces."
    question = _question_on(article, sentence, answer="100,000")
    summary = services.article_update_text(article=article, text="A new first paragraph.\n\n" + article.text)
    question.refresh_from_db()
    article.refresh_from_db()
    assert article.text[question.evidence_start : question.evidence_end] == sentence
    assert question.status == Question.Status.APPROVED
    assert (summary.reanchored, summary.demoted) == (1, 0)


def test_edit_that_removes_a_sentence_sends_its_question_back_to_draft():
    article = ArticleFactory()
    sentence = "Iraqi forces have entered the city of Mosul for the first time in two years."
    gone = _question_on(article, sentence)
    kept = _question_on(
        article, "They have been forced to retreat by the counter-offensive launched by 100,000 forces."
    )
    summary = services.article_update_text(
        article=article, text=article.text.replace(sentence, "Troops arrived.")
    )
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.status, gone.evidence_start, gone.evidence_end) == (Question.Status.DRAFT, None, None)
    assert kept.status == Question.Status.APPROVED
    assert (summary.reanchored, summary.demoted) == (1, 1)
    assert "1 went back to draft" in summary.message


def test_edit_picks_the_nearest_copy_of_a_repeated_sentence():
    text = "Mosul fell.\n\nThe army advanced.\n\nMosul fell."
    article = ArticleFactory(text=text)
    question = QuestionFactory(
        article=article, evidence_start=text.rindex("Mosul fell."), evidence_end=len(text)
    )
    services.article_update_text(article=article, text="Intro.\n\n" + text)
    question.refresh_from_db()
    assert question.evidence_start == len("Intro.\n\n") + text.rindex("Mosul fell.")


def test_edit_to_empty_text_is_refused_and_changes_nothing():
    article = ArticleFactory()
    question = _question_on(
        article, "Iraqi forces have entered the city of Mosul for the first time in two years."
    )
    with pytest.raises(ValidationError):
        services.article_update_text(article=article, text="  ")
    question.refresh_from_db()
    assert question.evidence_start == 0


def test_restore_puts_a_removed_paragraph_back_in_place_and_keeps_questions_anchored():
    article = services.article_create(owner=TeacherFactory(), title="", raw_text=MOSUL)
    sentence = (
        "Recapturing Mosul, Iraq's second biggest city, would mark a significant shift "
        "in the fight against Isis."
    )
    question = _question_on(article, sentence)
    index = next(
        i
        for i, item in enumerate(article.removed)
        if item["text"] == "Your support helps us to tell the story"
    )
    services.article_restore_removed(article=article, index=index)
    article.refresh_from_db()
    question.refresh_from_db()
    assert article.text.startswith("Your support helps us to tell the story\n\nIraqi forces have entered")
    assert all(item["text"] != "Your support helps us to tell the story" for item in article.removed)
    assert article.text[question.evidence_start : question.evidence_end] == sentence


def test_restoring_the_footer_puts_it_at_the_end_in_order():
    article = services.article_create(owner=TeacherFactory(), title="", raw_text=MOSUL)
    texts = [item["text"] for item in article.removed]
    services.article_restore_removed(article=article, index=texts.index("Join our commenting forum"))
    services.article_restore_removed(
        article=article, index=texts.index("Subscribe to Independent Premium to bookmark this article")
    )
    article.refresh_from_db()
    assert article.text.endswith(
        "Subscribe to Independent Premium to bookmark this article\n\nJoin our commenting forum"
    )


def test_restore_of_a_missing_index_is_refused():
    article = ArticleFactory()
    with pytest.raises(ValidationError) as error:
        services.article_restore_removed(article=article, index=3)
    assert error.value.messages == [services.NOTHING_TO_RESTORE.format(index=3)]


def test_a_web_page_is_kept_as_submitted_and_its_main_text_is_cleaned():
    html = "<html><body><nav>Home | World</nav><article>" + "".join(
        f"<p>{line}</p>" for line in MOSUL.splitlines()[7:12]
    )
    html += "<p>Subscribe to Independent Premium to bookmark this article</p></article></body></html>"
    article = services.article_create(owner=TeacherFactory(), title="Page", raw_text=html)
    article.refresh_from_db()
    assert article.raw_text == html
    assert "<p>" not in article.text and "Home | World" not in article.text
    assert "Subscribe to Independent Premium" not in article.text
    assert "Subscribe to Independent Premium to bookmark this article" in [i["text"] for i in article.removed]


def test_a_web_page_without_an_article_is_refused_with_a_message():
    with pytest.raises(ValidationError) as error:
        services.article_create(
            owner=TeacherFactory(), title="Page", raw_text="<html><body><div></div></body></html>"
        )
    assert error.value.messages == [NO_TEXT_IN_HTML]
    assert not Article.objects.exists()
