"""The statements an employee waits on, run straight through the database driver.

Owns `DriverStatement`. An answer's commit is what the employee waits on after every
Next, and SQLAlchemy's execution machinery (a transaction object, an execution context
and a result per statement) cost more than SQLite's own work for one short write: about
0.6 ms of a 0.8 ms commit on a RAM disk. So the few statements on that path are written
as SQLAlchemy Core constructs (one place for the SQL, portable to another dialect),
compiled once for the open database's dialect, and then executed on the driver's cursor
with SQLAlchemy's own type conversions (dates, JSON, booleans) applied to parameters and
returned rows. Everything else goes through SQLAlchemy as usual. Both drivers take
positional parameters: sqlcipher3 `?`, psycopg `%s` (its engine is made with that
paramstyle, `server_connection.open_server_engine`). What `rows` returns is each
driver's own: psycopg gives dates and parsed JSON where sqlcipher3 gives text, so a
statement that wants JSON text selects a CAST to text. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Dialect, Select
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.types import TypeEngine

_Convert = Callable[[Any], Any] | None
_GIVEN = object()  # the caller must pass this parameter


class _Compiled(NamedTuple):
    sql: str
    names: tuple[str, ...]  # parameter names in placeholder order
    fixed: tuple[Any, ...]  # a literal's value (`.values(flag=True)`), else _GIVEN
    binds: tuple[_Convert, ...]
    columns: tuple[str, ...]  # RETURNING columns
    result_types: tuple[TypeEngine[Any], ...]


class DriverStatement:
    """One statement, compiled on first use per dialect and parameter set.

    `run` (INSERT/UPDATE/DELETE) returns the row RETURNING gave as a dict, or the
    affected row count; `rows` (SELECT) returns plain tuples as the driver gives them.
    """

    def __init__(self, statement: UpdateBase | Select[Any]) -> None:
        self._statement = statement
        self._compiled: dict[tuple[str, tuple[str, ...]], _Compiled] = {}
        self._results: dict[str, tuple[_Convert, ...]] = {}  # by SQL text

    def run(
        self, cursor: Any, dialect: Dialect, params: Mapping[str, Any]
    ) -> dict[str, Any] | int | None:
        """Execute on a DB-API cursor already in a transaction.

        With RETURNING: the written row as a dict, or None when no row was written.
        Without: the number of rows changed.
        """
        compiled = self._execute(cursor, dialect, params)
        if not compiled.columns:
            rowcount: int = cursor.rowcount
            return rowcount
        results = self._results.get(compiled.sql)  # a str caches its hash: cheap
        if results is None:
            # Some dialects (psycopg's numbers) choose a conversion by the type the server
            # reported for the column, known only once the statement ran.
            results = self._results[compiled.sql] = tuple(
                column_type.dialect_impl(dialect).result_processor(dialect, described[1])
                for column_type, described in zip(
                    compiled.result_types, cursor.description, strict=True
                )
            )
        row = cursor.fetchone()
        if row is None:
            return None
        return {
            name: convert(value) if convert else value
            for name, convert, value in zip(compiled.columns, results, row, strict=True)
        }

    def rows(self, cursor: Any, dialect: Dialect, params: Mapping[str, Any]) -> list[Any]:
        """Every row of a SELECT as plain tuples, as the driver gives them: no type
        conversion (sqlcipher3 gives JSON and dates as text, psycopg parsed)."""
        self._execute(cursor, dialect, params)
        return list(cursor.fetchall())

    def _execute(self, cursor: Any, dialect: Dialect, params: Mapping[str, Any]) -> _Compiled:
        compiled = self._compile(dialect, tuple(sorted(params)))
        values = []
        for name, fixed, convert in zip(
            compiled.names, compiled.fixed, compiled.binds, strict=True
        ):
            value = params[name] if fixed is _GIVEN else fixed
            values.append(convert(value) if convert else value)
        cursor.execute(compiled.sql, values)
        return compiled

    def _compile(self, dialect: Dialect, keys: tuple[str, ...]) -> _Compiled:
        found = self._compiled.get((dialect.name, keys))
        if found is None:
            found = self._compiled[dialect.name, keys] = _compile(self._statement, dialect, keys)
        return found


def _compile(
    statement: UpdateBase | Select[Any], dialect: Dialect, keys: Sequence[str]
) -> _Compiled:
    # column_keys: an INSERT names only the columns given, so the others take their
    # server-side defaults (NULL) as they would through SQLAlchemy.
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    if not dialect.positional or compiled.positiontup is None:
        raise NotImplementedError(f"{dialect.name} uses named parameters")
    if "POSTCOMPILE" in compiled.string:
        raise ValueError("IN (…) needs SQLAlchemy's execution; write it as OR of equalities")
    if compiled.insert_prefetch or compiled.update_prefetch:
        # Column defaults computed in Python (timestamps) are filled in by SQLAlchemy's
        # execution, which this path skips: such a statement must set them itself.
        missing = [c.key for c in (*compiled.insert_prefetch, *compiled.update_prefetch)]
        raise ValueError(f"give these columns a value: {', '.join(missing)}")
    names = tuple(compiled.positiontup)
    fixed = tuple(
        _GIVEN if compiled.binds[name].required else compiled.binds[name].effective_value
        for name in names
    )
    binds = tuple(
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    returning = compiled.effective_returning or () if isinstance(statement, UpdateBase) else ()
    return _Compiled(
        sql=str(compiled),
        names=names,
        fixed=fixed,
        binds=binds,
        columns=tuple(str(column.key) for column in returning),
        result_types=tuple(column.type for column in returning),
    )
