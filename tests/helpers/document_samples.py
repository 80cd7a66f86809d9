"""Realistic data for every document kind (tests and the README pictures)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clerk_app.core.catalog import Catalog, Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import (
    CompletionNotice,
    CorrectionNotice,
    DeferredNotice,
    FeeNotice,
    ForwardedNotice,
    ReceiptSlip,
    RefusalNotice,
    ServiceGuide,
    SupplementNotice,
    VoidNotice,
)
from tests.helpers.documents import FULL_ID

ROOT = Path(__file__).resolve().parents[2]
RECEIVED = datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ)
ISSUED = datetime(2026, 11, 28, 9, 42, tzinfo=CENTER_TZ)


def demo_item(code: str = "DEMO-GA-001") -> Item:
    data = json.loads((ROOT / "resources/catalog/demo_catalog.json").read_text("utf-8"))
    item = Catalog.from_dict(data).item(code)
    assert item is not None
    return item


def base(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "center_name": "衡水市政务服务中心（示例）",
        "department_name": "市公安局",
        "window_code": "W01",
        "window_name": "公安户籍窗口",
        "case_no": "HS-W01-20261128-000001",
        "query_code": "482913",
        "progress_url": "https://zwfw.example.gov.cn/progress",
        "applicant_name": "张三",
        "applicant_id_type": "resident_id",
        "applicant_id_number": FULL_ID,
        "item_code": "11131100000000000X-XK-0001",
        "item_name": "居民身份证换领",
        "received_at": RECEIVED,
        "issued_at": ISSUED,
        "clerk_name": "王敏",
    }
    values.update(changes)
    return values


def supplement(**changes: Any) -> SupplementNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服补〔2026〕W01-0002号",
        missing=(
            ("居民户口簿", "原件，须为本人所在户的最新户口簿，核验后退还"),
            ("近期免冠彩色照片（二寸）", "2张，白色背景，6个月内拍摄"),
            ("原居民身份证", "原件及正反面复印件各1份（A4纸）"),
        ),
    )
    return SupplementNotice(**{**base(), **fields, **changes})


def deferred(**changes: Any) -> DeferredNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服容〔2026〕W01-0003号",
        deferred=(("婚姻状况证明", "原件1份，民政部门出具"),),
        supply_by=date(2026, 12, 4),
        due_date=date(2026, 12, 7),
        promised_days=5,
    )
    return DeferredNotice(**{**base(), **fields, **changes})


def refusal(**changes: Any) -> RefusalNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服不受〔2026〕W01-0004号",
        reasons=("申请事项依法不属于本机关职权范围，应向户籍所在地公安机关申请。",),
        legal_basis=(
            "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            "《中华人民共和国居民身份证法》第八条",
        ),
    )
    return RefusalNotice(**{**base(), **fields, **changes})


def forwarded(**changes: Any) -> ForwardedNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服报〔2026〕W01-0005号",
        authority="河北省公安厅",
        forwarded_on=date(2026, 11, 30),
        expected_by=date(2026, 12, 25),
        note="上级机关要求补充材料的，本机关将一次性告知。",
    )
    return ForwardedNotice(**{**base(), **fields, **changes})


def completion(**changes: Any) -> CompletionNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服结〔2026〕W01-0006号",
        result="准予办理",
        completed_on=date(2026, 12, 7),
        pickup_items=("居民身份证（新证）",),
        bring=("本通知书", "原居民身份证（交回）"),
    )
    return CompletionNotice(**{**base(), **fields, **changes})


def fee(**changes: Any) -> FeeNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服费〔2026〕W01-0007号",
        fees=(
            ("居民身份证工本费", 2000, "国家发展改革委、财政部 发改价格〔2003〕2322号"),
            ("临时居民身份证工本费", 1000, "国家发展改革委、财政部 发改价格〔2005〕436号"),
            ("邮寄费", 1250, "自愿选择，按邮政快递协议价"),
        ),
    )
    return FeeNotice(**{**base(), **fields, **changes})


def void(**changes: Any) -> VoidNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服废〔2026〕W01-0008号",
        voided_at=datetime(2026, 11, 28, 10, 5, tzinfo=CENTER_TZ),
        reason="误选办理事项（应为“居民身份证首次申领”），本办件作废后重新受理。",
        voided_documents=("衡政服受〔2026〕W01-0001号",),
    )
    return VoidNotice(**{**base(), **fields, **changes})


def correction(**changes: Any) -> CorrectionNotice:
    fields: dict[str, Any] = dict(
        document_no="衡政服更〔2026〕W01-0009号",
        corrected_document_no="衡政服受〔2026〕W01-0001号",
        corrections=(("申请人姓名", "张山", "张三"), ("联系电话", "138****8001", "138****8000")),
        reason="录入错误",
    )
    return CorrectionNotice(**{**base(), **fields, **changes})


def guide(item: Item | None = None) -> ServiceGuide:
    return ServiceGuide(
        center_name="衡水市政务服务中心（示例）",
        department_name="市公安局",
        item=item or demo_item(),
        printed_at=ISSUED,
        window_code="W01",
        window_name="公安户籍窗口",
        progress_url="https://zwfw.example.gov.cn/progress",
    )


def slip(**changes: Any) -> ReceiptSlip:
    data = ReceiptSlip(
        center_name="衡水市政务服务中心（示例）",
        window_code="W01",
        window_name="公安户籍窗口",
        case_no="HS-W01-20261128-000001",
        query_code="482913",
        progress_url="https://zwfw.example.gov.cn/progress",
        item_name="居民身份证换领",
        received_at=RECEIVED,
        due_date=date(2026, 12, 7),
        clerk_name="王敏",
    )
    return replace(data, **changes)


FORMAL = {
    "supplement": supplement,
    "deferred": deferred,
    "refusal": refusal,
    "forwarded": forwarded,
    "completion": completion,
    "fee": fee,
    "void": void,
    "correction": correction,
}
