"""Classrooms, joining them, rosters and the projector link."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.db import transaction

from quizzes.models import Classroom, Enrollment


@dataclass(frozen=True)
class Credential:
    username: str
    password: str
    display_name: str


@transaction.atomic
def classroom_create(*, teacher: AbstractUser, name: str) -> Classroom:
    raise NotImplementedError


@transaction.atomic
def classroom_join(*, student: AbstractUser, join_code: str, display_name: str, client_ip: str = "") -> Enrollment:
    raise NotImplementedError


@transaction.atomic
def students_bulk_create(*, classroom: Classroom, lines: list[str]) -> list[Credential]:
    raise NotImplementedError


@transaction.atomic
def enrollment_remove(*, enrollment: Enrollment) -> None:
    raise NotImplementedError


@transaction.atomic
def student_password_reset(*, student: AbstractUser) -> str:
    raise NotImplementedError


@transaction.atomic
def board_token_rotate(*, classroom: Classroom) -> str:
    raise NotImplementedError


@transaction.atomic
def board_token_revoke(*, classroom: Classroom) -> None:
    raise NotImplementedError
