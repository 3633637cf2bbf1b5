"""Migrations 0009 and 0010 on a database that holds what they fix: a question whose evidence has only
one end. On PostgreSQL the clean-up and the new check once shared a transaction, and the update's pending
trigger events made the ALTER TABLE fail: the deploy stopped exactly where there was work to do."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from quizzes import content_triggers

BEFORE = [("quizzes", "0008_answers_follow_right_choice")]


@pytest.mark.django_db(transaction=True)
def test_half_evidence_spans_are_cleared_and_the_new_check_is_added():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        User = old.get_model("auth", "User")
        Article = old.get_model("articles", "Article")
        Question = old.get_model("quizzes", "Question")
        owner = User.objects.create(username="t")
        article = Article.objects.create(owner=owner, title="T", raw_text="One. Two.", text="One. Two.")
        half = Question.objects.create(article=article, prompt="Q?", answer="A", evidence_end=4)
        whole = Question.objects.create(
            article=article, prompt="R?", answer="B", evidence_start=0, evidence_end=4
        )

        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        content_triggers.install(connection)  # what post_migrate does after a real `migrate`

    from quizzes.models import Question as Current

    assert Current.objects.filter(pk=half.pk).values_list("evidence_start", "evidence_end").get() == (
        None,
        None,
    )
    assert Current.objects.filter(pk=whole.pk).values_list("evidence_start", "evidence_end").get() == (0, 4)
