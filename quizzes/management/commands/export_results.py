"""Export every attempt of a classroom as CSV: `python manage.py export_results CLASS [--output FILE]`.

CLASS is the classroom id or its join code. One row per attempt, so a backup of results can be read in any
spreadsheet; cells that a spreadsheet would run as a formula are prefixed with a quote.
"""

import csv

from django.core.management.base import BaseCommand, CommandError

from quizzes.models import Attempt, Classroom
from quizzes.views.teacher import safe_cell

HEADER = [
    "assignment",
    "student",
    "display_name",
    "attempt",
    "started_at",
    "finished_at",
    "score",
    "max_score",
]


def find_classroom(identifier: str) -> Classroom:
    classroom = Classroom.objects.filter(join_code__iexact=identifier.strip()).first()
    if classroom is None and identifier.strip().isdigit():
        classroom = Classroom.objects.filter(pk=int(identifier)).first()
    if classroom is None:
        raise CommandError(f"No classroom with id or join code {identifier!r}.")
    return classroom


def result_rows(classroom: Classroom):
    names: dict[int | None, str] = dict(classroom.enrollments.values_list("student_id", "display_name"))
    attempts = (
        Attempt.objects.filter(assignment__classroom=classroom)
        .select_related("assignment", "student")
        .order_by("assignment__opens_at", "assignment_id", "student__username", "number")
    )
    for attempt in attempts:
        username = attempt.student.get_username() if attempt.student else ""
        yield [
            attempt.assignment.title,
            username,
            names.get(attempt.student_id, "(left the class)"),
            attempt.number,
            attempt.started_at.isoformat() if attempt.started_at else "",
            attempt.finished_at.isoformat() if attempt.finished_at else "",
            attempt.score,
            attempt.max_score,
        ]


class Command(BaseCommand):
    help = "Write a classroom's results (one row per attempt) as CSV."

    def add_arguments(self, parser):
        parser.add_argument("classroom", help="classroom id or join code")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, classroom: str, output: str | None, **options):
        room = find_classroom(classroom)
        self.stdout.ending = ""  # csv rows carry their own line endings
        stream = open(output, "w", newline="", encoding="utf-8") if output else self.stdout  # noqa: SIM115
        try:
            writer = csv.writer(stream)
            writer.writerow(HEADER)
            count = 0
            for row in result_rows(room):
                writer.writerow([safe_cell(value) for value in row])
                count += 1
        finally:
            if output:
                stream.close()
        if output:
            self.stderr.write(f"Wrote {count} attempt(s) of {room} to {output}.")
