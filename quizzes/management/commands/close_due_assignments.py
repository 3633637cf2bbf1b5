"""Finish unfinished attempts whose assignment (or personal extension) has closed.

Not strictly needed — pages close due attempts lazily — but run it from cron to keep leaderboards and
reports settled even when nobody is looking.
"""

from django.core.management.base import BaseCommand

from quizzes.services import assignments_close_due


class Command(BaseCommand):
    help = "Finish unfinished attempts of assignments whose closing time has passed."

    def handle(self, *args, **options):
        count = assignments_close_due()
        self.stdout.write(f"Finished {count} attempt(s) past their closing time.")
