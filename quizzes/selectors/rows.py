"""Model instances from plain SQL rows, with the same value conversion the ORM applies.

For the few reads every answer makes: building those queries through the ORM cost more than running them.
Values go through each field's database converters (SQLite's datetimes become aware datetimes, its 0/1
booleans become bools), so the instances are the same as the ORM would give.
"""

from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)


def _converters(field: Field, db) -> tuple:
    """The converters the ORM would apply to `field`'s values, backend's first, as its compiler does.

    Kept on the connection object (one per thread), because backend converters are the connection's own
    methods; they go when the connection object does."""
    known = db.__dict__.setdefault("_passage_row_converters", {})
    if field not in known:
        column = field.cached_col
        own = field.get_db_converters(db)  # type: ignore[attr-defined]  # Django's, missing from the stubs
        known[field] = tuple(db.ops.get_db_converters(column)) + tuple(own)
    return known[field]


def converted(field: Field, value):
    db = connections[DEFAULT_DB_ALIAS]
    column = field.cached_col
    for converter in _converters(field, db):
        value = converter(value, column, db)
    return value


@lru_cache(maxsize=64)
def columns(model: type[Model], alias: str) -> str:
    """`alias.col1, alias.col2, …` in the order `instance` reads them."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)


def width(model: type[Model]) -> int:
    return len(model._meta.concrete_fields)


def instance(model: type[M], row: Sequence, start: int = 0) -> M:
    """The model built from row[start : start + width(model)], as the ORM would build it."""
    db = connections[DEFAULT_DB_ALIAS]
    fields = model._meta.concrete_fields
    values = list(row[start : start + len(fields)])
    for position, field in enumerate(fields):
        converters = _converters(field, db)
        if converters:
            value, column = values[position], field.cached_col
            for converter in converters:
                value = converter(value, column, db)
            values[position] = value
    return model.from_db(db.alias, [field.attname for field in fields], values)
