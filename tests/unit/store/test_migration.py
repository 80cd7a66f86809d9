"""The worklist migration on a database that already holds cases and outbox rows."""

from __future__ import annotations

from clerk_app.core.clock import FixedClock
from clerk_app.store import Database, LocalStore
from clerk_app.store.schema import MIGRATIONS
from tests.helpers.store import T0, add_case, make_payload


def _worklist_migration() -> int:
    """Index of the migration that added the search columns (not a hard-coded version)."""
    return next(i for i, m in enumerate(MIGRATIONS) if "id_last4" in m)


def test_existing_cases_get_search_columns_and_the_outbox_keeps_every_row(tmp_path):
    path = tmp_path / "clerk.db"
    index = _worklist_migration()
    old = Database(path, migrations=MIGRATIONS[:index])
    store = LocalStore(old, FixedClock(T0))
    payload = make_payload(1)
    payload["applicant"]["id_number"] = "11010519491231002x"
    add_case(store, payload)
    before = store.outbox_rows()
    old.close()

    db = Database(path)
    assert db.user_version == len(MIGRATIONS)
    row = db.query_one("SELECT applicant_name, id_last4, phone FROM cases")
    assert tuple(row) == ("张三", "002X", "13800138000")
    store = LocalStore(db, FixedClock(T0))
    assert store.outbox_rows() == before
    # New cases get the columns from the trigger; the outbox accepts the new state.
    add_case(
        store,
        make_payload(
            2,
            applicant={
                "name": "李四",
                "id_number": "440301199001011234",
                "phone": "13912345678",
                "kind": "person",
                "id_type": "resident_id",
            },
        ),
    )
    rows = db.query("SELECT case_no, applicant_name, id_last4, phone FROM cases ORDER BY case_no")
    assert [tuple(r) for r in rows][1][1:] == ("李四", "1234", "13912345678")
    db.execute("UPDATE outbox SET state = 'voided' WHERE id = ?", (before[0].id,))
    # Ids keep counting up after the rebuild.
    assert store.outbox_rows()[-1].id > before[-1].id
    db.close()
