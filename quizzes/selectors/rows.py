"""Model instances from plain SQL rows, with the same value conversion the ORM applies.

For the two or three reads every answer makes: building those queries through the ORM cost more than
running them. Values go through each field's database converters (SQLite's datetimes become aware
datetimes, its 0/1 booleans become bools), so the instances are the same as the ORM would give.
"""

from collections.abc import Sequence
from functools import cache

from django.db import connection
from django.db.models import Field, Model


@cache
def _converters(field: Field, vendor: str) -> tuple:
    del vendor  # part of the cache key only: converters depend on the database in use
    return tuple(connection.ops.get_db_converters(field.cached_col)) + tuple(
        field.get_db_converters(connection)
    )


def converted(field: Field, value):
    for converter in _converters(field, connection.vendor):
        value = converter(value, field.cached_col, connection)
    return value


def columns(model: type[Model], alias: str) -> str:
    """`alias.col1, alias.col2, …` in the order `instance` reads them."""
    return ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in model._meta.concrete_fields)


def width(model: type[Model]) -> int:
    return len(model._meta.concrete_fields)


def instance(model: type[Model], row: Sequence, start: int = 0) -> Model:
    """The model built from row[start : start + width(model)], as the ORM would build it."""
    fields = model._meta.concrete_fields
    values = [converted(field, row[start + i]) for i, field in enumerate(fields)]
    return model.from_db(connection.alias, [f.attname for f in fields], values)
