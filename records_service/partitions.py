# ruff: noqa: S608 - every identifier in this SQL comes from TABLES and the catalog, never input
"""Cases, case events and the audit trail partitioned by month on PostgreSQL (issue 20).

Three tables grow without end: ``cases``, ``case_events`` and ``audit_records``. On
PostgreSQL each is a declaratively partitioned table (``PARTITION BY RANGE``) with one
partition per calendar month of a time column that is set at insert and never changed:

========================  ===============  =================================================
table                     partition key    why that column
========================  ===============  =================================================
``cases``                 ``received_at``  the intake time; the workload query ranges on it
``case_events``           ``recorded_at``  when the service stored the event (its clock);
                                           an offline desk's ``at`` may be any old time
``audit_records``         ``at``           the record's time (the service's clock)
========================  ===============  =================================================

Months are **UTC** months (``FROM '2026-12-01 00:00+00' TO '2027-01-01 00:00+00'``): a case
taken in at 07:00 Beijing time on the 1st belongs to the month before. A query over a
range of instants (the workload's days in center time) reads the one or two partitions it
overlaps. Partitions are named ``<table>_y2026m12``; each table has a DEFAULT partition
(``<table>_default``) that catches a row of a month not created yet, so an intake dated
far ahead or behind is stored (never a 500).

``clerk-records maintain [--months-ahead N]``, run as the owner role once a month, creates
the partitions of this month and the next N (default 3) and moves whatever the DEFAULT
partitions hold into partitions of their own months: in one transaction, under an ACCESS
EXCLUSIVE lock of the table, the DEFAULT partition is detached (a detached partition loses
the triggers cloned from its table: the audit trail's append-only trigger does not refuse
the move), a new empty DEFAULT and the rows' month partitions are created, the rows copied
through the table (routed to their months) and the old DEFAULT dropped.

**Uniqueness.** A unique index of a partitioned table must contain the partition key, so
values that must be unique across all months are kept in small unpartitioned *key tables*
filled by triggers in the same statement (``clerk.partition_move`` switched on by
``maintain`` alone, while it moves rows that are in their key table already):

- ``case_event_keys(seq PK, id UNIQUE, pos UNIQUE)``: an event id is recorded once (the
  events route answers 409 on a second one), and the change feed's positions never repeat;
- ``case_keys(id PK, case_no UNIQUE, forwarded_from UNIQUE)``: a case id and a case number
  once, a lower case forwarded up once; the four tables that reference a case
  (``case_events``, ``case_documents``, ``attachments``, ``ratings``) reference
  ``case_keys(id)``, as a foreign key to a partitioned table would need the month.

The primary keys become (``id``, ``received_at``), (``seq``, ``recorded_at``) and
(``id``, ``at``); ``seq`` and ``id`` still come from their sequences. No code changes a
month column (an UPDATE moving a case to another month would delete and insert its key
row, which the events referencing it refuse). The cost at the write: one case and its
first event inserted in a transaction took 0.33 ms against 0.28 ms unpartitioned (median
of 1,300, SQL only; a ``POST /cases`` takes milliseconds). The ORM models are
unchanged (SQLite has none of this); :func:`in_the_models` tells the schema
comparison what is PostgreSQL's own.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

#: Months created ahead by default (``maintain --months-ahead``).
MONTHS_AHEAD = 3
#: The setting ``maintain`` turns on (transaction-local) while it moves rows.
MOVE_SETTING = "clerk.partition_move"


@dataclass(frozen=True)
class Partitioned:
    """One partitioned table: its month column and primary key."""

    table: str
    column: str
    primary_key: tuple[str, ...]


#: Parents before children: ``cases`` first (its key table is what the others reference).
TABLES = (
    Partitioned("cases", "received_at", ("id", "received_at")),
    Partitioned("case_events", "recorded_at", ("seq", "recorded_at")),
    Partitioned("audit_records", "at", ("id", "at")),
)

#: Unique constraints and indexes the key tables take over: (table, name) → the plain
#: (non-unique) index kept on the partitioned table for lookups.
MOVED_UNIQUES = {
    ("cases", "uq_cases_case_no"): "ix_cases_case_no",
    ("cases", "ix_cases_forwarded_from"): "ix_cases_forwarded_from",
    ("case_events", "uq_case_events_id"): "ix_case_events_id",
    ("case_events", "ix_case_events_pos"): "ix_case_events_pos",
}

_KEY_TABLES = {
    "cases": (
        """CREATE TABLE case_keys (
            id varchar(36) CONSTRAINT pk_case_keys PRIMARY KEY,
            case_no varchar(40) NOT NULL CONSTRAINT uq_case_keys_case_no UNIQUE,
            forwarded_from varchar(36) CONSTRAINT uq_case_keys_forwarded_from UNIQUE
        )""",
        "INSERT INTO case_keys (id, case_no, forwarded_from) "
        "SELECT id, case_no, forwarded_from FROM {source}",
        """CREATE FUNCTION case_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('clerk.partition_move', true) = 'on' THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' THEN
                INSERT INTO case_keys (id, case_no, forwarded_from)
                VALUES (NEW.id, NEW.case_no, NEW.forwarded_from);
            ELSIF TG_OP = 'UPDATE' THEN
                UPDATE case_keys SET id = NEW.id, case_no = NEW.case_no,
                    forwarded_from = NEW.forwarded_from WHERE id = OLD.id;
            ELSE
                DELETE FROM case_keys WHERE id = OLD.id;
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER case_keys_sync AFTER INSERT OR DELETE ON cases "
        "FOR EACH ROW EXECUTE FUNCTION case_keys_sync()",
        "CREATE TRIGGER case_keys_sync_update AFTER UPDATE ON cases FOR EACH ROW "
        "WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.case_no IS DISTINCT FROM NEW.case_no "
        "OR OLD.forwarded_from IS DISTINCT FROM NEW.forwarded_from) "
        "EXECUTE FUNCTION case_keys_sync()",
    ),
    "case_events": (
        """CREATE TABLE case_event_keys (
            seq integer CONSTRAINT pk_case_event_keys PRIMARY KEY,
            id varchar(36) NOT NULL CONSTRAINT uq_case_event_keys_id UNIQUE,
            pos bigint CONSTRAINT uq_case_event_keys_pos UNIQUE
        )""",
        "INSERT INTO case_event_keys (seq, id, pos) SELECT seq, id, pos FROM {source}",
        """CREATE FUNCTION case_event_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('clerk.partition_move', true) = 'on' THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' THEN
                INSERT INTO case_event_keys (seq, id, pos) VALUES (NEW.seq, NEW.id, NEW.pos);
            ELSIF TG_OP = 'UPDATE' THEN
                UPDATE case_event_keys SET seq = NEW.seq, id = NEW.id, pos = NEW.pos
                WHERE seq = OLD.seq;
            ELSE
                DELETE FROM case_event_keys WHERE seq = OLD.seq;
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER case_event_keys_sync AFTER INSERT OR DELETE ON case_events "
        "FOR EACH ROW EXECUTE FUNCTION case_event_keys_sync()",
        "CREATE TRIGGER case_event_keys_sync_update AFTER UPDATE ON case_events FOR EACH ROW "
        "WHEN (OLD.seq IS DISTINCT FROM NEW.seq OR OLD.id IS DISTINCT FROM NEW.id "
        "OR OLD.pos IS DISTINCT FROM NEW.pos) EXECUTE FUNCTION case_event_keys_sync()",
    ),
}

#: What the schema has on PostgreSQL and the models do not say (see :func:`outside_the_models`).
KEY_TABLES = ("case_keys", "case_event_keys")


def _first_of(month: date) -> date:
    return month.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first day of the month ``count`` months after ``month``'s."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def partition_name(table: str, month: date) -> str:
    """``cases_y2026m12`` for ``cases`` and any day of December 2026."""
    return f"{table}_y{month.year:04d}m{month.month:02d}"


def _bounds(month: date) -> str:
    start, end = _first_of(month), add_months(month, 1)
    return f"FROM ('{start.isoformat()} 00:00:00+00') TO ('{end.isoformat()} 00:00:00+00')"


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def is_partitioned(conn: Connection, table: str) -> bool:
    """Whether ``table`` is a partitioned table (PostgreSQL)."""
    found = conn.execute(
        text("SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass(:t)"), {"t": table}
    ).scalar()
    return found == "p"


def months_with_partitions(conn: Connection, table: str) -> set[date]:
    """The months that have a partition of their own."""
    rows = conn.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = to_regclass(:t)"
        ),
        {"t": table},
    ).scalars()
    months: set[date] = set()
    prefix = f"{table}_y"
    for name in rows:
        if name.startswith(prefix) and len(name) == len(prefix) + 7:
            year, month = name[len(prefix) : len(prefix) + 4], name[-2:]
            months.add(date(int(year), int(month), 1))
    return months


def _months_in(conn: Connection, source: str, column: str) -> set[date]:
    rows = conn.execute(
        text(
            f"SELECT DISTINCT date_trunc('month', {column} AT TIME ZONE 'UTC')::date FROM {source}"
        )
    ).scalars()
    return {row for row in rows if row is not None}


def _create_month(conn: Connection, table: str, month: date) -> str:
    name = partition_name(table, month)
    conn.execute(text(f"CREATE TABLE {name} PARTITION OF {table} FOR VALUES {_bounds(month)}"))
    return name


def create_months(conn: Connection, table: str, months: set[date]) -> list[str]:
    """Create the partitions of ``months`` that ``table`` lacks (in the caller's
    transaction; the DEFAULT partition must hold no row of them). Their names."""
    have = months_with_partitions(conn, table)
    return [_create_month(conn, table, m) for m in sorted({_first_of(m) for m in months} - have)]


def _definitions(conn: Connection, table: str) -> dict[str, Sequence[Any]]:
    """What ``convert`` recreates: indexes, unique constraints, foreign keys, triggers."""
    oid = {"t": table}
    return {
        "indexes": conn.execute(
            text(
                "SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisunique, "
                "x.indisprimary, c.conname IS NOT NULL "
                "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid "
                "AND c.conrelid = x.indrelid "
                "WHERE x.indrelid = to_regclass(:t)"
            ),
            oid,
        ).all(),
        "foreign_keys": conn.execute(
            text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = to_regclass(:t) AND contype = 'f'"
            ),
            oid,
        ).all(),
        "referencing": conn.execute(
            text(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE confrelid = to_regclass(:t) AND contype = 'f'"
            ),
            oid,
        ).all(),
        "triggers": conn.execute(
            text(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger "
                "WHERE tgrelid = to_regclass(:t) AND NOT tgisinternal"
            ),
            oid,
        )
        .scalars()
        .all(),
        "sequences": conn.execute(
            text(
                "SELECT s.relname, a.attname FROM pg_depend d "
                "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' "
                "JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
                "WHERE d.refobjid = to_regclass(:t) AND d.deptype = 'a'"
            ),
            oid,
        ).all(),
    }


def convert(conn: Connection, spec: Partitioned, today: date) -> list[str]:
    """Make ``spec.table`` a partitioned table holding the same rows (PostgreSQL; in the
    caller's transaction): a new partitioned table, partitions for every month with rows
    and for last month to ``MONTHS_AHEAD`` ahead, a DEFAULT, the rows copied, the old table
    dropped and the new one named like it, with its indexes, keys and triggers again."""
    table, column = spec.table, spec.column
    if is_partitioned(conn, table):
        return []
    found = _definitions(conn, table)
    new = f"{table}_partitioned"
    conn.execute(text(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
    conn.execute(
        text(
            f"CREATE TABLE {new} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) "
            f"PARTITION BY RANGE ({column})"
        )
    )
    months = _months_in(conn, table, column)
    this_month = _first_of(today)
    months |= {add_months(this_month, n) for n in range(-1, MONTHS_AHEAD + 1)}
    for month in sorted(months):
        name = partition_name(table, month)
        conn.execute(text(f"CREATE TABLE {name} PARTITION OF {new} FOR VALUES {_bounds(month)}"))
    conn.execute(text(f"CREATE TABLE {table}_default PARTITION OF {new} DEFAULT"))
    conn.execute(text(f"INSERT INTO {new} SELECT * FROM {table}"))
    key_table = _KEY_TABLES.get(table)
    if key_table is not None:
        conn.execute(text(key_table[0]))
        conn.execute(text(key_table[1].format(source=table)))
    for child, name, _definition in found["referencing"]:
        conn.execute(text(f"ALTER TABLE {child} DROP CONSTRAINT {name}"))
    for sequence, attribute in found["sequences"]:
        conn.execute(text(f"ALTER SEQUENCE {sequence} OWNED BY {new}.{attribute}"))
    conn.execute(text(f"DROP TABLE {table}"))
    conn.execute(text(f"ALTER TABLE {new} RENAME TO {table}"))
    for name, definition, unique, primary, _constraint in found["indexes"]:
        if primary:
            continue
        if (table, name) in MOVED_UNIQUES:
            plain = MOVED_UNIQUES[(table, name)]
            columns = definition[definition.index(" USING ") :]
            conn.execute(text(f"CREATE INDEX {plain} ON {table}{columns}"))
        elif unique:
            raise RuntimeError(f"{table}: unique index {name} has no key table")
        else:
            conn.execute(text(definition))
    keys = ", ".join(spec.primary_key)
    conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY ({keys})"))
    for name, definition in found["foreign_keys"]:
        conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"))
    for definition in found["triggers"]:
        conn.execute(text(definition))
    if key_table is not None:
        for statement in key_table[2:]:
            conn.execute(text(statement))
    for child, name, definition in found["referencing"]:
        target = definition.replace(f"REFERENCES {table}(", "REFERENCES case_keys(")
        if target == definition:
            raise RuntimeError(f"{child}.{name}: unexpected reference {definition}")
        conn.execute(text(f"ALTER TABLE {child} ADD CONSTRAINT {name} {target}"))
    return [f"{table}: partitioned by the month of {column} ({len(months)} months)"]


def convert_all(conn: Connection, today: date) -> list[str]:
    """:func:`convert` every table of :data:`TABLES` (PostgreSQL; nothing elsewhere)."""
    if not is_postgres(conn):
        return []
    done: list[str] = []
    for spec in TABLES:
        done += convert(conn, spec, today)
    return done


#: What :func:`unconvert` puts back: the unique constraints (table, name, column) and
#: unique indexes the key tables took over.
_UNIQUE_BACK = {
    "cases": (
        ("constraint", "uq_cases_case_no", "case_no"),
        ("index", "ix_cases_forwarded_from", "forwarded_from"),
    ),
    "case_events": (
        ("constraint", "uq_case_events_id", "id"),
        ("index", "ix_case_events_pos", "pos"),
    ),
}
#: The primary keys before partitioning.
_OLD_KEY = {"cases": "id", "case_events": "seq", "audit_records": "id"}


def unconvert(conn: Connection, spec: Partitioned) -> None:
    """Undo :func:`convert` (migration 0023's downgrade): a plain table with the same rows,
    indexes, unique constraints, keys and triggers as before; the key table dropped and
    what referenced it referencing the table again."""
    table = spec.table
    if not is_partitioned(conn, table):
        return
    found = _definitions(conn, table)
    key_table = {"cases": "case_keys", "case_events": "case_event_keys"}.get(table)
    referencing: Sequence[Any] = ()
    if key_table == "case_keys":
        referencing = _definitions(conn, key_table)["referencing"]
    plain = f"{table}_plain"
    conn.execute(text(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
    conn.execute(
        text(f"CREATE TABLE {plain} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
    )
    conn.execute(text(f"INSERT INTO {plain} SELECT * FROM {table}"))
    for child, name, _definition in referencing:
        conn.execute(text(f"ALTER TABLE {child} DROP CONSTRAINT {name}"))
    for sequence, attribute in found["sequences"]:
        conn.execute(text(f"ALTER SEQUENCE {sequence} OWNED BY {plain}.{attribute}"))
    conn.execute(text(f"DROP TABLE {table}"))
    conn.execute(text(f"ALTER TABLE {plain} RENAME TO {table}"))
    conn.execute(
        text(f"ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY ({_OLD_KEY[table]})")
    )
    moved = set(MOVED_UNIQUES.values())
    for name, definition, _unique, primary, _constraint in found["indexes"]:
        if not primary and name not in moved:
            conn.execute(text(definition.replace(" ON ONLY ", " ON ")))
    for kind, name, column in _UNIQUE_BACK.get(table, ()):
        if kind == "constraint":
            conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE ({column})"))
        else:
            conn.execute(text(f"CREATE UNIQUE INDEX {name} ON {table} ({column})"))
    for name, definition in found["foreign_keys"]:
        conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"))
    for definition in found["triggers"]:
        if "_keys_sync" not in definition:
            conn.execute(text(definition))
    for child, name, definition in referencing:
        back = definition.replace("REFERENCES case_keys(", f"REFERENCES {table}(")
        conn.execute(text(f"ALTER TABLE {child} ADD CONSTRAINT {name} {back}"))
    if key_table is not None:
        conn.execute(text(f"DROP TABLE {key_table}"))
        conn.execute(text(f"DROP FUNCTION {key_table}_sync()"))


def unconvert_all(conn: Connection) -> None:
    """:func:`unconvert` every table, children first (PostgreSQL; nothing elsewhere)."""
    if is_postgres(conn):
        for spec in reversed(TABLES):
            unconvert(conn, spec)


def _move_default(conn: Connection, spec: Partitioned, have: set[date]) -> tuple[int, set[date]]:
    """Move the rows of ``spec``'s DEFAULT partition into their months' partitions (made
    here): lock the table, detach, new DEFAULT, months, copy, drop. (rows moved, months
    made); nothing (and no lock) when the DEFAULT is empty."""
    table, column = spec.table, spec.column
    default = f"{table}_default"
    if conn.execute(text(f"SELECT 1 FROM {default} LIMIT 1")).first() is None:
        return 0, set()
    # Writers wait from here to the commit (they fail on nothing); rows that came in since
    # the look above are moved too.
    conn.execute(text(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
    moving = f"{table}_default_moving"
    conn.execute(text(f"ALTER TABLE {table} DETACH PARTITION {default}"))
    conn.execute(text(f"ALTER TABLE {default} RENAME TO {moving}"))
    conn.execute(text(f"CREATE TABLE {default} PARTITION OF {table} DEFAULT"))
    made = set()
    for month in sorted(_months_in(conn, moving, column) - have):
        _create_month(conn, table, month)
        made.add(month)
    conn.execute(text(f"SET LOCAL {MOVE_SETTING} = 'on'"))  # their key rows are there
    moved = conn.execute(text(f"INSERT INTO {table} SELECT * FROM {moving}")).rowcount
    conn.execute(text(f"SET LOCAL {MOVE_SETTING} = 'off'"))
    conn.execute(text(f"DROP TABLE {moving}"))
    return int(moved or 0), made


def maintain(conn: Connection, today: date, months_ahead: int = MONTHS_AHEAD) -> list[str]:
    """Create this month's partition and the next ``months_ahead`` ones and move the
    DEFAULT partitions' rows into their months; in the caller's transaction (commit it).
    Returns what was done, in plain words; nothing when nothing needed doing. SQLite, or a
    database whose tables are not partitioned: one line saying so."""
    if not is_postgres(conn):
        return ["nothing to do: the tables are partitioned on PostgreSQL only (this is SQLite)"]
    lines: list[str] = []
    this_month = _first_of(today)
    wanted = {add_months(this_month, n) for n in range(months_ahead + 1)}
    for spec in TABLES:
        table = spec.table
        if not is_partitioned(conn, table):
            lines.append(f"{table}: not partitioned (run `clerk-records migrate` first)")
            continue
        have = months_with_partitions(conn, table)
        moved, made = _move_default(conn, spec, have)
        have |= made
        for month in sorted(made):
            lines.append(f"{table}: created partition {partition_name(table, month)}")
        if moved:
            lines.append(
                f"{table}: moved {moved} row{'s' if moved != 1 else ''} out of the default "
                "partition into their months"
            )
        for name in create_months(conn, table, wanted - have):
            lines.append(f"{table}: created partition {name}")
    return lines


def drop_partitioned_tables(database_url: str) -> list[str]:
    """Drop every partitioned table (with its partitions) of the PostgreSQL database at
    ``database_url``; their names. ``restore --force`` does this before ``pg_restore
    --clean``, which cannot drop a partition's inherited primary key (it says so and
    exits 1); the tables come back from the backup."""
    from records_service.db import make_engine

    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            if not is_postgres(conn):
                return []
            names = list(
                conn.execute(
                    text(
                        "SELECT relname FROM pg_class WHERE relkind = 'p' AND NOT relispartition "
                        "AND relnamespace = 'public'::regnamespace ORDER BY relname"
                    )
                ).scalars()
            )
            for name in names:
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
            return names
    finally:
        engine.dispose()


def in_the_models(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """For ``compare_metadata``'s ``include_object``: False for what PostgreSQL's
    partitioning adds or moves (partitions, key tables, the plain indexes left where the
    unique ones were, the references to ``case_keys``), so the migrated schema still
    compares equal to the models."""
    del obj, reflected, compare_to
    if name is None:
        return True
    if type_ == "table":
        if name in KEY_TABLES:
            return False
        return not any(
            name == f"{spec.table}_default" or re.fullmatch(rf"{spec.table}_y\d{{4}}m\d{{2}}", name)
            for spec in TABLES
        )
    if type_ in {"index", "unique_constraint"}:
        moved = {index for _table, index in MOVED_UNIQUES} | set(MOVED_UNIQUES.values())
        return name not in moved
    if type_ == "foreign_key_constraint":
        return not name.endswith("_case_id_cases")
    return True


def cmd_maintain(args: argparse.Namespace) -> int:
    """``clerk-records maintain``: create the coming months' partitions, empty the DEFAULT
    ones; prints what it did (or that there was nothing to do)."""
    from records_service.cli_common import fail, settings_from
    from records_service.db import make_engine

    if args.months_ahead < 0 or args.months_ahead > 120:
        return fail("maintain: --months-ahead is 0 to 120", 2)
    engine = make_engine(settings_from(args).database_url)
    try:
        with engine.begin() as conn:
            lines = maintain(conn, datetime.now(UTC).date(), args.months_ahead)
    except DBAPIError as exc:
        return fail(f"maintain: the database refused: {exc.orig} (run it as the owner role)")
    finally:
        engine.dispose()
    for line in lines or ["nothing to do: every partition is there and no row waits in a default"]:
        print(line)
    return 0


def add_commands(sub: Any) -> None:
    """Register ``maintain`` on ``clerk-records``' sub-parsers."""
    p = sub.add_parser(
        "maintain",
        help="PostgreSQL: create the coming months' partitions of cases, events and audit "
        "records and move rows out of the default partitions (run monthly as the owner)",
    )
    p.add_argument(
        "--months-ahead",
        type=int,
        default=MONTHS_AHEAD,
        help=f"months after this one to create (default {MONTHS_AHEAD})",
    )
    p.set_defaults(func=cmd_maintain)
