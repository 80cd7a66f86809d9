"""Python's cyclic garbage collector runs on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when its
thresholds are reached — often a worker of the background pool or the sync thread. If the
garbage it finds holds a Qt object (a widget of a closed dialog caught in a reference cycle),
that object is then destroyed off the GUI thread, and Qt crashes the process (seen here as a
segmentation fault in "Garbage-collecting" on a worker thread).

As calibre and Anki do (``aqt/main.py``, ``GarbageCollector``), automatic collection is turned
off and the same generational thresholds are checked from a timer on the GUI thread, which
collects there. Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbageCollector(QObject):
    """Collect cyclic garbage on the GUI thread, checked every ``interval_ms``.

    Args:
        parent: the owner (the application object): the checks stop with it.
        interval_ms: how often the generation counts are looked at.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; the objects freed."""
        count0, count1, count2 = gc.get_count()
        freed = 0
        if count0 > self._threshold[0]:
            freed += gc.collect(0)
            if count1 > self._threshold[1]:
                freed += gc.collect(1)
                if count2 > self._threshold[2]:
                    freed += gc.collect(2)
        return freed

    def stop(self) -> None:
        """Stop checking; automatic collection is on again if it was on before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
