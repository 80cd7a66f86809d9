"""Cyclic garbage is collected on the GUI thread, by the timer, not by Python at random."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject

from clerk_app.gui.gc_guard import GarbageCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_the_collector_turns_automatic_collection_off_and_frees_cycles_itself(qapp) -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    owner = QObject()
    collector = GarbageCollector(owner, interval_ms=60_000)
    try:
        assert not gc.isenabled()
        gc.collect()
        cycle = _cycle()
        # Enough new objects to pass the youngest generation's threshold.
        keep = [_Node() for _ in range(gc.get_threshold()[0] + 10)]
        assert cycle() is not None, "nothing may collect while the timer has not fired"
        assert collector.check() > 0
        assert cycle() is None
        del keep
    finally:
        collector.stop()
        assert gc.isenabled()
        if not was_enabled:
            gc.disable()


def test_below_the_threshold_nothing_is_collected(qapp) -> None:
    owner = QObject()
    collector = GarbageCollector(owner, interval_ms=60_000)
    try:
        gc.collect()
        cycle = _cycle()
        assert collector.check() == 0
        assert cycle() is not None
    finally:
        collector.stop()
        gc.collect()
