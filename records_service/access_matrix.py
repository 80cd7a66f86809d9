"""The table of routes × callers in SECURITY.md, made from the app's routes and ``reach``.

``python -m records_service.access_matrix`` prints it; tests/security/test_matrix.py checks
that SECURITY.md holds exactly this table and that the running service answers by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from records_service import API_PREFIX, reach

#: Where the table starts and ends in SECURITY.md.
BEGIN = "<!-- access-matrix:begin (python -m records_service.access_matrix) -->"
END = "<!-- access-matrix:end -->"
YES, NO, ANYONE = "✓", "·", "anyone"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str  # without the /api/v1 prefix

    @property
    def public(self) -> bool:
        return self.operation_id in reach.PUBLIC_ROUTES


def operations(openapi: dict[str, Any]) -> list[Operation]:
    """Every operation of an OpenAPI document, in its order."""
    found = []
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            found.append(
                Operation(operation["operationId"], method.upper(), path.removeprefix(API_PREFIX))
            )
    return found


def table(ops: list[Operation]) -> str:
    """The markdown table: one row per operation, one column per caller."""
    head = "| route | " + " | ".join(reach.CALLERS) + " |"
    rule = "|---|" + "---|" * len(reach.CALLERS)
    rows = [head, rule]
    for op in ops:
        if op.public:
            cells = [ANYONE] * len(reach.CALLERS)
        else:
            allowed = reach.ROUTES.get(op.operation_id, frozenset())
            cells = [YES if c in allowed else NO for c in reach.CALLERS]
        rows.append(f"| `{op.method} {op.path}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def parse(markdown: str) -> dict[tuple[str, str], dict[str, str]]:
    """The table between :data:`BEGIN` and :data:`END` of ``markdown``:
    ``{(method, path): {caller: cell}}``."""
    body = markdown.split(BEGIN, 1)[1].split(END, 1)[0]
    lines = [line.strip() for line in body.strip().splitlines() if line.strip().startswith("|")]
    callers = [c.strip() for c in lines[0].strip("|").split("|")][1:]
    result = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        method, path = cells[0].strip("`").split(" ", 1)
        result[(method, path)] = dict(zip(callers, cells[1:], strict=True))
    return result


def _app_openapi() -> dict[str, Any]:
    from records_service.app import create_app
    from records_service.db import Database
    from records_service.settings import Settings

    settings = Settings(database_url="sqlite://")
    return create_app(settings, database=Database(settings.database_url)).openapi()


def main() -> None:
    print(BEGIN)
    print(table(operations(_app_openapi())))
    print(END)


if __name__ == "__main__":
    main()
