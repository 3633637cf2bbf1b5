"""Classrooms: join code, roster, bulk student accounts, password resets and the projector link."""

from django.conf import settings
from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils.html import format_html

from config import converters  # noqa: F401  (registers <id:…>)
from quizzes.admin import classroom_views
from quizzes.admin.creating import CreateThroughServiceMixin
from quizzes.admin.scoping import ScopedModelAdmin, ScopedTabularInline
from quizzes.models import Classroom, Enrollment
from quizzes.services import classroom_create


class EnrollmentInline(ScopedTabularInline):
    """The roster. Students join with the code or are bulk-created; they leave through the service."""

    model = Enrollment
    fields = ("display_name", "username", "joined_at")
    readonly_fields = ("username", "joined_at")
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="Username")
    def username(self, enrollment: Enrollment) -> str:
        return enrollment.student.get_username()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("student")


@admin.register(Classroom)
class ClassroomAdmin(CreateThroughServiceMixin, ScopedModelAdmin):
    owner_path = "teacher"
    inlines = [EnrollmentInline]
    list_display = ("name", "join_code", "student_count", "teacher")
    list_select_related = ("teacher",)
    search_fields = ("name", "join_code")
    readonly_fields = ("join_code", "teacher_name", "tools")
    actions = ("bulk_create_students",)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("name", "board_size")
        return ("name", "join_code", "teacher_name", "board_size", "tools")

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(student_total=Count("enrollments"))

    @admin.display(description="Students", ordering="student_total")
    def student_count(self, classroom: Classroom) -> int:
        return getattr(classroom, "student_total", 0)

    @admin.display(description="Teacher")
    def teacher_name(self, classroom: Classroom) -> str:
        # Plain text: the admin would link the teacher's account page, which a teacher may not open (403).
        return classroom.teacher.get_full_name() or classroom.teacher.get_username()

    @admin.display(description="Class tools")
    def tools(self, classroom: Classroom) -> str:
        return format_html(
            '<span class="class-tools">'
            '<a class="button" href="{}">Create student accounts</a> '
            '<a class="button" href="{}">Projector link</a> '
            '<a class="button" href="{}">Roster: reset passwords, lift sign-in locks</a> '
            '<a class="button" href="{}">Assignments and reports</a>'
            "</span>",
            reverse("admin:quizzes_classroom_students", args=[classroom.pk]),
            reverse("admin:quizzes_classroom_projector", args=[classroom.pk]),
            reverse("admin:quizzes_enrollment_changelist") + f"?classroom__id__exact={classroom.pk}",
            reverse("admin:quizzes_assignment_changelist") + f"?classroom__id__exact={classroom.pk}",
        )

    def get_changeform_initial_data(self, request):
        # The add form starts from the school's setting, not the model's default of 10.
        initial = super().get_changeform_initial_data(request)
        return {"board_size": settings.PASSAGE_LEADERBOARD_TOP, **initial}

    def create_through_service(self, request, data: dict) -> Classroom:
        return classroom_create(teacher=request.user, name=data["name"], board_size=data.get("board_size"))

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<id:classroom_id>/students/",
                wrap(classroom_views.bulk_students(self)),
                name="quizzes_classroom_students",
            ),
            path(
                "<id:classroom_id>/projector/",
                wrap(classroom_views.projector_link(self)),
                name="quizzes_classroom_projector",
            ),
            *super().get_urls(),
        ]

    @admin.action(description="Create student accounts for the selected class")
    def bulk_create_students(self, request, queryset):
        classrooms = list(queryset[:2])
        if len(classrooms) != 1:
            self.message_user(request, "Select exactly one class.", messages.WARNING)
            return None
        from django.shortcuts import redirect

        return redirect("admin:quizzes_classroom_students", classrooms[0].pk)
