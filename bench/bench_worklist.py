"""Worklist over 100,000 local cases (not in CI): ``python -m bench.bench_worklist``.

Each figure is a ratio to a baseline measured in the same run:

- open / filter / search of the lazy Qt model (``WorklistModel``: count + one page, countdown
  in working days, masking) against a plain ``SELECT count(*)`` and ``SELECT`` of the same
  page from the same SQLite file; scroll (one more page) against the plain keyset ``SELECT``;
- resident memory (issue 21), each against a process that shows a bare PySide6 window (and,
  as a second figure, against the same window with one Chinese label: the CJK fonts every
  Chinese UI loads):
  a process that shows the worklist of 100,000 cases (scrolled 5 pages); the same after
  paging down through all 100,000 (the model holds what is on screen and an index of page
  cursors, not every row shown); the real desk: its context (``app.context.build_context``:
  keys, the same 100,000 cases in its keyed SQLCipher file, remote client) and its worklist,
  5 pages read — the pane alone above leaves that context out; the desk's main window on that
  context (catalog, intake form and the other panes a clerk gets; its Worklist tab shown,
  5 pages read); the same desk with no cases
  yet; and a day's work: a desk that took in 400 cases with their documents (receipt PDF and
  slip each, ``app.take_in.take_in_case``) and shows them.

  ``python -m bench.bench_worklist --memory-only`` measures the memory alone.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

# Nothing else at module level: the measured children (``--child``) import this module, and
# the bare window's figure is the baseline (sqlite3, subprocess, tempfile and timeit cost
# ~2 MiB more, loaded where they are used).

EVE = date(2026, 9, 30)
#: A busy window's day: intakes, each with its receipt PDF and slip.
DAY_INTAKES = 400
ROOT = Path(__file__).resolve().parents[1]
DEMO_CATALOG = ROOT / "resources" / "catalog" / "demo_catalog.json"
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


def _pane(store: object, clock: object, calendar: object, context: object | None = None) -> object:
    """The worklist pane of window W01 on ``store`` (a context of what it reads)."""
    from types import SimpleNamespace

    from clerk_app.core.settings import Settings
    from clerk_app.gui.worklist import WorklistPane

    if context is None:
        context = SimpleNamespace(
            backend=SimpleNamespace(store=store, db=store.db),  # type: ignore[attr-defined]
            settings=Settings(),
            clock=clock,
            calendar=calendar,
            provisioning=SimpleNamespace(window_code="W01"),
        )
    pane = WorklistPane(context, None, calendar, None)
    pane.resize(1280, 600)
    pane.show()
    return pane


def _desk(home: Path, day: date) -> object:
    """A real desk context of window W01 in ``home`` (``app.context.build_context``: key,
    keyed SQLCipher file, no service reachable), its clock at 9:30 on ``day``."""
    from datetime import datetime

    from clerk_app.app.context import build_context, demo_provisioning
    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.core.clock import CENTER_TZ, FixedClock
    from clerk_app.paths import Paths

    clock = FixedClock(datetime(day.year, day.month, day.day, 9, 30, tzinfo=CENTER_TZ))
    paths = Paths(home / "data", home / "config", home / "logs", home / "documents").ensure()
    demo = ROOT / "resources" / "provisioning" / "demo-W01.toml"
    context = build_context(demo_provisioning(demo, "http://127.0.0.1:9"), paths, clock=clock)
    context.calendar = WorkCalendar.builtin()
    return context


def desk_home(home: Path, db_path: Path) -> Path:
    """A desk's folders whose keyed database holds the cases of ``db_path`` (copied, then
    encrypted by the desk's first start, as an older plain file is)."""
    import shutil

    (home / "data").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, home / "data" / "clerk.db")
    context = _desk(home, EVE)
    context.close()  # type: ignore[attr-defined]
    return home


