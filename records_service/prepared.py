"""Statements compiled once per dialect and run on the driver's cursor (the write path of
``POST /cases``, issue 20).

SQLAlchemy spends ~50 µs of Python per execution of even a cached Core statement (the
execution context, its events, result setup); the database needs a fraction of that for an
INSERT. :class:`Prepared` compiles a statement once per dialect, keeps SQLAlchemy's own
bind processors (JSON, the UTC datetimes, dates, booleans: each type's public
``bind_processor`` of its dialect implementation, so the stored values are exactly what
SQLAlchemy would store) and hands the driver the SQL text and processed values. Use
it only inside a transaction SQLAlchemy began (``Session.connection()``): it runs on that
transaction's DBAPI connection and raises what ``conn.execute`` would (SQLAlchemy's
wrappers of the driver's errors, parameters hidden; a lost connection invalidated).
"""

from __future__ import annotations

import weakref
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.types import TypeEngine


@dataclass(frozen=True)
class _Compiled:
    sql: str
    #: (parameter name, its bind processor or None), in the statement's order.
    params: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    positional: bool
    #: The values of the statement's own parameters (a LIMIT's, a literal's), by name.
    fixed: dict[str, Any]

    def merged(self, values: Mapping[str, Any]) -> Mapping[str, Any]:
        return {**self.fixed, **values} if self.fixed else values


class Prepared:
    """``statement`` with its parameters ``names``, compiled at first use per dialect."""

    def __init__(self, statement: ClauseElement, names: tuple[str, ...] = ()) -> None:
        self.statement = statement
        self.names = names
        # Per dialect object: it carries the engine's JSON serializer.
        self._compiled: weakref.WeakKeyDictionary[Dialect, _Compiled] = weakref.WeakKeyDictionary()

    def _for(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect)
        if found is None:
            compiled = self.statement.compile(dialect=dialect, column_keys=list(self.names))
            assert isinstance(compiled, SQLCompiler)
            by_name = {name: bind for bind, name in compiled.bind_names.items()}
            order = compiled.positiontup if compiled.positional else list(by_name)
            binds = [(name, by_name[name]) for name in order or ()]
            params = tuple((name, _bind_processor(bind.type, dialect)) for name, bind in binds)
            fixed = {
                name: bind.value
                for name, bind in binds
                if not bind.required and name not in self.names
            }
            found = _Compiled(compiled.string, params, compiled.positional, fixed)
            self._compiled[dialect] = found
        return found

    def execute(self, conn: Connection, values: Mapping[str, Any]) -> Any:
        """Run the statement with ``values`` (every name of :attr:`names`) on ``conn``'s
        driver connection, in ``conn``'s transaction; the driver's ``lastrowid`` (SQLite:
        the new row's id; None where the driver has none)."""
        compiled = self._for(conn.dialect)
        values = compiled.merged(values)
        params: Any
        if compiled.positional:
            params = [
                values[name] if proc is None else proc(values[name])
                for name, proc in compiled.params
            ]
        else:
            params = {
                name: values[name] if proc is None else proc(values[name])
                for name, proc in compiled.params
            }
        driver = conn.connection.driver_connection
        cursor = driver.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(compiled.sql, params)
            return getattr(cursor, "lastrowid", None)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise _wrapped(conn, compiled.sql, params, exc, driver, cursor) from exc
        finally:
            cursor.close()


def execute_together(
    conn: Connection, statement: Prepared, many: Sequence[Mapping[str, Any]]
) -> None:
    """PostgreSQL (psycopg), ``conn`` in AUTOCOMMIT: ``statement`` once for each values of
    ``many``, in one round trip and one implicit transaction: psycopg's pipeline mode,
    whose statements up to its Sync are committed together at the Sync, or none of them
    when one fails (the server skips the rest). Where libpq has no pipeline mode, in a
    transaction (BEGIN ... COMMIT). Raises what ``conn.execute`` would for the first
    failure (SQLAlchemy's wrapper).

    After a failure ``conn`` is invalidated (the pool never hands it out again): psycopg
    3.3 may count as prepared a statement whose preparation the server skipped after the
    error, and its next use on the connection fails with "prepared statement ... does not
    exist" (``tests/service/test_case_write.py``)."""
    driver = conn.connection.driver_connection
    dbapi = conn.dialect.loaded_dbapi
    if not driver.autocommit:  # type: ignore[union-attr]
        raise ValueError("statements together need a connection in AUTOCOMMIT")
    compiled = statement._for(conn.dialect)
    together = driver.pipeline() if dbapi.Pipeline.is_supported() else driver.transaction()  # type: ignore[union-attr]
    try:
        with together:
            for values in many:
                statement.execute(conn, values)
    except dbapi.Error as exc:  # raised at the Sync, on leaving the pipeline
        failed = _wrapped(conn, compiled.sql, None, exc, driver, None)
        _invalidated(conn, exc)
        raise failed from exc
    except BaseException as exc:  # SQLAlchemy's wrapper from an execution, or anything else
        _invalidated(conn, exc)
        raise


