"""A small catalog with a 一件事 package and a staged project (issue 16), for the tests of
packages and joint cases."""

from __future__ import annotations

from typing import Any

from clerk_app.core.catalog import Catalog


def item(code: str, department: str, materials: list[str], *, days: int = 5) -> dict[str, Any]:
    return {
        "code": code,
        "name": f"事项{code}",
        "type": "行政许可",
        "department": department,
        "subjects": ["legal_person"],
        "scope": "范围",
        "conditions": "条件",
        "procedure": ["受理", "审查", "决定"],
        "materials": [{"code": m, "name": f"材料{m}", "required": True} for m in materials],
        "time_limit": {"statutory_days": days * 2, "promised_days": days},
        "case_kind": "promised",
        "fees": [{"name": "工本费", "amount_fen": 1000}] if department == "GA" else [],
        "legal_basis": [f"《{department}法》", "《行政许可法》"],
    }


CATALOG = Catalog.from_dict(
    {
        "version": "t-1",
        "departments": [
            {"code": c, "name": f"部门{c}"} for c in ("SJ", "GA", "SW", "FG", "ZR", "ZJ")
        ],
        "items": [
            item("SJ-1", "SJ", ["M1", "M2"]),
            item("GA-1", "GA", ["M1", "M2"]),
            item("SW-1", "SW", ["M1"]),
            item("FG-1", "FG", ["M1"]),
            item("ZR-1", "ZR", ["M1", "M2"]),
            item("ZJ-1", "ZJ", ["M1"]),
            item("ZJ-2", "ZJ", ["M1"]),
        ],
    }
)

OPENING = {
    "code": "PKG-KB",
    "name": "企业开办",
    "kind": "package",
    "lead_department": "SJ",
    "stages": [
        {
            "code": "S1",
            "name": "企业开办",
            "lead_department": "SJ",
            "time_limit_days": 3,
            "review_days": 1,
            "parts": ["SJ-1", "GA-1", "SW-1"],
        }
    ],
    "materials": [
        {
            "code": "P1",
            "name": "营业执照申请书",
            "required": True,
            "uses": [{"item": "SJ-1", "material": "M1"}, {"item": "GA-1", "material": "M1"}],
        },
        {
            "code": "P2",
            "name": "法定代表人身份证",
            "required": True,
            "uses": [
                {"item": "SJ-1", "material": "M2"},
                {"item": "GA-1", "material": "M2"},
                {"item": "SW-1", "material": "M1"},
            ],
        },
    ],
}

PROJECT = {
    "code": "PRJ-GC",
    "name": "工程建设项目",
    "kind": "project",
    "lead_department": "FG",
    "project_types": ["government", "social", "small"],
    "stages": [
        {
            "code": "L1",
            "name": "立项用地规划许可",
            "lead_department": "FG",
            "time_limit_days": 10,
            "review_days": 3,
            "parts": [{"item": "FG-1", "project_types": ["government"]}, "ZR-1"],
        },
        {
            "code": "L2",
            "name": "工程建设许可",
            "lead_department": "ZR",
            "time_limit_days": 15,
            "review_days": 3,
            "parts": ["ZJ-1"],
            "project_types": ["government", "social"],
        },
        {
            "code": "L3",
            "name": "施工许可",
            "lead_department": "ZJ",
            "time_limit_days": 7,
            "review_days": 2,
            "parts": ["ZJ-2"],
        },
    ],
    "materials": [],
}
