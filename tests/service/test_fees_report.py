"""The period report over 100,000 payments (issue 17) equals the sums computed in plain
Python, to the fen, by department, item and method; its CSV and XLSX carry the same
figures. The payments are bulk-inserted into the database (not sent through the API), in
2025, apart from every other test's payments. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import random
import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, insert

from records_service.models import Payment, PaymentLine, PaymentNotice
from tests.helpers.fees_api import finance, get

COUNT = 100_000
DEPARTMENTS = ["GA", "SJ", "RS", "ZJ", "MZ"]
ITEMS = ["GA-001", "GA-002", "SJ-010", "RS-100", "ZJ-200", "MZ-300"]
METHODS = ["cash", "card", "qr"]
PERIOD = {"from": "2025-01-01", "to": "2025-12-31"}


@pytest.fixture(scope="module")
def bulk(package_service) -> dict:
    """100,000 payments (one or two lines each) of 2025, and what they add up to."""
    rng = random.Random(17)
    engine = create_engine(package_service.database_url)
    notice_id = str(uuid.uuid4())
    tag = uuid.uuid4().hex[:8]
    payments, lines = [], []
    sums: dict[str, Counter] = {"department": Counter(), "method": Counter(), "item": Counter()}
    counts: dict[str, Counter] = defaultdict(Counter)
    start = datetime(2025, 1, 1, 1, 0, tzinfo=UTC)
    for i in range(COUNT):
        parts = [rng.randint(1, 5_000_000) for _ in range(rng.choice((1, 2)))]
        amount = sum(parts)
        department, method = rng.choice(DEPARTMENTS), rng.choice(METHODS)
        at = start + timedelta(minutes=5 * i)  # 100,000 × 5 min: within 2025
        pid = f"{tag}-{i:08d}"
        payments.append(
            {
                "id": pid,
                "notice_id": notice_id,
                "notice_no": f"BULK-{tag}-{i}",
                "department_code": department,
                "method": method,
                "amount_fen": amount,
                "received_fen": amount,
                "change_fen": 0,
                "refunded_fen": 0,
                "reference": "",
                "cashier": "bulk-cashier",
                "window_code": "S01",
                "paid_at": at,
                "day": (at + timedelta(hours=8)).date(),
            }
        )
        for fen in parts:
            item = rng.choice(ITEMS)
            lines.append(
                {"payment_id": pid, "item_code": item, "fee_name": "费", "amount_fen": fen}
            )
            sums["item"][item] += fen
            counts["item"][item] += 1
        sums["department"][department] += amount
        sums["method"][method] += amount
        counts["department"][department] += 1
        counts["method"][method] += 1
    notice = {
        "id": notice_id,
        "notice_no": f"JK-S01-20250101-{tag[:6]}",
        "window_code": "S01",
        "department_code": "JS",
        "center_code": "HS",
        "payer": {"name": "批量"},
        "lines": [],
        "total_fen": 0,
        "status": "paid",
        "clerk": "bulk",
        "issued_at": start,
        "created_by": "bulk",
        "cancel_reason": "",
    }
    with engine.begin() as connection:
        connection.execute(insert(PaymentNotice), [notice])
        for chunk in range(0, COUNT, 20_000):
            connection.execute(insert(Payment), payments[chunk : chunk + 20_000])
        for chunk in range(0, len(lines), 20_000):
            connection.execute(insert(PaymentLine), lines[chunk : chunk + 20_000])
    engine.dispose()
    assert max(p["day"] for p in payments) <= date(2025, 12, 31)
    return {"sums": sums, "counts": counts, "total": sum(p["amount_fen"] for p in payments)}


@pytest.mark.parametrize("group", ["department", "item", "method"])
def test_the_report_equals_plain_python_to_the_fen(service, bulk, group: str) -> None:
    answer = get(service, "/fees/report", finance(service), group=group, **PERIOD)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["count"] == COUNT
    assert report["amount_fen"] == bulk["total"]
    assert {r["key"]: r["amount_fen"] for r in report["rows"]} == dict(bulk["sums"][group])
    assert {r["key"]: r["count"] for r in report["rows"]} == dict(bulk["counts"][group])
    if group == "department":
        names = {r["key"]: r["name"] for r in report["rows"]}
        assert names["GA"] == "市公安局"


def test_the_csv_and_xlsx_carry_the_same_figures(service, bulk) -> None:
    token = finance(service)
    text = get(service, "/fees/report", token, group="method", format="csv", **PERIOD)
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    assert rows[0] == ["key", "name", "count", "amount_fen", "refunded_fen"]
    assert {r[0]: int(r[3]) for r in rows[1:-1]} == dict(bulk["sums"]["method"])
    assert rows[-1][0] == "total" and int(rows[-1][3]) == bulk["total"]
    sheet = get(service, "/fees/report", token, group="method", format="xlsx", **PERIOD)
    assert sheet.status_code == 200
    book = load_workbook(io.BytesIO(sheet.content))
    values = list(book.active.iter_rows(values_only=True))
    assert values[-1][3] == bulk["total"]  # a number, not text


def test_a_period_longer_than_400_days_is_refused(service) -> None:
    answer = get(
        service, "/fees/report", finance(service), **{"from": "2024-01-01", "to": "2025-12-31"}
    )
    assert answer.status_code == 422
