"""Offline behaviour seen in the widgets (Chinese UI)."""
