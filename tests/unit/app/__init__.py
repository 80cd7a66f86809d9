"""The desk's use cases (clerk_app.app) without widgets, on a real SQLite store and, where they
sync, a real service.
"""
