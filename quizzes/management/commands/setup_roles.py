"""Create or repair the Teachers group, and optionally make users teachers.

The data migration creates the group on `migrate`; run this after adding models or to enrol a teacher:
`python manage.py setup_roles --teacher alice --teacher bob`.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from quizzes.roles import TEACHERS_GROUP, ensure_teachers_group


class Command(BaseCommand):
    help = "Create or update the Teachers group; --teacher USERNAME makes a user staff and a teacher."

    def add_arguments(self, parser):
        parser.add_argument("--teacher", action="append", default=[], metavar="USERNAME")

    def handle(self, *args, teacher: list[str], **options):
        group, count = ensure_teachers_group(apps)
        self.stdout.write(f"Group {TEACHERS_GROUP!r} has {count} permissions.")
        users = get_user_model().objects
        for username in teacher:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user named {username!r}.")
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f"{username} is now a teacher.")
