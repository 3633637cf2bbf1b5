"""The teacher's authoring tool: every ModelAdmin here is scoped to the signed-in teacher (see scoping.py)."""

from django.contrib import admin

from quizzes.admin import assignments, classrooms, enrollments, questions, results  # noqa: F401
from quizzes.forms import ThrottledAdminAuthenticationForm

admin.site.site_header = "Passage for teachers"
admin.site.site_title = "Passage"
admin.site.index_title = "Articles, questions, classes and results"
# The admin door shares the student sign-in's per-account lock, so it cannot be used to brute-force around it.
admin.site.login_form = ThrottledAdminAuthenticationForm
