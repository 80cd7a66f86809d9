"""Exports never hand a spreadsheet a formula: a name like ``=HYPERLINK("x")`` that an
applicant (or anyone typing a user name at the sign-in) chose is written as text, by the
service's audit export (CSV and XLSX) and the dashboard's export (CSV and XLSX)."""

from __future__ import annotations

import csv
import uuid

import pytest
import requests
from openpyxl import load_workbook

from clerk_app.core.spreadsheet import safe_cell
from clerk_app.gui.dashboard.export import write_csv, write_xlsx
from clerk_app.gui.dashboard.models import Kind, Snapshot
from tests.helpers.service_api import TIMEOUT, auth, login
from tests.service.test_cli import cli_ok

pytestmark = pytest.mark.sqlite_only  # what is exported, not how it is stored

FORMULA = '=HYPERLINK("x")'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (FORMULA, "'" + FORMULA),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-12", "-12"),
        ("+3.5", "+3.5"),
        ("-4%", "-4%"),
        ("张三", "张三"),
        ("a=b", "a=b"),
        (42, 42),
        (None, None),
    ],
)
def test_safe_cell_makes_formula_starts_text(value, written) -> None:
    assert safe_cell(value) == written


def test_the_dashboard_export_writes_a_formula_like_name_as_text(tmp_path) -> None:
    table = Snapshot(
        headers=["窗口", "受理"],
        kinds=[Kind.TEXT, Kind.COUNT],
        text=[[FORMULA, "3"], ["-", "0"]],
        values=[[None, 3], [None, 0]],
    )
    xlsx = write_xlsx(tmp_path / "w.xlsx", table)
    sheet = load_workbook(xlsx).active
    cell = sheet.cell(row=2, column=1)
    assert (cell.data_type, cell.value) == ("s", "'" + FORMULA)
    assert sheet.cell(row=2, column=2).value == 3  # numbers stay numbers
    assert sheet.cell(row=3, column=1).value == "'-"
    text = write_csv(tmp_path / "w.csv", table).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[1] == ["'" + FORMULA, "3"]


def test_the_audit_export_writes_a_formula_like_name_as_text(
    shared_records_service, tmp_path
) -> None:
    service = shared_records_service
    assert login(service, username=FORMULA).status_code == 401  # audited with that name
    signed_in = login(service, device_id=f"desk-{uuid.uuid4().hex[:6]}").json()
    event = {
        "id": str(uuid.uuid4()),
        "at": "2026-11-28T10:00:00+08:00",
        "actor": "demo-clerk",
        "action": "reprint",
        "target": "HS-W01-20261128-000001",
        "detail": {"applicant": FORMULA},
    }
    response = requests.post(
        service.url("/audit/client-events"),
        json={"events": [event]},
        headers={**auth(signed_in["device_token"]), "Idempotency-Key": event["id"]},
        timeout=TIMEOUT,
    )
    assert response.status_code == 201, response.text

    out_csv, out_xlsx = tmp_path / "audit.csv", tmp_path / "audit.xlsx"
    cli_ok(["audit", "export", "--out", str(out_csv)], service.database_url)
    cli_ok(["audit", "export", "--out", str(out_xlsx)], service.database_url)
    for path in (out_csv, out_xlsx):
        assert path.stat().st_mode & 0o777 == 0o600

    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    denied = next(r for r in rows if r["action"] == "login" and r["result"] == "denied")
    assert denied["actor"] == "'" + FORMULA
    desk = next(r for r in rows if r["action"] == "client.reprint")
    assert desk["detail"].startswith("{")  # JSON text does not start like a formula

    sheet = load_workbook(out_xlsx).active
    header = [c.value for c in sheet[1]]
    actors = [row[header.index("actor")] for row in sheet.iter_rows(min_row=2)]
    formula_like = [c for c in actors if c.value and FORMULA in c.value]
    assert formula_like and all(
        (c.data_type, c.value) == ("s", "'" + FORMULA) for c in formula_like
    )
