"""The Teachers group exists after migrating, with the admin permissions a teacher needs and no more."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from quizzes.roles import TEACHERS_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def codenames(group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def test_migration_creates_the_teachers_group_with_scoped_powers():
    granted = codenames(Group.objects.get(name=TEACHERS_GROUP))
    assert {"add_article", "change_question", "add_assignment", "view_attempt"} <= granted
    # Results are read-only and user accounts are out of reach (students are made through the services).
    assert not granted & {"change_attempt", "change_response", "add_user", "change_user", "change_group"}


def test_setup_roles_makes_a_user_a_teacher_and_repairs_the_group():
    group = Group.objects.get(name=TEACHERS_GROUP)
    group.permissions.clear()
    user = UserFactory(username="ms.khan")
    call_command("setup_roles", teacher=["ms.khan"], stdout=io.StringIO())
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name=TEACHERS_GROUP).exists()
    assert "change_question" in codenames(group)
    assert user.has_perm("quizzes.change_question")


def test_setup_roles_refuses_an_unknown_user():
    with pytest.raises(CommandError, match="No user named"):
        call_command("setup_roles", teacher=["nobody"], stdout=io.StringIO())
