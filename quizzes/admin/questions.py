"""Question review: choices inline, the evidence sentence beside the prompt, approve / reject actions.

A question and its choices are saved together through `question_edit`, which keeps a question's answer the
text of its ticked choice and, when something grading reads changed, regrades the answers already given and
rescores the attempts in one transaction; the teacher is told what happened.
"""

import json
import textwrap

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html

from quizzes import constraint_messages
from quizzes.admin.scoping import ScopedModelAdmin, ScopedTabularInline
from quizzes.models import Choice, Question
from quizzes.services import messages as texts
from quizzes.services import questions_set_status
from quizzes.services.questions import QuestionSaved, question_edit
from quizzes.services.right_choice import KINDS_WITH_CHOICES, answer_for_choices, named


def evidence_sentence(question: Question) -> str:
    if question.evidence_start is None or question.evidence_end is None:
        return ""
    return question.article.text[question.evidence_start : question.evidence_end]


def render_evidence(question: Question) -> str:
    sentence = evidence_sentence(question) if question.pk else ""
    if not sentence:
        return "—"
    return format_html('<blockquote class="evidence">{}</blockquote>', sentence)


def report_saved(request, model_admin, saved: QuestionSaved) -> None:
    """Tell the teacher what saving changed beyond what they typed: an answer set from the ticked choice,
    accepted answers removed with the old one, answers regraded. Nothing is said when nothing grading reads
    changed."""
    question = saved.question
    if saved.answer_from_choice:
        text = texts.ANSWER_FOLLOWS_RIGHT_CHOICE.format(question=question, answer=question.answer)
        model_admin.message_user(request, text, messages.WARNING)
    if saved.accepted_dropped:
        text = texts.ACCEPTED_ANSWERS_DROPPED.format(
            dropped=named(saved.accepted_dropped), answer=question.answer
        )
        model_admin.message_user(request, text, messages.WARNING)
    if saved.regraded:
        text = texts.QUESTION_REGRADED.format(
            regraded=saved.regraded, question=question, changed=saved.results_changed
        )
        model_admin.message_user(request, text)


def question_save_changes(request, model_admin, question: Question, changed: list[str]) -> None:
    """Save a teacher's question (the article page's list) through `question_edit`."""
    try:
        saved = question_edit(question=question, changed=changed)
    except ValidationError as error:  # the inline's form checks first; this is the last word
        for message in error.messages:
            model_admin.message_user(request, message, messages.ERROR)
        return
    report_saved(request, model_admin, saved)


def stored_answer(question: Question) -> str | None:
    if question.pk is None:
        return None
    return Question.objects.filter(pk=question.pk).values_list("answer", flat=True).first()


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
        help_text=(
            "Other answers graded as correct for a short answer, one per line. Ticking another choice as "
            "right removes them: they were spellings of the old answer."
        ),
    )

    class Meta:
        model = Question
        fields = ("accepted_answers",)  # the admin's own `fields` decide the rest of the page

    def clean(self):
        # Here, not in Question.clean: the article page's question rows have no offset fields, and an
        # error named after a field a form lacks is a 500 there (shortening the text made every row fail).
        cleaned = super().clean()
        start, end = cleaned.get("evidence_start"), cleaned.get("evidence_end")
        if "evidence_start" in self.fields and (start is None) != (end is None):
            missing = "evidence_end" if end is None else "evidence_start"
            self.add_error(missing, constraint_messages.QUESTION_EVIDENCE_SPAN)
        article = cleaned.get("article") or (self.instance.article if self.instance.article_id else None)
        # Offsets point into another table's text, which no CHECK constraint can see.
        if end is not None and article is not None and end > len(article.text):
            message = constraint_messages.QUESTION_EVIDENCE_BEYOND_TEXT.format(length=len(article.text))
            self.add_error("evidence_end", message)
        return cleaned


class ChoiceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            (form.cleaned_data["text"], bool(form.cleaned_data.get("is_correct")))
            for form in self.forms
            if form.cleaned_data.get("text") and not form.cleaned_data.get("DELETE")
        ]
        question = self.instance  # the admin has put the form's new kind and answer on it
        if not question.answer:
            return  # the question form already says the answer is missing
        # Refuse here what `question_edit` would refuse, so the teacher sees it above the choices.
        typed = question.pk is None or stored_answer(question) != question.answer
        answer_for_choices(kind=question.kind, answer=question.answer, choices=kept, answer_typed=typed)


