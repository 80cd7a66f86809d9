"""One place where screens hear that cases changed: :class:`CaseHub`.

The desk's writes and the sync worker announce changes here; every screen that shows cases
(worklist, case detail, lookup) listens here, instead of being wired to the sync worker or
to each other by hand. There is one hub per application (:func:`case_hub`); it lives in the
GUI thread, and its signals are emitted there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal


class CaseHub(QObject):
    """Changes of cases, for whoever shows them.

    Signals:
        case_changed(str): this case's record changed (a desk write, a pulled change).
        cases_changed(): cases changed as a whole (a sync round sent, refused or pulled).
        written(str): the desk wrote something for this case: there is something to send.
    """

    case_changed = Signal(str)
    cases_changed = Signal()
    written = Signal(str)

    def announce_write(self, case_no: str) -> None:
        """The desk wrote for ``case_no``: the sync worker wakes, screens reload it."""
        self.written.emit(case_no)
        self.case_changed.emit(case_no)

    def announce_pulled(self, case_nos: tuple[str, ...] | list[str]) -> None:
        """A sync round brought these cases in from the center."""
        for case_no in case_nos:
            self.case_changed.emit(case_no)
        self.cases_changed.emit()


_HUB: CaseHub | None = None


def case_hub() -> CaseHub:
    """The application's hub (made on first use, owned by the QCoreApplication)."""
    global _HUB
    if _HUB is None:
        _HUB = CaseHub(QCoreApplication.instance())
        _HUB.setObjectName("caseHub")
    return _HUB
