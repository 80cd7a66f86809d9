"""The lead's dashboard: figures, roles, routing and screenshots, against a real service."""
