"""Benchmarks: each prints a ratio against a baseline measured in the same run.

Run with ``make bench`` (never in CI). Absolute times on a shared machine mean little;
the ratio to a baseline of the same run is what to compare between commits.
"""
