"""clerk_app.core: pure rules (calendar, catalog, numbering, identity, lifecycle, settings)."""
