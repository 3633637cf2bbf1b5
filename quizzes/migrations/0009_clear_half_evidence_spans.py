"""Clear evidence spans with only one end before 0010's check asks for both or neither.

Such half spans pointed at nothing (no sentence can be shown without both ends). A migration of its own:
see 0010 for why the update and the constraint change cannot share a transaction on PostgreSQL."""

from django.db import migrations
from django.db.models import Q


def clear_half_evidence_spans(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    half = Q(evidence_start__isnull=True, evidence_end__isnull=False) | Q(
        evidence_start__isnull=False, evidence_end__isnull=True
    )
    Question.objects.filter(half).update(evidence_start=None, evidence_end=None)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0008_answers_follow_right_choice")]

    operations = [migrations.RunPython(clear_half_evidence_spans, migrations.RunPython.noop)]
