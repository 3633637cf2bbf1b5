"""Helpers for the teacher-side tests: real teachers (staff + the Teachers group from the migration)."""

from django.contrib.auth.models import Group

from quizzes.roles import TEACHERS_GROUP
from tests.factories import TeacherFactory


def make_teacher(**kwargs):
    teacher = TeacherFactory(**kwargs)
    teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    return teacher