def _invalidated(conn: Connection, exc: BaseException) -> None:
    if not conn.invalidated:
        conn.invalidate(exc if isinstance(exc, Exception) else None)


def _bind_processor(kind: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """What SQLAlchemy applies to a value of ``kind`` before the driver gets it on
    ``dialect`` (the public form of what its compiled statements cache)."""
    return kind.dialect_impl(dialect).bind_processor(dialect)


def _wrapped(
    conn: Connection, sql: str, params: Any, exc: Any, driver: Any, cursor: Any
) -> BaseException:
    """The driver's ``exc`` as SQLAlchemy raises it from ``conn.execute``: its wrapper
    (``IntegrityError``, ``OperationalError`` …) naming the statement with its parameters
    hidden, which the service's error handler and log expect; a lost connection is
    invalidated first, so that the pool never hands it out again."""
    dialect = conn.dialect
    lost = dialect.is_disconnect(exc, driver, cursor)
    if lost:
        conn.invalidate(exc)
    return DBAPIError.instance(
        sql,
        params,
        exc,
        dialect.loaded_dbapi.Error,
        hide_parameters=True,
        connection_invalidated=lost,
        dialect=dialect,
        ismulti=False,
    )


class Savepoint:
    """A SAVEPOINT on ``conn``'s driver connection, inside the transaction SQLAlchemy
    began: :meth:`rollback` undoes what ran since (then the transaction goes on),
    :meth:`release` keeps it. For statements run through :class:`Prepared` only: the
    Session knows nothing of it, so nothing the unit of work holds may change inside."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        _SAVEPOINT.execute(conn, {})
        self.active = True

    def release(self) -> None:
        self.active = False
        _RELEASE.execute(self.conn, {})

    def rollback(self) -> None:
        self.active = False
        _ROLLBACK_TO.execute(self.conn, {})
        _RELEASE.execute(self.conn, {})


_SAVEPOINT = Prepared(text("SAVEPOINT one_write"))
_RELEASE = Prepared(text("RELEASE SAVEPOINT one_write"))
_ROLLBACK_TO = Prepared(text("ROLLBACK TO SAVEPOINT one_write"))


def integrity_errors(conn: Connection) -> tuple[type[Exception], ...]:
    """What a unique or foreign key violation raises on ``conn``: SQLAlchemy's wrapper, or
    the driver's own (from :meth:`Prepared.execute`)."""
    return (IntegrityError, conn.dialect.loaded_dbapi.IntegrityError)


class PreparedQuery:
    """A SELECT compiled once per dialect, run on the driver's cursor; :meth:`first` gives
    its first row with SQLAlchemy's own result processing (the UTC datetimes, JSON,
    booleans) as a named tuple. Outside a transaction (the driver's autocommit: SQLite's
    ``isolation_level=None``, a psycopg connection in AUTOCOMMIT) the statement is its own
    transaction: no BEGIN and ROLLBACK around it."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self.columns = [str(c.key) for c in statement.selected_columns]
        self.row = namedtuple("Row", self.columns)  # type: ignore[misc]
        self.prepared = Prepared(statement)
        self._processors: weakref.WeakKeyDictionary[Dialect, list[Any]] = (
            weakref.WeakKeyDictionary()
        )

    def first(self, conn: Connection, values: Mapping[str, Any]) -> Any:
        """The first row for ``values`` (None: no row); raises what ``conn.execute`` would
        (SQLAlchemy's wrapper, a lost connection invalidated first)."""
        dialect = conn.dialect
        compiled = self.prepared._for(dialect)
        values = compiled.merged(values)
        driver = conn.connection.driver_connection
        cursor = driver.cursor()  # type: ignore[union-attr]
        params: Any = (
            [values[name] for name, _proc in compiled.params]
            if compiled.positional
            else {name: values[name] for name, _proc in compiled.params}
        )
        processors = self._processors.get(dialect)
        try:
            cursor.execute(compiled.sql, params)
            found = cursor.fetchone()
            if found is not None and processors is None:
                # Read once per dialect: psycopg builds a Column object per column at
                # every reading of ``description``.
                processors = [
                    column.type.dialect_impl(dialect).result_processor(dialect, entry[1])
                    for column, entry in zip(
                        self.statement.selected_columns, cursor.description, strict=True
                    )
                ]
                self._processors[dialect] = processors
        except dialect.loaded_dbapi.Error as exc:
            raise _wrapped(conn, compiled.sql, params, exc, driver, cursor) from exc
        finally:
            cursor.close()
        if found is None:
            return None
        assert processors is not None
        return self.row(
            *(
                proc(value) if proc is not None else value
                for proc, value in zip(processors, found, strict=True)
            )
        )
