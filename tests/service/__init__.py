"""The records service through its HTTP API, against a real service process (SQLite and
PostgreSQL).
"""
