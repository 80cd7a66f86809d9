"""The retention purge at every start reads a range of the partial index cases_expiry
(MIGRATION_15), not every case, on a real SQLite file; a store made at MIGRATION_14 gets
the index when it opens, and the purge removes exactly the cases it removed before."""

from __future__ import annotations

from datetime import timedelta

from clerk_app.core.clock import FixedClock
from clerk_app.store import Database, LocalStore
from clerk_app.store.retention import JOINT_CASES_GONE, expired_cases, purge_expired
from clerk_app.store.schema import MIGRATIONS
from tests.helpers.store import T0, add_case, make_payload

OLD = "2026-01-01T00:00:00.000000+00:00"
CUTOFF = T0 - timedelta(days=30)


def _plan(db: Database, sql: str, params: tuple[str, ...] = ()) -> list[str]:
    return [row[3] for row in db.query("EXPLAIN QUERY PLAN " + sql, params)]


def _cases(store: LocalStore) -> dict[str, str]:
    """One case per rule of the purge (name -> case_no); only ``gone`` and ``gone_too`` may go."""
    made: dict[str, str] = {}

    def case(name: str, status: str, *, synced: bool = True, updated: str = OLD) -> str:
        body = make_payload(len(made) + 1)
        added = add_case(store, body, status=status, outbox=not synced)
        store.db.execute(
            "UPDATE cases SET updated_at = ? WHERE case_no = ?", (updated, added.case_no)
        )
        made[name] = added.case_no
        return added.case_no

    case("gone", "completed_approved")
    case("gone_too", "withdrawn")
    case("changed_lately", "completed_approved", updated=T0.isoformat())
    case("still_open", "in_progress")
    case("not_at_the_center", "refused", synced=False)
    # The center has it, but the desk still has a row to send for it.
    waiting = case("row_to_send", "completed_rejected", synced=False)
    store.db.execute("UPDATE cases SET server_state = 'synced' WHERE case_no = ?", (waiting,))
    disputed = case("open_conflict", "completed_approved")
    store.db.execute(
        "INSERT INTO conflicts (case_id, case_no, detected_at, center_json)"
        " SELECT id, case_no, ?, '{}' FROM cases WHERE case_no = ?",
        (OLD, disputed),
    )
    return made


def test_a_store_at_migration_14_gets_the_index_and_the_purge_reads_a_range_of_it(tmp_path):
    path = tmp_path / "clerk.db"
    index = next(i for i, m in enumerate(MIGRATIONS) if "cases_expiry" in m)
    assert index == 14  # MIGRATION_15
    old = Database(path, migrations=MIGRATIONS[:index])
    store = LocalStore(old, FixedClock(T0))
    made = _cases(store)
    sql, params = expired_cases(CUTOFF)
    assert any(step.startswith("SCAN c") for step in _plan(old, sql, params))  # before
    old.close()

    db = Database(path)
    try:
        assert db.user_version == len(MIGRATIONS)
        assert _plan(db, sql, params)[0] == (
            "SEARCH c USING INDEX cases_expiry (status=? AND updated_at<?)"
        )
        assert not any(step.startswith("SCAN c") for step in _plan(db, JOINT_CASES_GONE))
        # The index holds the synced cases only, every one of them.
        synced = "SELECT count(*) FROM cases {} WHERE server_state = 'synced'"
        indexed = db.query(synced.format("INDEXED BY cases_expiry"))[0][0]
        assert indexed == db.query(synced.format("NOT INDEXED"))[0][0] == len(made) - 1
    finally:
        db.close()


def test_the_purge_removes_exactly_what_the_full_scan_selects(store):
    made = _cases(store)
    sql, params = expired_cases(CUTOFF)
    scanned = store.db.query(sql.replace("FROM cases c", "FROM cases c NOT INDEXED", 1), params)
    by_id = {row[0]: row[1] for row in store.db.query("SELECT id, case_no FROM cases")}
    assert sorted(by_id[row[0]] for row in scanned) == sorted([made["gone"], made["gone_too"]])

    assert purge_expired(store.db, CUTOFF).cases == 2
    left = {row[0] for row in store.db.query("SELECT case_no FROM cases")}
    assert left == set(made.values()) - {made["gone"], made["gone_too"]}
    assert purge_expired(store.db, CUTOFF).cases == 0
