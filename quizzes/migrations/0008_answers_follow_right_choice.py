"""A question with choices is graded by its ticked choice; its answer used to be free text that could name
another one ("June" while "March" was ticked), so the teacher's pages disagreed with what students were
told. From now on the answer follows the ticked choice (quizzes.services.right_choice); this brings the
answers saved before into line. Nothing students see or are graded on changes: both read the choice."""

from django.db import migrations
from django.db.models import Count, Q

KINDS_WITH_CHOICES = ("multiple_choice", "true_false")


def answers_follow_right_choice(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    Choice = apps.get_model("quizzes", "Choice")
    with_one_right = (
        Question.objects.filter(kind__in=KINDS_WITH_CHOICES)
        .annotate(right=Count("choices", filter=Q(choices__is_correct=True)))
        .filter(right=1)
    )
    right_text = dict(
        Choice.objects.filter(question__in=with_one_right, is_correct=True).values_list("question_id", "text")
    )
    for question in Question.objects.filter(pk__in=right_text).only("pk", "answer"):
        if question.answer != right_text[question.pk]:
            Question.objects.filter(pk=question.pk).update(answer=right_text[question.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0007_classroom_board_size_at_least_one"),
    ]

    operations = [
        migrations.RunPython(answers_follow_right_choice, migrations.RunPython.noop),
    ]
