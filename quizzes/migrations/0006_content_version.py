"""The content version row and the triggers that change its token on every quiz-content write.

Triggers rather than Python signals: `QuerySet.update()`, `bulk_create`, raw SQL and the admin all write
these tables, and a process that kept stale questions would grade and show them wrongly. On a database
other than SQLite or PostgreSQL no trigger is made and the token stays empty, which turns the in-memory
copy off (selectors/quiz_items.py): correct, only slower.
"""

import secrets

from django.db import migrations, models

TABLES = ["quizzes_question", "quizzes_choice", "quizzes_assignmentquestion"]
VERSION_TABLE = "quizzes_contentversion"

SQLITE_RANDOM_VERSION = "lower(hex(randomblob(16)))"
# Plain text, not built: the table is VERSION_TABLE, and no input ever reaches these statements.
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION quizzes_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE quizzes_contentversion SET token = md5(random()::text || clock_timestamp()::text) WHERE id = 1;
    RETURN NULL;
END $$;
"""


def _sqlite_statements(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_content_{op.lower()} AFTER {op} ON {table} BEGIN "
        f"UPDATE {VERSION_TABLE} SET token = {SQLITE_RANDOM_VERSION} WHERE id = 1; END"  # nosec B608
        for op in ("INSERT", "UPDATE", "DELETE")
    ]


def _postgres_statements(table: str) -> list[str]:
    # Once per statement, not per row: generating 80 questions moves the token once per INSERT.
    return [
        f"CREATE TRIGGER {table}_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION quizzes_content_version_bump()"
    ]


def create(apps, schema_editor):
    apps.get_model("quizzes", "ContentVersion").objects.create(id=1, token=secrets.token_hex(16))
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [s for table in TABLES for s in _sqlite_statements(table)]
    elif vendor == "postgresql":
        statements = [PG_FUNCTION, *(s for table in TABLES for s in _postgres_statements(table))]
    else:
        return
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            for op in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_content_{op}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_content ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS quizzes_content_version_bump()")


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
        migrations.RunPython(create, drop),
    ]
