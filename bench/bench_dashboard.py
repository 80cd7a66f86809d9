"""Shift lead dashboard refresh over 1,000,000 cases (not in CI):
``python -m bench.bench_dashboard [--cases N] [--backends sqlite,postgres]``.

One refresh is what the dashboard does when the lead presses F5 on the Workload tab: the
``GET /workload`` of a month over HTTP (a records service in this process, real TCP on
127.0.0.1) and the figures put into the table model the lead sees. It is reported as a
ratio to the raw indexed ``SELECT window_code, status, count(*) ... GROUP BY`` over the same
rows of the same database, in the same run. The cases are generated the way
``bench.bench_service`` generates them (a month, six windows, mixed statuses).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text

from bench.bench_service import (
    _FILL_POSTGRES,
    _FILL_SQLITE,
    RAW_GROUP_BY,
    _new_database,
    _postgres,
)

START = datetime(2026, 3, 1, tzinfo=UTC)
END = START + timedelta(days=30)
#: The service's clock: 20 March 2026, 10:00 in Beijing.
NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench(backend: str, url: str, count: int, repeat: int) -> tuple[float, float]:
    from PySide6.QtCore import QCoreApplication

    from clerk_app.gui.dashboard.models import TotalLastProxy, WorkloadModel, snapshot
    from clerk_app.remote.api import ApiClient
    from tests.helpers.local_service import Clock, local_service
    from tests.helpers.service import build_demo_database

    app = QCoreApplication.instance() or QCoreApplication([])
    build_demo_database(url)
    engine = create_engine(url)
    started = time.perf_counter()
    with engine.begin() as conn:
        stamp = START.strftime("%Y-%m-%d %H:%M:%S") if backend == "sqlite" else START.isoformat()
        fill = _FILL_SQLITE if backend == "sqlite" else _FILL_POSTGRES
        conn.execute(text(fill), {"count": count, "start": stamp})
        conn.execute(text("ANALYZE"))
    print(f"  ({backend}: {count:,} cases generated in {time.perf_counter() - started:.1f} s)")
    bounds: dict[str, object] = {"start": START, "end": END}
    if backend == "sqlite":
        bounds = {
            k: v.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")  # type: ignore[union-attr]
            for k, v in bounds.items()
        }

    def raw() -> None:
        with engine.connect() as conn:
            conn.execute(text(RAW_GROUP_BY), bounds).all()

    with local_service(url, Clock(NOW)) as service:
        api = ApiClient(service.base_url, timeout=(5, 600))
        token = service.token("demo-admin", window_code=None)
        model = WorkloadModel()
        proxy = TotalLastProxy()
        proxy.setSourceModel(model)
        first, last = START.date(), (END - timedelta(days=1)).date()

        def refresh() -> None:
            model.set_figures(api.workload(token, first, last, "window"))
            proxy.sort(0)
            snapshot(proxy, model.columns)

        refresh()
        raw()
        ours_s = min(_timed(refresh) for _ in range(repeat))
        raw_s = min(_timed(raw) for _ in range(repeat))
        shown = snapshot(proxy, model.columns)
        total = shown.text[-1][shown.headers.index("Received")]
        print(
            f"dashboard refresh {backend:8} {count:,} cases (total received {total}): "
            f"{ours_s * 1000:8.1f} ms | raw indexed GROUP BY {raw_s * 1000:8.1f} ms | "
            f"ratio {ours_s / raw_s:5.2f}"
        )
        api.close()
    engine.dispose()
    del app
    return ours_s, raw_s


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-dashboard-"))
    try:
        with _postgres() as pg:
            for backend in args.backends.split(","):
                if backend == "postgres" and pg is None:
                    print("postgres: no server (set CLERK_TEST_POSTGRES_URL or run as root)")
                    continue
                server = pg if backend == "postgres" else None
                bench(backend, _new_database(server, folder, "dashboard"), args.cases, args.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