class ChoiceInline(ScopedTabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ("text", "is_correct", "position")
    extra = 0
    # A question turned into a short answer keeps its choices (switching back keeps them), one still ticked.
    verbose_name_plural = "choices (multiple choice and true / false only: a short answer ignores them)"
    errors_name = "choices"  # how the errors repeated at the top of the page name these rows


class QuestionInlineForm(forms.ModelForm):
    """A row of the article page's question list, where the answer can be typed but the choices are not
    shown: an answer that is not the ticked choice is refused on its row, and so is a question with choices
    that has fewer than two, with a note saying where choices can be added."""

    def clean(self):
        cleaned = super().clean()
        question = self.instance
        # An untouched row is not saved, nor is one being deleted: an old question's faults must not stop
        # the rest of the page saving, or stop the teacher deleting it.
        if not self.has_changed() or cleaned.get(DELETION_FIELD_NAME):
            return cleaned
        kind, answer = cleaned.get("kind"), cleaned.get("answer")
        if kind not in KINDS_WITH_CHOICES:
            return cleaned
        choices = list(question.choices.values_list("text", "is_correct")) if question.pk else []
        if len(choices) < 2:  # the generic "add the missing choices" would send the teacher looking here
            new = question.pk is None
            self.add_error(
                "kind", texts.NEW_QUESTION_ROW_NEEDS_CHOICES if new else texts.QUESTION_ROW_NEEDS_CHOICES
            )
            return cleaned
        if answer:
            try:
                answer_for_choices(
                    kind=kind,
                    answer=answer,
                    choices=choices,
                    answer_typed="answer" in self.changed_data,
                    choices_edited="kind" in self.changed_data,  # this page shows no choices to fix
                )
            except ValidationError as error:
                on_kind = "kind" in self.changed_data and "answer" not in self.changed_data
                self.add_error("kind" if on_kind else "answer", error)
        return cleaned


class QuestionInline(ScopedTabularInline):
    """The article page's question list; full editing (choices, evidence) is one click away."""

    model = Question
    form = QuestionInlineForm
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


ARTICLE_HEADLINE_CHARS = 30


@admin.register(Question)
class QuestionAdmin(ScopedModelAdmin):
    form = QuestionAdminForm
    owner_path = "article__owner"
    inlines = [ChoiceInline]
    # Fits the changelist beside both sidebars at 1280 px: origin is a filter, not a column.
    list_display = ("prompt", "kind", "answer", "status", "article_headline", "response_count")
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

    @admin.display(description="Answers", ordering="response_total")
    def response_count(self, question: Question) -> int:
        return question.response_total

    @admin.display(description="Article", ordering="article__title")
    def article_headline(self, question: Question) -> str:
        # A whole headline squeezed into the column made every row several hundred pixels tall; the
        # start of it tells a teacher's articles apart (the filter on the right lists them in full).
        return textwrap.shorten(question.article.title, ARTICLE_HEADLINE_CHARS, placeholder="…")

    @admin.display(description="Evidence in the article")
    def evidence(self, question: Question) -> str:
        return render_evidence(question)

    @admin.action(description="Approve selected questions")
    def approve(self, request, queryset):
        try:
            count = questions_set_status(questions=plain(queryset), status=Question.Status.APPROVED)
        except ValidationError as error:
            self.report_validation_error(request, error)
            return
        self.message_user(request, f"{count} question(s) approved.", messages.SUCCESS)

    @admin.action(description="Reject selected questions")
    def reject(self, request, queryset):
        count = questions_set_status(questions=plain(queryset), status=Question.Status.REJECTED)
        self.message_user(request, f"{count} question(s) rejected.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        pass  # saved with its choices in save_related, in one service call, once the choices are known

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        saved, deleted = [], []
        for formset in formsets:
            if formset.model is not Choice:
                self.save_formset(request, form, formset, change)
                continue
            saved = formset.save(commit=False)  # fills the lists the change history reads; saves nothing
            deleted = list(formset.deleted_objects)
        try:
            result = question_edit(
                question=form.instance,
                changed=list(form.changed_data),
                choices=saved,
                deleted_choices=deleted,
            )
        except ValidationError as error:  # ChoiceFormSet.clean checks first; this is the last word, not a 500
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)
            return
        report_saved(request, self, result)
