"""Run every benchmark: ``python -m bench``."""

from __future__ import annotations

from bench import bench_catalog_search, bench_local_store


def main() -> None:
    for module in (bench_catalog_search, bench_local_store):
        module.main()


if __name__ == "__main__":
    main()
