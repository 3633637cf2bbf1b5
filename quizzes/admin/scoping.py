"""Row-level scoping for the admin: a teacher sees and picks only what is theirs; superusers see all.

Django's model permissions (the Teachers group) decide which admin pages open; this mixin decides which
rows appear on them. An object outside the queryset is simply "not found" to Django's admin, which then
redirects from its change page to the index with a message, exactly as for a deleted object.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet

from articles.models import Article
from quizzes.admin.inline_errors import InlineErrorsOnTopMixin
from quizzes.admin.labels import LabelledFieldsAdminMixin, LabelledInlineMixin
from quizzes.models import Assignment, Classroom, Question


def owner_filters(user) -> dict[type[Model], dict]:
    """For each model a teacher may pick in a form, the filter that keeps only theirs."""
    return {
        Article: {"owner": user},
        Classroom: {"teacher": user},
        Question: {"article__owner": user},
        Assignment: {"classroom__teacher": user},
        get_user_model(): {"enrollments__classroom__teacher": user},
    }


def scoped_choices(model: type[Model], user) -> QuerySet | None:
    filters = owner_filters(user).get(model)
    if filters is None:
        return None
    return model._default_manager.filter(**filters).distinct()


class OwnerScopedMixin:
    """Set `owner_path` to the lookup from this model to its teacher, e.g. "article__owner"."""

    owner_path: str = ""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser or not self.owner_path:
            return queryset
        return queryset.filter(**{self.owner_path: request.user})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            choices = scoped_choices(db_field.related_model, request.user)
            if choices is not None:
                kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ScopedModelAdmin(InlineErrorsOnTopMixin, LabelledFieldsAdminMixin, OwnerScopedMixin, admin.ModelAdmin):
    """Every teacher's admin page: scoped rows, labelled inputs, and any inline's errors repeated at the top
    (a page without inlines, or with read-only ones, is unchanged)."""

    def report_validation_error(self, request, error: ValidationError) -> None:
        for message in error.messages:
            self.message_user(request, message, messages.ERROR)


class ScopedTabularInline(LabelledInlineMixin, OwnerScopedMixin, admin.TabularInline):
    pass


class ScopedStackedInline(OwnerScopedMixin, admin.StackedInline):
    pass
