"""The teacher's authoring tool: every ModelAdmin here is scoped to the signed-in teacher (see scoping.py)."""

from django.contrib import admin

from quizzes.admin import assignments, classrooms, enrollments, questions, results  # noqa: F401

admin.site.site_header = "Passage for teachers"
admin.site.site_title = "Passage"
admin.site.index_title = "Articles, questions, classes and results"
