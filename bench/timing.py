"""Small timing helper: best of several repeats, as timeit recommends."""

from __future__ import annotations

import timeit
from collections.abc import Callable


def best(fn: Callable[[], object], *, number: int, repeat: int = 5) -> float:
    """Seconds per call of ``fn``: the best of ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def report(name: str, measured: float, baseline: float, baseline_name: str) -> None:
    print(
        f"{name}: {measured * 1e6:9.1f} us/op; baseline ({baseline_name}) "
        f"{baseline * 1e6:9.1f} us/op; ratio {measured / baseline:6.2f}"
    )
