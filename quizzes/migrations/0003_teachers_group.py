"""Create the Teachers group with the model permissions a teacher needs in the admin."""

from django.db import migrations


def create_teachers_group(apps, schema_editor):
    from quizzes.roles import ensure_teachers_group

    ensure_teachers_group(apps)


def remove_teachers_group(apps, schema_editor):
    from quizzes.roles import TEACHERS_GROUP

    apps.get_model("auth", "Group").objects.filter(name=TEACHERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_attempt_student_anonymisable"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_teachers_group, remove_teachers_group)]