def _day_of_work(home: Path, intakes: int) -> object:
    """A real desk context (``app.context.build_context``, no service reachable) that took
    in ``intakes`` cases with their documents, as a clerk's day does (the demo catalog's
    first item, every material received)."""
    import json

    from clerk_app.app.session import Session
    from clerk_app.app.take_in import take_in_case
    from clerk_app.core import intake
    from clerk_app.core.catalog import Catalog

    context = _desk(home, date(2026, 12, 1))
    catalog = Catalog.from_dict(json.loads(DEMO_CATALOG.read_text("utf-8")))
    item = catalog.item("DEMO-GA-001")
    session = Session(
        "demo-clerk", "王敏", ("clerk",), "W01", "公安户籍窗口", "市公安局", None, None
    )
    for n in range(intakes):
        draft = intake.IntakeDraft(
            item_code=item.code,
            applicant=intake.Applicant(
                kind="person",
                name=f"申请人{n}",
                id_type="resident_id",
                id_number="11010519491231002X",
                phone="13800138000",
            ),
            materials=[intake.MaterialReceipt(m.code, received=True) for m in item.materials],
        )
        take_in_case(context, session, draft, item, catalog_version="v1")
    return context


def _desk_window(home: Path) -> tuple[object, object]:
    """The real desk's main window (``gui.main_window.MainWindow``: the catalog, the intake
    form, the worklist and the rest, as a signed-in clerk gets them) on the context of
    :func:`_desk`, the demo catalog loaded, its Worklist tab shown and 5 pages read."""
    import json

    from clerk_app.app.session import Session
    from clerk_app.core.catalog import Catalog
    from clerk_app.gui import services
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.ops import DbWriter

    context = _desk(home, EVE)
    session = Session(
        "demo-clerk", "王敏", ("clerk",), "W01", "公安户籍窗口", "市公安局", None, None
    )
    hooks = services.default_hooks()
    window = MainWindow(
        context,
        session,
        calendar=context.calendar,  # type: ignore[attr-defined]
        take_in=hooks.take_in,
        writer=DbWriter(),
    )
    window.set_catalog(Catalog.from_dict(json.loads(DEMO_CATALOG.read_text("utf-8"))))
    window.resize(1280, 600)
    window.show()
    window.show_worklist_tab()
    model = window.worklist.model  # type: ignore[attr-defined]
    for _ in range(4):
        model.fetchMore(model.index(-1, -1))
    return context, window


