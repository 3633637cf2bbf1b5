"""Question review: choices inline, the evidence sentence beside the prompt, approve / reject actions.

Edits to a question students have already answered go through `question_update`, which regrades those
responses and rescores the attempts in one transaction; the teacher is told how many were regraded.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html

from quizzes.admin.scoping import ScopedModelAdmin, ScopedTabularInline
from quizzes.models import Choice, Question
from quizzes.services import question_choices_save, question_save, questions_set_status

ONE_RIGHT_CHOICE = "Mark only one choice as the right answer."


def evidence_sentence(question: Question) -> str:
    if question.evidence_start is None or question.evidence_end is None:
        return ""
    return question.article.text[question.evidence_start : question.evidence_end]


def render_evidence(question: Question) -> str:
    sentence = evidence_sentence(question) if question.pk else ""
    if not sentence:
        return "—"
    return format_html('<blockquote class="evidence">{}</blockquote>', sentence)


def question_save_changes(request, model_admin, question: Question, changed: list[str]) -> None:
    """Save a teacher's question through `question_save`, which regrades answers already given."""
    regraded = question_save(question=question, changed=changed)
    if regraded:
        model_admin.message_user(
            request, f"{regraded} student answer(s) to “{question}” were regraded and the scores recomputed."
        )


def plain(queryset):
    """The selected questions without the changelist's annotations, which `update()` cannot carry."""
    return Question.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))


class AcceptedAnswersField(forms.Field):
    """The other answers graded as correct, one per line: the model keeps a JSON list, which a teacher
    should never have to type. A pasted JSON list (as the field used to show) is still read as one."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 40})
    MAX_LENGTH = 500  # as Question.answer

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        text = (value or "").strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            if isinstance(parsed, list):
                return self._unique([str(item) for item in parsed])
        return self._unique(text.splitlines())

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        too_long = [item for item in value if len(item) > self.MAX_LENGTH]
        if too_long:
            raise ValidationError(f"Each accepted answer can be at most {self.MAX_LENGTH} characters.")

    @staticmethod
    def _unique(items: list[str]) -> list[str]:
        kept: list[str] = []
        for item in (" ".join(line.split()) for line in items):
            if item and item not in kept:
                kept.append(item)
        return kept


class QuestionAdminForm(forms.ModelForm):
    accepted_answers = AcceptedAnswersField(
        required=False,
        label="Accepted answers",
        help_text="Other answers graded as correct for a short answer, one per line.",
    )

    class Meta:
        model = Question
        fields = ("accepted_answers",)  # the admin's own `fields` decide the rest of the page


class ChoiceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        ticked = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_correct") and not form.cleaned_data.get("DELETE")
        ]
        if len(ticked) > 1:
            raise ValidationError(ONE_RIGHT_CHOICE)


class ChoiceInline(ScopedTabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ("text", "is_correct", "position")
    extra = 0


class QuestionInline(ScopedTabularInline):
    """The article page's question list; full editing (choices, evidence) is one click away."""

    model = Question
    fields = ("prompt", "kind", "answer", "status", "evidence")
    readonly_fields = ("evidence",)
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 30})},
        models.CharField: {"widget": forms.TextInput(attrs={"size": 18})},
    }
    extra = 0
    show_change_link = True

    @admin.display(description="Evidence in the article")
    def evidence(self, question: Question) -> str:
        return render_evidence(question)


@admin.register(Question)
class QuestionAdmin(ScopedModelAdmin):
    form = QuestionAdminForm
    owner_path = "article__owner"
    inlines = [ChoiceInline]
    list_display = ("prompt", "kind", "answer", "status", "origin", "article", "response_count")
    list_filter = ("status", "kind", "origin", ("article", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("article",)
    search_fields = ("prompt", "answer", "article__title")
    readonly_fields = ("evidence", "origin", "generator_version", "generator_score", "edited_by_teacher")
    fields = (
        "article",
        "evidence",
        ("kind", "status"),
        "prompt",
        "answer",
        "accepted_answers",
        "explanation",
        ("evidence_start", "evidence_end"),
        "position",
        ("origin", "generator_version", "generator_score", "edited_by_teacher"),
    )
    actions = ("approve", "reject")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(response_total=Count("responses"))

    def get_readonly_fields(self, request, obj=None):
        # Evidence offsets point into one article's text: a question cannot move to another article.
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "article") if obj is not None else readonly

    @admin.display(description="Responses", ordering="response_total")
    def response_count(self, question: Question) -> int:
        return question.response_total

    @admin.display(description="Evidence in the article")
    def evidence(self, question: Question) -> str:
        return render_evidence(question)

    @admin.action(description="Approve selected questions")
    def approve(self, request, queryset):
        count = questions_set_status(questions=plain(queryset), status=Question.Status.APPROVED)
        self.message_user(request, f"{count} question(s) approved.", messages.SUCCESS)

    @admin.action(description="Reject selected questions")
    def reject(self, request, queryset):
        count = questions_set_status(questions=plain(queryset), status=Question.Status.REJECTED)
        self.message_user(request, f"{count} question(s) rejected.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        question_save_changes(request, self, obj, list(form.changed_data))

    def save_formset(self, request, form, formset, change):
        if formset.model is not Choice:
            return super().save_formset(request, form, formset, change)
        saved = formset.save(commit=False)  # fills deleted_objects, saves nothing
        if not formset.has_changed():
            return
        question = form.instance
        changed = question_choices_save(question=question, saved=saved, deleted=formset.deleted_objects)
        if question.responses.exists():
            message = f"Choices changed: answers to “{question}” were regraded; {changed} result(s) changed."
            self.message_user(request, message)
