"""The content version row's table. Its row and the triggers that change its token are made after every
migrate by quizzes/content_triggers.py (a post_migrate handler), because SQLite drops a table's triggers
whenever a later migration rebuilds the table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0005_classroom_board_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(blank=True, max_length=32)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="content_version_single_row")
                ],
            },
        ),
    ]
