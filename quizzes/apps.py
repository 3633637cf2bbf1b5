from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _install_content_triggers(sender, using, **kwargs) -> None:
    from quizzes import content_triggers

    content_triggers.install(connections[using])


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes and classrooms"

    def ready(self) -> None:
        # After every migrate and flush: see quizzes/content_triggers.py for why not in a migration.
        post_migrate.connect(_install_content_triggers, sender=self, dispatch_uid="quizzes-content-triggers")
