"""Attempts and their responses, read-only: scores change only through the quiz services."""

from django.contrib import admin

from quizzes.admin.scoping import ScopedModelAdmin
from quizzes.models import Attempt, Response


class ResponseInline(admin.TabularInline):
    model = Response
    fields = ("question", "given_answer", "choice", "is_correct", "points", "answered_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(ScopedModelAdmin):
    owner_path = "assignment__classroom__teacher"
    inlines = [ResponseInline]
    list_display = ("assignment", "student", "number", "score", "max_score", "started_at", "finished_at")
    list_filter = (("assignment", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("assignment__classroom", "student")
    search_fields = ("student__username", "assignment__title")
    readonly_fields = ("assignment", "student", "number", "score", "max_score", "started_at", "finished_at")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
