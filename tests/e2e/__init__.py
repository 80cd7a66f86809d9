"""End to end: real client processes (python -m clerk_app) against real service processes."""
