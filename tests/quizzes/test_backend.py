"""The sign-in backend reads the signed-in user with plain SQL: it must give what ModelBackend gives."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User

from quizzes.backends import PassageBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_same_user_as_django_gives_field_for_field():
    user = UserFactory(first_name="Ada", is_staff=True)
    ours, django = PassageBackend().get_user(user.pk), ModelBackend().get_user(user.pk)
    assert ours == django
    for field in User._meta.concrete_fields:
        assert getattr(ours, field.attname) == getattr(django, field.attname), field.attname
    assert ours.date_joined.tzinfo is not None  # converted as the ORM converts, not a raw string


@pytest.mark.parametrize("user_id", ["999999", "not-a-number", None])
def test_unknown_or_malformed_ids_are_signed_out(user_id):
    assert PassageBackend().get_user(user_id) is None


def test_an_inactive_user_is_signed_out():
    user = UserFactory(is_active=False)
    assert PassageBackend().get_user(user.pk) is None


def test_signing_in_and_staying_signed_in_go_through_it(client):
    user = UserFactory(username="ada")
    user.set_password("correct horse battery")
    user.save()
    reply = client.post("/login/", {"username": "ada", "password": "correct horse battery"})
    assert reply.status_code == 302
    assert client.session["_auth_user_backend"] == "quizzes.backends.PassageBackend"
    assert client.get("/").context["user"] == user
