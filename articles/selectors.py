"""Article reads for teachers: a teacher sees only their own articles; a superuser sees all."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from articles.models import Article
from quizzes.models import Choice, Question


def articles_for_teacher(*, user) -> QuerySet[Article]:
    articles = Article.objects.all() if user.is_superuser else Article.objects.filter(owner_id=user.pk)
    return articles.annotate(
        question_total=Count("questions"),
        approved_total=Count("questions", filter=Q(questions__status=Question.Status.APPROVED)),
    ).order_by("-created_at", "-id")


def article_for_teacher(*, user, article_id: int) -> Article:
    """The article if this teacher may see it; 404 otherwise, so ids cannot be probed."""
    articles = Article.objects.select_related("owner")
    if not user.is_superuser:
        articles = articles.filter(owner_id=user.pk)
    return get_object_or_404(articles, pk=article_id)


def article_questions(*, article: Article) -> QuerySet[Question]:
    choices = Prefetch("choices", queryset=Choice.objects.order_by("position", "id"))
    return article.questions.prefetch_related(choices).order_by("position", "id")


def article_paragraphs(*, article: Article) -> list[dict]:
    """Paragraphs with their offsets in article.text, so a selection maps back to exact characters."""
    paragraphs, offset = [], 0
    for text in article.text.split("\n\n"):
        if text.strip():
            paragraphs.append({"text": text, "start": offset})
        offset += len(text) + 2
    return paragraphs
