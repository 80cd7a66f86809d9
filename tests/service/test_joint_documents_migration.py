"""Migration 0014 (issue 16): the joint documents recorded before it get their joint number
from their part's joint case; a part's own notice and an ordinary case's documents get
none. On SQLite and PostgreSQL, from a database at 0013."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, text

from records_service.migrate import upgrade

NOW = "2026-11-28 01:30:00"
CASE = (
    "INSERT INTO cases (id, case_no, seq, query_code, item_code, window_code,"
    " catalog_version, applicant, materials, disposition, status, received_at,"
    " due_date_provisional, fee_fen, clerk, created_by, created_at, updated_at,"
    " joint_case_no, center_code)"
    " VALUES (:id, :no, 1, '730512', 'DEMO-SJ-001', 'W03', 'v1', '{}', '[]', 'promised',"
    " 'accepted', :now, false, 0, 'demo-clerk-w03', 'demo-clerk-w03', :now, :now, :joint,"
    " 'HS')"
)
DOCUMENT = (
    "INSERT INTO case_documents (id, case_id, kind, document_no, window_code, year, seq,"
    " sha256, reprint, issued_at, clerk, recorded_at, center_code)"
    " VALUES (:id, :case_id, :kind, :no, 'W03', 2026, :seq, :sha, false, :now,"
    " 'demo-clerk-w03', :now, 'HS')"
)


def _url(request: pytest.FixtureRequest, backend: str, tmp_path) -> str:
    if backend == "postgres":
        return request.getfixturevalue("postgres_database")
    return f"sqlite:///{tmp_path / 'records.db'}"


def test_documents_recorded_before_0014_get_their_joint_number(
    request: pytest.FixtureRequest, backend: str, tmp_path
) -> None:
    url = _url(request, backend, tmp_path)
    upgrade(url, "0013")
    engine = create_engine(url)
    joint_no = "HS-W03-20261128-000001"
    documents = [
        ("part", "joint_acceptance"),
        ("part", "completion"),  # the part's own notice
        ("plain", "joint_completion"),  # not a part: nothing to take
    ]
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO departments (code, name) VALUES ('SJ', '市场监管')"))
            conn.execute(
                text(
                    "INSERT INTO windows (code, name, department_code, center_code, settlement)"
                    " VALUES ('W03', '企业登记窗口', 'SJ', 'HS', false)"
                )
            )
            cases = {"part": joint_no, "plain": None}  # a part of the joint case, and not
            for n, (case_id, joint) in enumerate(cases.items(), start=2):
                params: dict[str, Any] = {"id": case_id, "no": f"HS-W03-20261128-00000{n}"}
                conn.execute(text(CASE), {**params, "now": NOW, "joint": joint})
            for seq, (case_id, kind) in enumerate(documents, start=1):
                conn.execute(
                    text(DOCUMENT),
                    {
                        "id": f"doc-{seq}",
                        "case_id": case_id,
                        "kind": kind,
                        "no": f"衡政服联受〔2026〕W03-{seq:04d}号",
                        "seq": seq,
                        "sha": "0" * 64,
                        "now": NOW,
                    },
                )
    finally:
        engine.dispose()
    upgrade(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT id, joint_no FROM case_documents ORDER BY id"))
            assert list(found) == [("doc-1", joint_no), ("doc-2", None), ("doc-3", None)]
    finally:
        engine.dispose()
