"""`manage.py backup_db [--output PATH]`: a consistent copy of the database, safe while the app is serving."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.backup import BackupError, backup_database, default_backup_path


class Command(BaseCommand):
    help = "Back up the database: SQLite online backup, or pg_dump -Fc for PostgreSQL (README, Backup)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="Where to write it (default backups/passage-<time>.*)."
        )

    def handle(self, *args, output: Path | None, **options):
        try:
            path = backup_database(output or default_backup_path())
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
