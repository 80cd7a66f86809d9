"""clerk_app.store: the local SQLite store (writes, journal, recovery, migrations, worklist
queries, parked intakes).
"""
