"""`manage.py restore_db PATH --yes`: put a backup back, replacing everything in the database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.backup import BackupError, restore_database


class Command(BaseCommand):
    help = (
        "Replace the database with a backup made by backup_db. Stop the app servers first (README, Backup)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="A backup file made by backup_db.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm: everything since the backup is lost."
        )

    def handle(self, *args, path: Path, yes: bool, **options):
        if not yes:
            raise CommandError(
                "Restoring replaces every article, class and score with the backup's. "
                "Make a fresh backup first (backup_db), then run again with --yes."
            )
        try:
            restore_database(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored the database from {path}"))
