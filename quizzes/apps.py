from functools import partial

from django.apps import AppConfig
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save


def _install_content_triggers(sender, using, **kwargs) -> None:
    from quizzes import content_triggers

    content_triggers.install(connections[using])


def _forget_poll_state(sender, instance, **kwargs) -> None:
    """A class's or quiz's saved settings (board size, whether the board shows) may change what an unchanged
    poll may be told: drop the kept poll state once they are committed (quizzes/board_cache.py)."""
    from quizzes.board_cache import poll_state_forget

    classroom_id = instance.pk if sender.__name__ == "Classroom" else instance.classroom_id
    transaction.on_commit(partial(poll_state_forget, classroom_id=classroom_id))


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes and classrooms"

    def ready(self) -> None:
        # After every migrate and flush: see quizzes/content_triggers.py for why not in a migration.
        post_migrate.connect(_install_content_triggers, sender=self, dispatch_uid="quizzes-content-triggers")
        for model_name in ("Classroom", "Assignment"):
            model = self.get_model(model_name)
            for event, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    _forget_poll_state, sender=model, dispatch_uid=f"poll-state-{model_name}-{event}"
                )
