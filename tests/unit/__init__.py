"""Unit tests by layer, no widgets: core (pure rules), store (SQLite), remote (HTTP client and
sync), app (use cases), documents (receipts and notices).
"""
