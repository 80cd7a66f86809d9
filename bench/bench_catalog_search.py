"""Catalog search as the clerk types, on a 550-item catalog.

1. ``Catalog.search`` alone; baseline: a bare substring filter over item names.
2. Keystroke to results through the real ``CatalogPane`` (a key press into the search
   line until the list shows the new rows, pinyin included); baseline: a bare
   ``QLineEdit`` + ``QListView`` over a ``QStringListModel`` filtered by substring over
   the same precomputed keys (name, code, pinyin), without ranking or two-line rows. The
   budget is one frame (16.7 ms at 60 Hz).
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.timing import best, report
from clerk_app.core.catalog import Catalog

DEMO = Path(__file__).parents[1] / "resources" / "catalog" / "demo_catalog.json"


def center_sized_catalog(size: int = 550) -> Catalog:
    """The demo catalog repeated (with fresh codes) up to ``size`` items."""
    data = json.loads(DEMO.read_text("utf-8"))
    base = data["items"]
    items = list(base)  # the demo's own codes stay: its packages name them
    for n in range(len(base), size):
        item = dict(base[n % len(base)])
        item["code"] = f"{item['code']}-{n:04d}"
        items.append(item)
    data["items"] = items
    return Catalog.from_dict(data)


def main() -> None:
    catalog = center_sized_catalog()
    names = [item.name for item in catalog.items]
    queries = ["身份", "DEMO-GA", "许可", "市场监督", "zzz"]

    def search() -> None:
        for q in queries:
            catalog.search(q)

    def baseline() -> None:
        for q in queries:
            [n for n in names if q in n]

    report(
        "catalog.search x5 (550 items)",
        best(search, number=50),
        best(baseline, number=50),
        "substring over names",
    )
    keystrokes(catalog)


#: What a clerk types, key by key (pinyin initials, full pinyin, an item code).
TYPED = ("sfz", "shenfenzheng", "DEMO-GA-01", "jdc")


def keystrokes(catalog: Catalog) -> None:
    """Keystroke-to-results through the real pane, against a bare list filter."""
    import os
    import statistics
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStringListModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QVBoxLayout, QWidget

    from clerk_app.gui.catalog_pane import CatalogPane

    app = QApplication.instance() or QApplication([])
    pane = CatalogPane()
    pane.resize(330, 800)
    pane.set_catalog(catalog)
    pane.show()

    names = [item.name for item in catalog.items]
    # The bare filter looks at the same keys (name, code, pinyin) as plain substrings, so
    # both lists show rows for the same keystrokes.
    keys = [
        f"{k.name} {k.code} {k.name_pinyin[0]} {k.name_pinyin[1]}" for k in catalog._search_keys
    ]
    bare = QWidget()
    line = QLineEdit(bare)
    view = QListView(bare)
    model = QStringListModel(names, bare)
    view.setModel(model)
    layout = QVBoxLayout(bare)
    layout.addWidget(line)
    layout.addWidget(view)
    line.textChanged.connect(
        lambda text: model.setStringList(
            [n for n, k in zip(names, keys, strict=True) if text.casefold() in k]
        )
    )
    bare.resize(330, 800)
    bare.show()
    app.processEvents()

    def per_key(edit: QLineEdit, widget: QWidget) -> list[float]:
        times = []
        for word in TYPED:
            edit.clear()
            app.processEvents()
            for ch in word:
                start = time.perf_counter()
                QTest.keyClicks(edit, ch)
                widget.grab()  # the list painted with the new rows (rendered for sure)
                times.append(time.perf_counter() - start)
        return times

    pane_times: list[float] = []
    bare_times: list[float] = []
    for _round in range(5):
        pane_times += per_key(pane.search, pane)
        bare_times += per_key(line, bare)
    ours, theirs = statistics.median(pane_times), statistics.median(bare_times)
    worst = max(pane_times)
    report("keystroke to results, CatalogPane (median)", ours, theirs, "bare QListView filter")
    print(
        f"  worst keystroke {worst * 1e3:.1f} ms (one frame = 16.7 ms); "
        f"{len(pane_times)} keystrokes"
    )
    pane.close()
    bare.close()


if __name__ == "__main__":
    main()
