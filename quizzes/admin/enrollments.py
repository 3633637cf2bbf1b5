"""The roster as a list: rename a student, reset passwords (shown once), lift a sign-in lock."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from quizzes import throttle
from quizzes.admin.scoping import ScopedModelAdmin
from quizzes.models import Enrollment
from quizzes.services import Credential, enrollment_remove, student_password_reset


@admin.register(Enrollment)
class EnrollmentAdmin(ScopedModelAdmin):
    owner_path = "classroom__teacher"
    list_display = ("display_name", "username", "classroom", "joined_at")
    list_filter = (("classroom", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("student", "classroom")
    search_fields = ("display_name", "student__username")
    fields = ("display_name", "classroom", "username", "joined_at")
    readonly_fields = ("classroom", "username", "joined_at")
    actions = ("reset_passwords", "lift_sign_in_lock", "remove_from_class")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Leaving a class anonymises the student's work (enrollment_remove), not a plain delete.
        return request.user.is_superuser

    @admin.display(description="Username", ordering="student__username")
    def username(self, enrollment: Enrollment) -> str:
        return enrollment.student.get_username()

    @admin.action(description="Reset the password of the selected students")
    def reset_passwords(self, request, queryset):
        credentials, skipped = [], []
        for enrollment in queryset.select_related("student", "classroom"):
            student = enrollment.student
            if student.is_staff or student.is_superuser:
                skipped.append(student.get_username())  # never a colleague's account
                continue
            password = student_password_reset(student=student)
            credentials.append(Credential(student.get_username(), password, enrollment.display_name))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "New passwords",
            "credentials": credentials,
            "skipped": skipped,
        }
        response = TemplateResponse(request, "admin/quizzes/credentials.html", context)
        add_never_cache_headers(response)
        return response

    @admin.action(description="Lift the sign-in lock of the selected students")
    def lift_sign_in_lock(self, request, queryset):
        names = []
        for enrollment in queryset.select_related("student"):
            throttle.throttle_clear(username=enrollment.student.get_username())
            names.append(enrollment.display_name)
        self.message_user(request, f"Sign-in locks lifted for: {', '.join(names)}.", messages.SUCCESS)

    @admin.action(description="Remove the selected students from their class (answers kept anonymously)")
    def remove_from_class(self, request, queryset):
        names = []
        for enrollment in queryset.select_related("classroom"):
            names.append(enrollment.display_name)
            enrollment_remove(enrollment=enrollment)
        message = (
            f"Removed from the class: {', '.join(names)}. Their answers still count in question figures."
        )
        self.message_user(request, message, messages.SUCCESS)
