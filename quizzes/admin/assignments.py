"""Assignments: created through `assignment_create` (a snapshot of the approved questions, shown read-only
afterwards), per-student extensions and extra attempts through `override_grant`, closed early through
`assignments_close_now`, report and preview links.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from quizzes.admin.creating import CreateThroughServiceMixin
from quizzes.admin.scoping import ScopedModelAdmin, ScopedTabularInline
from quizzes.models import Assignment, AssignmentQuestion, StudentOverride
from quizzes.services import assignment_create, assignments_close_now, messages, override_grant

ASSIGNMENT_OPTIONS = ("attempts_allowed", "reveal", "shuffle_choices", "show_leaderboard")


class SnapshotInline(admin.TabularInline):
    """The questions frozen into the assignment when it was set: read-only by design."""

    model = AssignmentQuestion
    fields = ("position", "question", "points")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "question in this assignment"
    verbose_name_plural = "questions in this assignment (fixed when it was set)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def override_form_for(form_class, assignment: Assignment):
    """The override row's form, checking what `override_grant` would refuse, so errors show on the row."""

    class OverrideForm(form_class):
        def clean(self):
            cleaned = super().clean()
            closes_at = cleaned.get("closes_at")
            if closes_at is not None and closes_at <= assignment.opens_at:
                self.add_error("closes_at", messages.ASSIGNMENT_CLOSES_BEFORE_OPENING)
            return cleaned

    return OverrideForm


class OverrideInline(ScopedTabularInline):
    model = StudentOverride
    fields = ("student", "closes_at", "extra_attempts")
    extra = 0
    verbose_name = "extension or extra attempt"
    verbose_name_plural = "extensions and extra attempts for one student"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            formset.form = override_form_for(formset.form, obj)
        if obj is not None and "student" in formset.form.base_fields:
            # Only students of this assignment's class can be picked.
            students = (
                get_user_model().objects.filter(enrollments__classroom=obj.classroom).order_by("username")
            )
            formset.form.base_fields["student"].queryset = students
        return formset


class AssignmentAddForm(forms.ModelForm):
    title = forms.CharField(max_length=300, required=False, help_text="Leave empty to use the article title.")

    class Meta:
        model = Assignment
        fields = ("classroom", "article", "title", "opens_at", "closes_at", *ASSIGNMENT_OPTIONS)


@admin.register(Assignment)
class AssignmentAdmin(CreateThroughServiceMixin, ScopedModelAdmin):
    owner_path = "classroom__teacher"
    inlines = [SnapshotInline, OverrideInline]
    list_display = ("title", "classroom", "article", "opens_at", "closes_at", "teacher_links")
    list_filter = (("classroom", admin.RelatedOnlyFieldListFilter), "opens_at")
    list_select_related = ("classroom", "article")
    search_fields = ("title", "article__title", "classroom__name")
    date_hierarchy = "opens_at"
    actions = ["close_now"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = AssignmentAddForm
        return super().get_form(request, obj, **kwargs)

    def get_changeform_initial_data(self, request):
        # "Opens at" is required: without a value here, picking a class and an article was not enough to save.
        opens_now = timezone.localtime().replace(second=0, microsecond=0)
        return {"opens_at": opens_now, **super().get_changeform_initial_data(request)}

    def get_fields(self, request, obj=None):
        if obj is None:
            return AssignmentAddForm.Meta.fields
        return (
            "classroom",
            "article",
            "teacher_links",
            "title",
            "opens_at",
            "closes_at",
            *ASSIGNMENT_OPTIONS,
        )

    def get_readonly_fields(self, request, obj=None):
        return ("classroom", "article", "teacher_links") if obj is not None else ()

    @admin.display(description="Teacher tools")
    def teacher_links(self, assignment: Assignment) -> str:
        return format_html(
            '<a href="{}">Report</a> · <a href="{}">CSV</a> · <a href="{}">Preview as student</a>',
            reverse("teacher_report", args=[assignment.pk]),
            reverse("teacher_report_csv", args=[assignment.pk]),
            reverse("teacher_preview", args=[assignment.pk]),
        )

    @admin.action(description="Close selected quizzes now", permissions=["change"])
    def close_now(self, request, queryset):
        # The queryset is this teacher's own rows (ScopedModelAdmin); the service says what it left alone.
        result = assignments_close_now(assignments=list(queryset))
        for level, text in result.notices():
            self.message_user(request, text, level)

    def create_through_service(self, request, data: dict) -> Assignment:
        options = {name: data[name] for name in ASSIGNMENT_OPTIONS if data.get(name) is not None}
        return assignment_create(
            classroom=data["classroom"],
            article=data["article"],
            opens_at=data["opens_at"],
            closes_at=data.get("closes_at"),
            title=data.get("title") or "",
            **options,
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not StudentOverride:
            return super().save_formset(request, form, formset, change)
        # The admin's change history reads these lists, which formset.save() would normally fill.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for override_form in formset.forms:
            if override_form in formset.deleted_forms:
                if override_form.instance.pk:
                    override_form.instance.delete()
                    formset.deleted_objects.append(override_form.instance)
            elif override_form.has_changed():
                self.grant_override(request, form.instance, override_form, formset)

    def grant_override(self, request, assignment, override_form, formset) -> None:
        data = override_form.cleaned_data
        try:
            override = override_grant(
                assignment=assignment,
                student=data["student"],
                closes_at=data.get("closes_at"),
                extra_attempts=data.get("extra_attempts") or 0,
            )
        except ValidationError as error:
            self.report_validation_error(request, error)
            return
        if override_form.instance.pk:
            formset.changed_objects.append((override, override_form.changed_data))
        else:
            formset.new_objects.append(override)
