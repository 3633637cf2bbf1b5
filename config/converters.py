"""The `<id:…>` path converter every URLconf uses for integer ids.

Django's `<int:…>` accepts any number of digits, but SQLite and PostgreSQL keep integers in 64 bits: an id
of 2**63 or more made raw SQL (and SQLite's driver) raise OverflowError, a 500 instead of a 404. Eighteen
digits stay below 2**63 on every database, so an overlong id never resolves and is a 404 before a view runs.
"""

from django.urls import register_converter

ID_MAX_DIGITS = 18


class IdConverter:
    regex = f"[0-9]{{1,{ID_MAX_DIGITS}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