def child(kind: str, db_path: str) -> None:
    """Run in a subprocess: show a window, print its resident memory in KiB.

    Kinds: ``bare`` (a bare PySide6 window), ``bare_zh`` (the same with one Chinese label: a
    baseline that loads the CJK fonts the desk must), ``worklist`` (100,000 cases, 5 pages
    read), ``scrolled`` (the same, paged down to the last case), ``desk`` (the real desk:
    ``build_context`` on ``db_path``, a folder made by :func:`desk_home`, and its worklist,
    5 pages read), ``window`` (the same context in the desk's ``MainWindow``, its Worklist
    tab shown, 5 pages read), ``desk_new`` (a real desk context with no cases yet, and its
    worklist), ``day`` (400 intakes with their documents at a fresh desk, then its worklist).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    if kind in ("bare", "bare_zh"):
        widget = QWidget()
        if kind == "bare_zh":  # the fonts any Chinese UI loads (fontconfig, Noto Sans CJK)
            from PySide6.QtWidgets import QLabel, QVBoxLayout

            QVBoxLayout(widget).addWidget(QLabel("待本窗口办理的案件"))
        widget.resize(1280, 600)
        widget.show()
    elif kind == "window":
        context, window = _desk_window(Path(db_path))
        for _ in range(20):
            app.processEvents()
        print(_rss_kib())
        window.close()  # type: ignore[attr-defined]
        context.close()  # type: ignore[attr-defined]
        return
    elif kind == "desk":
        context = _desk(Path(db_path), EVE)
        pane = _pane(None, None, context.calendar, context)  # type: ignore[attr-defined]
        model = pane.model  # type: ignore[attr-defined]
        for _ in range(4):
            model.fetchMore(model.index(-1, -1))
        for _ in range(20):
            app.processEvents()
        print(_rss_kib())
        pane.close()  # type: ignore[attr-defined]
        context.close()  # type: ignore[attr-defined]
        return
    elif kind in ("day", "desk_new"):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            context = _day_of_work(Path(tmp), DAY_INTAKES if kind == "day" else 0)
            pane = _pane(None, None, context.calendar, context)  # type: ignore[attr-defined]
            for _ in range(20):
                app.processEvents()
            print(_rss_kib())
            pane.close()  # type: ignore[attr-defined]
            context.close()  # type: ignore[attr-defined]
        return
    else:
        from datetime import datetime

        from clerk_app.core.calendar import WorkCalendar
        from clerk_app.core.clock import CENTER_TZ, FixedClock
        from clerk_app.store import Database, LocalStore

        clock = FixedClock(datetime(EVE.year, EVE.month, EVE.day, 9, 30, tzinfo=CENTER_TZ))
        store = LocalStore(Database(db_path), clock)
        pane = _pane(store, clock, WorkCalendar.builtin())
        model, view = pane.model, pane.view  # type: ignore[attr-defined]
        for _ in range(4):
            model.fetchMore(model.index(-1, -1))
        if kind == "scrolled":  # page by page to the last case, painting each
            while model.canFetchMore(model.index(-1, -1)):
                view.scrollToBottom()
                app.processEvents()
                model.fetchMore(model.index(-1, -1))
            view.scrollToBottom()
            assert model.rowCount() == model.total, (model.rowCount(), model.total)
    for _ in range(20):
        app.processEvents()
    print(_rss_kib())


def _child_rss(kind: str, db_path: Path) -> int:
    import subprocess

    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_worklist", "--child", kind, str(db_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    return int(out.stdout.strip().splitlines()[-1])


def memory(db_path: Path, count: int) -> None:
    """Resident memory of each kind of process, as a ratio to the bare window."""
    home = desk_home(db_path.parent / "desk", db_path)
    bare = _child_rss("bare", db_path)
    bare_zh = _child_rss("bare_zh", db_path)
    print(
        f"resident memory (bare PySide6 window {bare / 1024:.1f} MiB; goal <= 1.5x;"
        f" the same with one Chinese label {bare_zh / 1024:.1f} MiB):"
    )
    for kind, name in (
        ("worklist", f"worklist pane alone of {count:,} cases"),
        ("scrolled", f"worklist pane alone paged down through {count:,} cases"),
        ("desk", f"the real desk (its context, keyed file) with {count:,} cases, its worklist"),
        ("window", f"the real desk's main window with {count:,} cases, Worklist tab shown"),
        ("desk_new", "a real desk with no cases yet, and its worklist"),
        ("day", f"a day's work ({DAY_INTAKES} intakes with their PDFs) and its worklist"),
    ):
        rss = _child_rss(kind, home if kind in ("desk", "window") else db_path)
        print(
            f"  {name}: {rss / 1024:.1f} MiB; ratio {rss / bare:.2f}"
            f" (to the window with a Chinese label {rss / bare_zh:.2f})"
        )


def main(count: int = 100_000) -> None:
    import sqlite3
    import tempfile

    from bench.timing import best, report

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
        memory(db_path, count)


def prepare(folder: Path, count: int) -> None:
    """The 100,000-case file (``cases.db``) and a desk's folders holding the same cases
    (``desk``), kept in ``folder`` for children run by hand (``--child KIND PATH``)."""
    folder.mkdir(parents=True, exist_ok=True)
    build(folder / "cases.db", count)
    desk_home(folder / "desk", folder / "cases.db")


def memory_only(count: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "clerk.db"
        build(db_path, count)
        memory(db_path, count)


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:  # measured: no argparse in it
    child(*sys.argv[2:4])
elif __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DB"), help="one measured process")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--memory-only", action="store_true", help="the memory figures alone")
    parser.add_argument("--prepare", metavar="DIR", help="make cases.db and desk/ in DIR, stop")
    args = parser.parse_args()
    if args.prepare:
        prepare(Path(args.prepare), args.count)
    elif args.memory_only:
        memory_only(args.count)
    else:
        main(args.count)
