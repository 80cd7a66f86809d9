"""The catalog's pinyin tables do not stay in memory (issue 21): pypinyin's phrase tables
(about 45 MiB) are loaded to make a catalog's search keys and unloaded after, with the
readings of 多音字 right and a later catalog's new names read right too."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from clerk_app.core.catalog import Catalog, _pinyin_keys

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
