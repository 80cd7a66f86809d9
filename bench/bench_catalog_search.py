"""Catalog search as the clerk types, on a 550-item catalog.

Baseline: a bare substring filter over item names (the least any search must do).
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
    items = []
    for n in range(size):
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


if __name__ == "__main__":
    main()
