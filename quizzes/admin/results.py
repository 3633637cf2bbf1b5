"""Attempts and their responses, read-only: scores change only through the quiz services."""

from django.contrib import admin

from quizzes.admin.scoping import ScopedModelAdmin
from quizzes.models import Assignment, Attempt, Response


class AssignmentFilter(admin.RelatedOnlyFieldListFilter):
    """The teacher's assignments with their class names, in one query (their names include the class)."""

    def field_choices(self, field, request, model_admin):
        ids = model_admin.get_queryset(request).values_list("assignment_id", flat=True).distinct()
        assignments = Assignment.objects.filter(pk__in=ids).select_related("classroom").order_by("-opens_at")
        return [(assignment.pk, str(assignment)) for assignment in assignments]


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
    list_filter = (("assignment", AssignmentFilter),)
    list_select_related = ("assignment__classroom", "student")
    search_fields = ("student__username", "assignment__title")
    readonly_fields = ("assignment", "student", "number", "score", "max_score", "started_at", "finished_at")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
