"""Worklist over 100,000 local cases (not in CI): ``python -m bench.bench_worklist``.

Each figure is a ratio to a baseline measured in the same run:

- open / filter / search of the lazy Qt model (``WorklistModel``: count + one page, countdown
  in working days, masking) against a plain ``SELECT count(*)`` and ``SELECT`` of the same
  page from the same SQLite file; scroll (one more page) against the plain keyset ``SELECT``;
- resident memory of a process that shows the worklist of 100,000 cases (scrolled 5 pages)
  against a process that shows a bare PySide6 window.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from bench.timing import best, report

EVE = date(2026, 9, 30)
ROOT = Path(__file__).resolve().parents[1]
SELECT = (
    "SELECT case_no, applicant_name, json_extract(applicant_json, '$.id_number'), item_code,"
    " status, received_at, due_date, due_provisional, server_state FROM cases"
)


def build(path: Path, count: int) -> None:
    from clerk_app.core.clock import FixedClock
    from tests.helpers.store import open_store
    from tests.helpers.worklist import at, bulk_cases

    store = open_store(path, FixedClock(at(EVE)))
    bulk_cases(store, count, start=EVE)
    store.db.close()


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def child(kind: str, db_path: str) -> None:
    """Run in a subprocess: show a window, print its resident memory in KiB."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    if kind == "bare":
        widget = QWidget()
        widget.resize(1280, 600)
        widget.show()
    else:
        from types import SimpleNamespace

        from clerk_app.core.calendar import WorkCalendar
        from clerk_app.core.clock import FixedClock
        from clerk_app.core.settings import Settings
        from clerk_app.gui.worklist import WorklistPane
        from clerk_app.store import Database, LocalStore
        from tests.helpers.worklist import at

        clock = FixedClock(at(EVE))
        store = LocalStore(Database(db_path), clock)
        context = SimpleNamespace(
            backend=SimpleNamespace(store=store, db=store.db),
            settings=Settings(),
            clock=clock,
            provisioning=SimpleNamespace(window_code="W01"),
        )
        widget = WorklistPane(context, None, WorkCalendar.builtin(), None)
        widget.resize(1280, 600)
        widget.show()
        for _ in range(4):
            widget.model.fetchMore(widget.model.index(-1, -1))
    for _ in range(20):
        app.processEvents()
    print(_rss_kib())


def _child_rss(kind: str, db_path: Path) -> int:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_worklist", "--child", kind, str(db_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    return int(out.stdout.strip().splitlines()[-1])


def main(count: int = 100_000) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.gui.worklist import WorklistModel
    from clerk_app.store import Database
    from clerk_app.store.worklist import PAGE_SIZE, WorklistFilter, WorklistQuery

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "clerk.db"
        build(db_path, count)
        db = Database(db_path)
        calendar = WorkCalendar.builtin()
        raw = sqlite3.connect(db_path)

        def query() -> WorklistQuery:
            return WorklistQuery(db, "W01", calendar, EVE, 2)

        def plain(where: str = "", params: tuple = (), *, count: bool = True) -> None:
            """The same count and page in plain SQL, rows left as tuples."""
            if count:
                raw.execute(
                    f"SELECT count(*) FROM cases WHERE window_code = 'W01' {where}", params
                ).fetchone()
            raw.execute(
                f"{SELECT} WHERE window_code = 'W01' {where}"
                " ORDER BY received_at DESC, case_no DESC LIMIT ?",
                (*params, PAGE_SIZE),
            ).fetchall()

        print(f"worklist over {count:,} local cases (page of {PAGE_SIZE} rows)")
        baseline = best(plain, number=20)
        report("open (count + first page)", best(lambda: WorklistModel(query), number=20),
               baseline, "plain count + SELECT of the page")  # fmt: skip

        model = WorklistModel(query)
        for _ in range(50):
            model.fetchMore(model.index(-1, -1))
        last = model.row_at(model.rowCount() - 1)
        after = (last.cursor.received_at, last.cursor.received_at, last.case_no)
        keyset = " AND (received_at < ? OR (received_at = ? AND case_no < ?))"
        page_baseline = best(lambda: plain(keyset, after, count=False), number=20)
        q = query()
        report("scroll (page 51)",
               best(lambda: q.page(WorklistFilter(), last.cursor),
                    number=20),
               page_baseline, "plain keyset SELECT")  # fmt: skip

        overdue = WorklistFilter(due="overdue")
        filter_baseline = best(
            lambda: plain(
                "AND status IN ('accepted','in_progress','supplement_requested') AND due_date < ?",
                (EVE.isoformat(),),
            ),
            number=20,
        )
        report("filter overdue (reload)", best(lambda: model.reload(overdue), number=10),
               filter_baseline, "plain count + SELECT of the page")  # fmt: skip

        search = WorklistFilter(search="申请人4242")
        search_baseline = best(
            lambda: plain(
                "AND applicant_name >= ? AND applicant_name < ?",
                ("申请人4242", "申请人4242\U0010ffff"),
            ),
            number=5,
            repeat=3,
        )
        report("search by name (reload)", best(lambda: model.reload(search), number=5, repeat=3),
               search_baseline, "plain count + SELECT of the page")  # fmt: skip
        raw.close()
        db.close()

        bare = _child_rss("bare", db_path)
        shown = _child_rss("worklist", db_path)
        print(
            f"resident memory: worklist of {count:,} cases {shown / 1024:.1f} MiB; "
            f"bare PySide6 window {bare / 1024:.1f} MiB; ratio {shown / bare:.2f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DB"))
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
    else:
        main(args.count)
