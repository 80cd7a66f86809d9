"""The catalog's pinyin tables do not stay in memory (issue 21): pypinyin's phrase tables
(about 45 MiB) are loaded to make a catalog's search keys and unloaded after, with the
readings of 多音字 right and a later catalog's new names read right too."""

from __future__ import annotations

import json
import sys
import threading
import uuid
from pathlib import Path

from clerk_app.core.catalog import Catalog, _pinyin_keys, _pinyin_lock

DEMO = Path(__file__).resolve().parents[3] / "resources" / "catalog" / "demo_catalog.json"


def _catalog(first_name: str) -> Catalog:
    data = json.loads(DEMO.read_text("utf-8"))
    data["items"][0]["name"] = first_name
    return Catalog.from_dict(data)


def test_search_keys_are_made_and_pypinyin_is_unloaded_after() -> None:
    catalog = _catalog("银行开户证明")
    assert "pypinyin" not in sys.modules
    assert [i.name for i in catalog.search("yhkh")] == ["银行开户证明"]
    # The package list's pinyin (gui.joint_texts) is made with the catalog: the first
    # search does not load the tables again (it took 160 ms, the first key's frame).
    assert catalog.packages and all(_pinyin_keys(p.name)[1] for p in catalog.packages)
    assert "pypinyin" not in sys.modules
    # A later catalog version with a name never seen loads the tables again, reads the
    # phrase right (重庆 chongqing, not zhongqing) and unloads them again.
    later = _catalog("重庆户籍迁入")
    assert "pypinyin" not in sys.modules
    assert [i.name for i in later.search("chongqing")] == ["重庆户籍迁入"]
    assert later.search("zhongqing") == []


class _CountLoads:
    """A finder that counts how often ``pypinyin`` is imported (loaded, not looked up in
    ``sys.modules``) and lets the ordinary finders load it."""

    def __init__(self) -> None:
        self.loads = 0

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pypinyin":
            self.loads += 1
        return None


def _new_names_catalog() -> Catalog:
    """The demo catalog with an item name and a package name no catalog had before."""
    fresh = uuid.uuid4().hex[:8]
    data = json.loads(DEMO.read_text("utf-8"))
    data["items"][0]["name"] = f"新事项{fresh}"
    data["packages"][0]["name"] = f"新一件事{fresh}"
    return Catalog.from_dict(data)


def test_a_catalog_loads_pypinyin_once_for_its_items_and_packages() -> None:
    # Twice (items, then packages: ~0.2 s each, holding the GIL while the tables
    # unmarshal) stalled the GUI thread during the catalog load at sign-in.
    counter = _CountLoads()
    sys.meta_path.insert(0, counter)
    try:
        catalog = _new_names_catalog()
    finally:
        sys.meta_path.remove(counter)
    assert counter.loads == 1
    assert "pypinyin" not in sys.modules
    fresh = catalog.items[0].name.removeprefix("新事项")
    assert [p.name for _s, p in catalog.search_packages(f"xyjs{fresh}")] == [f"新一件事{fresh}"]


def test_a_search_needs_neither_pypinyin_nor_the_lock_a_worker_holds() -> None:
    catalog = _catalog("银行开户证明")
    # A worker thread building the next catalog version holds the pinyin lock (and may be
    # loading pypinyin) while the clerk types: the search uses the catalog's own keys.
    holding, done = threading.Event(), threading.Event()

    def worker() -> None:
        with _pinyin_lock:
            holding.set()
            done.wait(30)

    found: dict[str, list[str]] = {}

    def clerk() -> None:
        found["items"] = [i.name for i in catalog.search("yhkh")]
        found["packages"] = [p.code for _s, p in catalog.search_packages("qykb")]
        found["by code"] = [p.code for _s, p in catalog.search_packages("prj-gcjs")]

    holder = threading.Thread(target=worker)
    holder.start()
    try:
        assert holding.wait(10)
        searcher = threading.Thread(target=clerk)
        searcher.start()
        searcher.join(10)
        assert not searcher.is_alive(), "the search waited for the pinyin lock"
    finally:
        done.set()
        holder.join(10)
    assert found == {
        "items": ["银行开户证明"],
        "packages": ["DEMO-PKG-QYKB"],
        "by code": ["DEMO-PRJ-GCJS"],
    }
    assert "pypinyin" not in sys.modules
