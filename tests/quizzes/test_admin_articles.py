"""Article admin: pasting an article cleans it through `article_create`; editing the text re-anchors the
questions through `article_update_text` and says what happened."""

import pytest
from django.urls import reverse

from articles.models import Article
from quizzes.models import Question
from tests.factories import ARTICLE_TEXT, ArticleFactory, QuestionFactory
from tests.quizzes.teacher_helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_pasted_article_is_saved_cleaned_and_owned_by_the_teacher(client, teacher):
    pasted = ARTICLE_TEXT + "\n\nSubscribe to Independent Premium to bookmark this article"
    response = client.post(
        reverse("admin:articles_article_add"), {"title": "Mosul", "raw_text": pasted, "source_name": "Paper"}
    )
    assert response.status_code == 302
    article = Article.objects.get(title="Mosul")
    assert article.owner == teacher
    assert article.raw_text == pasted
    assert "Iraqi forces have entered the city of Mosul" in article.text
    assert "Subscribe to Independent Premium" not in article.text
    assert article.word_count > 0


def test_article_over_the_size_cap_is_refused_with_a_message(client, teacher, settings):
    settings.PASSAGE_MAX_ARTICLE_WORDS = 10
    response = client.post(reverse("admin:articles_article_add"), {"title": "Long", "raw_text": ARTICLE_TEXT})
    assert response.status_code == 200
    assert "Passage accepts at most 10 words" in response.content.decode()
    assert not Article.objects.exists()


def test_editing_the_text_reanchors_questions_and_reports_it(client, teacher):
    article = ArticleFactory(owner=teacher)
    sentence = "They have been forced to retreat by the counter-offensive launched by 100,000 forces."
    start = article.text.index(sentence)
    question = QuestionFactory(article=article, evidence_start=start, evidence_end=start + len(sentence))
    url = reverse("admin:articles_article_change", args=[article.pk])
    new_text = "A new first paragraph was added.\n\n" + article.text

    data = admin_form_data(client.get(url).content.decode(), text=new_text)
    page = client.post(url, data, follow=True).content.decode()
    assert "still point at their sentences" in page
    question.refresh_from_db()
    article.refresh_from_db()
    assert article.text[question.evidence_start : question.evidence_end] == sentence
    assert question.status == Question.Status.APPROVED


def test_shortening_the_text_moves_the_evidence_instead_of_failing(client, teacher):
    # The text as typed was checked against every question's old offsets before saving: a question whose
    # sentence moved nearer the start made the whole page a 500, and the teacher's edit was lost (review).
    article = ArticleFactory(owner=teacher)
    sentence = "They have been forced to retreat by the counter-offensive launched by 100,000 forces."
    start = article.text.index(sentence)
    question = QuestionFactory(article=article, evidence_start=start, evidence_end=start + len(sentence))
    url = reverse("admin:articles_article_change", args=[article.pk])
    new_text = sentence

    data = admin_form_data(client.get(url).content.decode(), text=new_text)
    response = client.post(url, data)
    assert response.status_code == 302
    question.refresh_from_db()
    article.refresh_from_db()
    assert article.text == sentence
    assert article.text[question.evidence_start : question.evidence_end] == sentence


def test_article_page_lists_its_questions_with_their_evidence(client, teacher):
    article = ArticleFactory(owner=teacher)
    sentence = "They have been forced to retreat by the counter-offensive launched by 100,000 forces."
    start = article.text.index(sentence)
    QuestionFactory(
        article=article, prompt="How many forces?", evidence_start=start, evidence_end=start + len(sentence)
    )
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "How many forces?" in page
    assert sentence in page
