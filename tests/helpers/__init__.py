"""Shared test code: fixtures (registered as plugins or imported by a folder's conftest) and
helpers. The only test package other folders may import.
"""
