"""`manage.py export_results` writes a classroom's attempts as CSV, found by id or join code."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.factories import AssignmentFactory, AttemptFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def results():
    assignment = AssignmentFactory(title="Mosul quiz", classroom__join_code="ABC123")
    amira = EnrollmentFactory(classroom=assignment.classroom, display_name="Amira")
    AttemptFactory(
        assignment=assignment, student=amira.student, score=3, max_score=4, finished_at=timezone.now()
    )
    rogue = EnrollmentFactory(classroom=assignment.classroom, display_name="=cmd|' /C calc'!A0")
    AttemptFactory(assignment=assignment, student=rogue.student, score=1, max_score=4)
    AttemptFactory(assignment=AssignmentFactory(), score=4, max_score=4)  # another class: not exported
    return assignment


def test_export_by_join_code_to_a_file(results, tmp_path):
    target = tmp_path / "results.csv"
    call_command("export_results", "abc123", output=str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 2
    amira = next(row for row in rows if row["display_name"] == "Amira")
    assert (amira["assignment"], amira["score"], amira["max_score"]) == ("Mosul quiz", "3", "4")
    assert amira["finished_at"]


def test_export_by_id_to_stdout_neutralises_formulas(results):
    out = io.StringIO()
    call_command("export_results", str(results.classroom.pk), stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {row["display_name"] for row in rows} == {"Amira", "'=cmd|' /C calc'!A0"}


def test_export_of_an_unknown_classroom_fails_clearly(results):
    with pytest.raises(CommandError, match="No classroom"):
        call_command("export_results", "NOPE99")
