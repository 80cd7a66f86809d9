"""A day field (``QDateEdit`` as ``yyyy-MM-dd`` with a calendar) and the ``date`` it holds:
the period fields of the cashier's duplicates, the finance screen and its refund history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


def day_edit(day: date, name: str, parent: QWidget | None = None) -> QDateEdit:
    """A day field showing ``day``, named ``name`` for screen readers."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.setAccessibleName(name)
    return edit


def edit_day(edit: QDateEdit) -> date:
    """The day ``edit`` holds."""
    value = edit.date()
    return date(value.year(), value.month(), value.day())
