"""The Teachers group: what a teacher may do in the admin. Shared by a data migration and `setup_roles`.

Row-level scoping (a teacher sees only their own articles, classes and results) is done by the admin's
querysets; these model permissions only decide which admin pages a teacher can open at all.
"""

from typing import Any

TEACHERS_GROUP = "Teachers"

# (app_label, model, actions). Results are read-only: scores change only through the quiz services.
TEACHER_PERMISSIONS: list[tuple[str, str, tuple[str, ...]]] = [
    ("articles", "article", ("view", "add", "change", "delete")),
    ("quizzes", "question", ("view", "add", "change", "delete")),
    ("quizzes", "choice", ("view", "add", "change", "delete")),
    ("quizzes", "classroom", ("view", "add", "change", "delete")),
    ("quizzes", "enrollment", ("view", "change")),
    ("quizzes", "assignment", ("view", "add", "change", "delete")),
    ("quizzes", "assignmentquestion", ("view",)),
    ("quizzes", "studentoverride", ("view", "add", "change", "delete")),
    ("quizzes", "attempt", ("view",)),
    ("quizzes", "response", ("view",)),
]


def teacher_permission_codenames() -> list[tuple[str, str]]:
    """(app_label, codename) pairs, e.g. ("quizzes", "change_question")."""
    return [(app, f"{action}_{model}") for app, model, actions in TEACHER_PERMISSIONS for action in actions]


def ensure_teachers_group(apps) -> tuple[Any, int]:
    """Create or update the Teachers group; `apps` is a migration state or django.apps.apps."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations finish; make sure they exist now.
    # Migration-state app configs have no models_module, which create_permissions needs set.
    for app_config in apps.get_app_configs():
        had_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_module
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.get_or_create(name=TEACHERS_GROUP)
    wanted = [
        permission_model.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in teacher_permission_codenames()
    ]
    group.permissions.set(wanted)
    return group, len(wanted)
