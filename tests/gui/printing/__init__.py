"""Printing from the desk: case documents, CUPS printing, the guide action (Chinese UI)."""
