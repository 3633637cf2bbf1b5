"""Bulk student accounts from a pasted list or CSV: "display name[,username]" per line."""

import csv
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from quizzes.models import Classroom, Enrollment
from quizzes.services import messages
from quizzes.services.passwords import readable_password

USERNAME_BASE_MAX = 20
HEADER_WORDS = {"display name", "name", "student", "student name"}


@dataclass(frozen=True)
class Credential:
    username: str
    password: str
    display_name: str
    renamed_from: str = ""  # the name as given, when it was numbered to differ from a classmate's


def parse_roster_lines(lines: list[str]) -> list[tuple[str, str]]:
    """(display name, wanted username or "") per non-blank line; a header row is skipped.

    More than BULK_MAX_NAMES names are refused before anything else is done, so a whole school's export
    is turned away at once instead of keeping the request (and the database) busy for hours.
    """
    rows: list[tuple[str, str]] = []
    for line in lines:
        fields = _fields(line)
        if not fields or not fields[0]:
            continue
        if not rows and fields[0].casefold() in HEADER_WORDS:
            continue
        name = fields[0]
        if len(name) > messages.DISPLAY_NAME_MAX_LENGTH:
            raise ValidationError(messages.BULK_NAME_TOO_LONG.format(name=name[:60] + "…"))
        if len(rows) == messages.BULK_MAX_NAMES:
            count = sum(1 for line in lines if line.strip())
            raise ValidationError(messages.BULK_TOO_MANY.format(count=count, limit=messages.BULK_MAX_NAMES))
        rows.append((name, fields[1] if len(fields) > 1 else ""))
    if not rows:
        raise ValidationError(messages.BULK_NO_NAMES)
    return rows


def _fields(line: str) -> list[str]:
    """One line's CSV fields, whitespace collapsed. Each line is read on its own: a quote left open on one
    line (a pasted `"Smith`) must not swallow the lines after it into one name."""
    fields = next(csv.reader([line.replace("\x00", "")]), [])
    return [" ".join(field.split()) for field in fields]


def _username_base(display_name: str) -> str:
    return slugify(display_name).replace("-", ".")[:USERNAME_BASE_MAX].strip(".") or "student"


def _unique_username(base: str, taken: set[str]) -> str:
    candidate, number = base, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{base}{number}"
    taken.add(candidate.casefold())
    return candidate


def _taken_usernames(bases: list[str]) -> set[str]:
    User = get_user_model()
    taken: set[str] = set()
    for base in set(bases):
        taken.update(
            u.casefold()
            for u in User.objects.filter(username__istartswith=base).values_list("username", flat=True)
        )
    return taken


def students_bulk_create(*, classroom: Classroom, lines: list[str]) -> list[Credential]:
    """Create accounts and enrol them; returns the credentials to print (passwords are shown only now).

    Not one transaction from the start: each password hash takes about 0.3 s on purpose, and on SQLite a
    write transaction holds the database's only write lock, so a class's worth of hashing inside it made
    students' answers wait until they failed with "database is locked". The hashes are made first, and
    only the inserts (`_accounts_create`) run in the transaction.
    """
    rows = parse_roster_lines(lines)
    _refuse_taken_usernames([username for _, username in rows if username])  # before the slow part
    passwords = [readable_password() for _ in rows]
    hashes = [make_password(password) for password in passwords]
    return _accounts_create(classroom=classroom, rows=rows, passwords=passwords, hashes=hashes)


def _refuse_taken_usernames(wanted: list[str]) -> None:
    taken = _taken_usernames(wanted)
    for username in wanted:
        if username.casefold() in taken:
            raise ValidationError(messages.BULK_USERNAME_TAKEN.format(username=username))
        taken.add(username.casefold())


@transaction.atomic
def _accounts_create(
    *, classroom: Classroom, rows: list[tuple[str, str]], passwords: list[str], hashes: list[str]
) -> list[Credential]:
    wanted = [username for _, username in rows if username]
    bases = [_username_base(name) for name, username in rows if not username]
    taken = _taken_usernames(bases + wanted)
    names_taken = {name.casefold() for name in classroom.enrollments.values_list("display_name", flat=True)}
    User = get_user_model()
    credentials = []
    for (name, username), password, hashed in zip(rows, passwords, hashes, strict=True):
        shown = _distinct_display_name(name, names_taken)
        if username:
            if username.casefold() in taken:
                raise ValidationError(messages.BULK_USERNAME_TAKEN.format(username=username))
            taken.add(username.casefold())
        else:
            username = _unique_username(_username_base(name), taken)
        user = User(username=username, first_name=name[:150], password=hashed)
        user.full_clean()
        user.save()
        Enrollment.objects.create(classroom=classroom, student=user, display_name=shown)
        credentials.append(
            Credential(
                username=username,
                password=password,
                display_name=shown,
                renamed_from=name if shown != name else "",
            )
        )
    return credentials


def _distinct_display_name(name: str, taken: set[str]) -> str:
    """The name, numbered "Name (2)", "Name (3)"… if a classmate already shows it: the projector lists
    display names only, and two identical rows would leave two students unsure which one is theirs."""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = name[: messages.DISPLAY_NAME_MAX_LENGTH - len(suffix)].rstrip() + suffix
    taken.add(candidate.casefold())
    return candidate
