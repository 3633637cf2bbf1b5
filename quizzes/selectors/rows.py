"""Model instances from plain SQL rows, with the same value conversion the ORM applies.

For the few reads every answer makes: building those queries through the ORM cost more than running them.
Values go through each field's database converters (SQLite's datetimes become aware datetimes, its 0/1
booleans become bools), so the instances are the same as the ORM would give.
"""

from collections.abc import Sequence
from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Field, Model


def _plan(model: type[Model], db) -> tuple[list[str], list[tuple[int, tuple, object]]]:
    """(attribute names, [(position, converters, column)] for the fields that need converting).

    Kept on the connection object (one per thread), because backend converters are the connection's own
    methods; it goes when the connection object does."""
    plans = db.__dict__.setdefault("_passage_row_plans", {})
    if model not in plans:
        names, plan = [], []
        for position, field in enumerate(model._meta.concrete_fields):
            names.append(field.attname)
            column = field.cached_col
            converters = tuple(db.ops.get_db_converters(column)) + tuple(field.get_db_converters(db))
            if converters:
                plan.append((position, converters, column))
        plans[model] = (names, plan)
    return plans[model]


def converted(field: Field, value):
    db = connections[DEFAULT_DB_ALIAS]
    column = field.cached_col
    for converter in (*db.ops.get_db_converters(column), *field.get_db_converters(db)):
        value = converter(value, column, db)
    return value


@lru_cache(maxsize=64)
def columns(model: type[Model], alias: str) -> str:
    """`alias.col1, alias.col2, …` in the order `instance` reads them."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)


def width(model: type[Model]) -> int:
    return len(model._meta.concrete_fields)


def instance(model: type[Model], row: Sequence, start: int = 0) -> Model:
    """The model built from row[start : start + width(model)], as the ORM would build it."""
    db = connections[DEFAULT_DB_ALIAS]
    names, plan = _plan(model, db)
    values = list(row[start : start + len(names)])
    for position, converters, column in plan:
        value = values[position]
        for converter in converters:
            value = converter(value, column, db)
        values[position] = value
    return model.from_db(db.alias, names, values)
