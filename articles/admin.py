"""Articles in the admin: the teacher's starting point. Creation cleans the pasted text, edits re-anchor
questions (both through `articles.services`), and "Generate questions" drafts questions for review.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, ProtectedError, Q
from django.urls import reverse
from django.utils.html import format_html

from articles.models import Article
from quizzes.admin.creating import CreateThroughServiceMixin
from quizzes.admin.questions import QuestionInline, question_save_changes
from quizzes.admin.scoping import ScopedModelAdmin


@admin.register(Article)
class ArticleAdmin(CreateThroughServiceMixin, ScopedModelAdmin):
    owner_path = "owner"
    inlines = [QuestionInline]
    list_display = (
        "title",
        "word_count",
        "reading_grade",
        "approved_count",
        "draft_count",
        "article_page",
    )
    list_filter = ("created_at",)
    list_select_related = ("owner",)
    search_fields = ("title", "source_name", "text")
    readonly_fields = ("word_count", "reading_grade", "article_page", "removed_summary", "created_at")
    actions = ("generate_questions",)

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a pasted bare domain is https

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("title", "source_name", "source_url", "raw_text")
        return (
            "title",
            ("source_name", "source_url"),
            ("word_count", "reading_grade", "article_page"),
            "text",
            "removed_summary",
        )

    def get_list_display(self, request):
        extra = ("owner",) if request.user.is_superuser else ()
        return self.list_display + extra

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                approved_total=Count("questions", filter=Q(questions__status="approved")),
                draft_total=Count("questions", filter=Q(questions__status="draft")),
            )
        )

    @admin.display(description="Approved questions", ordering="approved_total")
    def approved_count(self, article: Article) -> int:
        return getattr(article, "approved_total", 0)

    @admin.display(description="Draft questions", ordering="draft_total")
    def draft_count(self, article: Article) -> int:
        return getattr(article, "draft_total", 0)

    @admin.display(description="Article page")
    def article_page(self, article: Article) -> str:
        if not article.pk:
            return "—"
        url = reverse("article_detail", args=[article.pk])
        return format_html('<a href="{}">Open the article page</a>', url)

    @admin.display(description="Removed when cleaning")
    def removed_summary(self, article: Article) -> str:
        if not article.removed:
            return "Nothing was removed."
        url = reverse("article_detail", args=[article.pk])
        return format_html(
            '{} paragraph(s) removed (adverts, appeals, captions…). <a href="{}">Review and restore</a>.',
            len(article.removed),
            url,
        )

    def create_through_service(self, request, data: dict) -> Article:
        from articles.services import article_create

        return article_create(
            owner=request.user,
            title=data["title"],
            raw_text=data["raw_text"],
            source_name=data.get("source_name", ""),
            source_url=data.get("source_url", ""),
        )

    def save_model(self, request, obj, form, change):
        if not change or "text" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        from articles.services import article_update_text

        new_text = obj.text
        obj.text = Article.objects.values_list("text", flat=True).get(pk=obj.pk)
        super().save_model(request, obj, form, change)
        try:
            summary = article_update_text(article=obj, text=new_text)
        except ValidationError as error:
            self.report_validation_error(request, error)
            return
        self.message_user(request, summary.message)

    def save_formset(self, request, form, formset, change):
        if formset.model is not QuestionInline.model:
            return super().save_formset(request, form, formset, change)
        for question in formset.save(commit=False):
            changed = next(f.changed_data for f in formset.forms if f.instance is question)
            question_save_changes(request, self, question, list(changed))
        for question in formset.deleted_objects:
            try:
                question.delete()
            except ProtectedError:
                message = f"“{question}” is assigned or answered, so it was kept; reject it instead."
                self.message_user(request, message, messages.ERROR)

    @admin.action(description="Generate questions (drafts for review)")
    def generate_questions(self, request, queryset):
        from quizzes.services.generation import questions_generate

        for article in queryset:
            try:
                result = questions_generate(article=article)
            except ValidationError as error:
                self.report_validation_error(request, error)
                continue
            level = messages.SUCCESS if result.created else messages.WARNING
            self.message_user(request, f"“{article.title}”: {result.message}", level)
