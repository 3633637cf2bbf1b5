"""The sign-in backend: Django's ModelBackend, with the signed-in user read by one plain SQL statement.

Every request of a signed-in student loads their user row (django.contrib.auth.get_user). Building that
query through the ORM cost more than running it, on the path a whole class takes at once, so the row is
read with plain SQL and built through the fields' own converters (quizzes/selectors/rows.py): the same
User instance the ORM would give. Signing in, passwords and permissions are ModelBackend's, unchanged.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connection

from quizzes.selectors import rows


class PassageBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        try:
            user_id = User._meta.pk.to_python(user_id)
        except ValidationError:  # a session holding a malformed id is simply signed out
            return None
        sql = f"SELECT {rows.columns(User, 'u')} FROM {User._meta.db_table} u WHERE u.id = %s"  # noqa: S608  # nosec B608
        with connection.cursor() as cursor:
            cursor.execute(sql, [user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        user = rows.instance(User, row)
        return user if self.user_can_authenticate(user) else None
