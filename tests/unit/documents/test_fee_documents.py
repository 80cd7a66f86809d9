"""The fee documents (issue 17) written as real PDFs and read back with poppler and zbar:
the payment notice, the fiscal receipt on A4 (three parts) and on the 80 mm roll, the
refund voucher and the daily close — made from the core fee records, as the app will."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import (
    PaymentNotice,
    Receipt,
    Waiver,
    assess,
    notice_total,
    take_payment,
)
from clerk_app.documents import (
    DocumentTexts,
    FiscalReceiptRoll,
    RefundVoucherDoc,
    build_document,
    daily_close_doc,
    fiscal_receipt_doc,
    payment_notice_doc,
)
from tests.helpers.documents import FULL_ID, MASKED_ID, decode_qr, flat, pdf_info, pdf_text
from tests.helpers.documents import render_page as png_of

pytestmark = pytest.mark.usefixtures("qapp")

ROOT = Path(__file__).resolve().parents[3]
ISSUED = datetime(2026, 12, 6, 9, 40, tzinfo=CENTER_TZ)
PAID = datetime(2026, 12, 6, 10, 5, tzinfo=CENTER_TZ)
A4 = "595 x 842 pts (A4)"
VERIFY = "https://pjcy.example.gov.cn/verify?code=13010126&no=0012345678&check=7c1e9a"
CENTER = "衡水市政务服务中心（示例）"


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


def _notice(code: str = "DEMO-ZR-001", waiver: Waiver | None = None, **changes) -> PaymentNotice:
    catalog = Catalog.from_dict(
        json.loads((ROOT / "resources/catalog/demo_catalog.json").read_text("utf-8"))
    )
    item = catalog.item(code)
    assert item is not None
    lines = assess(item)
    values = {
        "id": "6d1c0c64-1c5b-4a53-8f7e-2a9b6a0c1d11",
        "notice_no": "JK-W07-20261206-000012",
        "case_no": "HS-W07-20261206-000031",
        "window_code": "W07",
        "department_code": "ZR",
        "payer_name": "李四",
        "payer_id_type": "resident_id",
        "payer_id_number": FULL_ID,
        "lines": lines,
        "waiver": waiver,
        "total_fen": notice_total(lines, waiver),
        "payment_code": "130100261206000123",
        "issued_at": ISSUED,
        "clerk": "zhao",
    }
    values.update(changes)
    return PaymentNotice(**values)


def _pay(notice: PaymentNotice, receipt: Receipt, method="cash", received=60000, ref=""):
    return take_payment(
        notice,
        payment_id="c3b1f0a2-0000-4000-8000-000000000001",
        method=method,
        received_fen=received,
        reference=ref,
        cashier="qian",
        paid_at=PAID,
        receipt=receipt,
    )[1]


def _write(document, path: Path) -> Path:
    document.write_pdf(path)
    return path


def _pages(path: Path, count: int) -> list[str]:
    return [flat(pdf_text(path, "-f", str(n), "-l", str(n))) for n in range(1, count + 1)]


ELECTRONIC = Receipt("electronic", "13010126", "0012345678", "7c1e9a", VERIFY)
PAPER = Receipt("paper", "冀财准印01", "0000000101")


def _receipt_doc(receipt: Receipt = ELECTRONIC, **payment):
    notice = _notice()
    return fiscal_receipt_doc(
        notice,
        _pay(notice, receipt, **payment),
        center_name=CENTER,
        department_name="市自然资源和规划局",
        cashier_name="钱收款",
    )


# -- 缴款通知书 ------------------------------------------------------------------------------------


def test_payment_notice_lists_fees_basis_total_in_capitals_code_and_place(texts, tmp_path):
    doc = payment_notice_doc(
        _notice(),
        center_name=CENTER,
        department_name="市自然资源和规划局",
        window_name="不动产登记窗口",
        item_name="不动产首次登记（非住宅）",
        clerk_name="赵受理",
    )
    path = _write(build_document(doc, texts), tmp_path / "notice.pdf")
    info, complaints = pdf_info(path)
    assert (info["Pages"], info["Page size"], complaints) == ("2", A4, "")
    payer, department = _pages(path, 2)
    for phrase in (
        "缴款通知书",
        "通知书编号：JK-W07-20261206-000012",
        "执收单位：市自然资源和规划局",
        "缴款人：李四",
        f"居民身份证：{MASKED_ID}",
        "办件编号：HS-W07-20261206-000031",
        "不动产登记费（非住宅，每件）",
        "发改价格规〔2016〕2559号",
        "550.00",
        "不动产权属证书工本费（第二本起每本）",
        "10.00",
        "应缴金额合计（大写）：人民币伍佰陆拾元整",
        "¥560.00",
        "缴款码：130100261206000123",
        "缴款地点：中心一楼收费窗口",
        "经办人：赵受理",
    ):
        assert phrase in payer, phrase
    assert FULL_ID not in payer
    assert "第一联缴款人留存" in payer and "第二联执收单位存档" in department
    assert decode_qr(png_of(path, tmp_path / "notice", dpi=100)) == ["130100261206000123"]


def test_a_notice_made_offline_says_the_code_is_to_come_and_shows_the_waiver(texts, tmp_path):
    notice = _notice(waiver=Waiver("destitute", 30000, approved_by="lead"), payment_code="")
    doc = payment_notice_doc(
        notice,
        center_name=CENTER,
        department_name="市自然资源和规划局",
        window_name="不动产登记窗口",
        item_name="不动产首次登记（非住宅）",
        clerk_name="赵受理",
        reprint=True,
    )
    path = _write(build_document(doc, texts), tmp_path / "notice.pdf")
    text = _pages(path, 1)[0]
    assert "减免（特困）" in text and "-300.00" in text
    assert "人民币贰佰陆拾元整" in text and "¥260.00" in text
    assert "待财政非税收入收缴平台赋码" in text
    assert "副本/REPRINT" in text
    assert decode_qr(png_of(path, tmp_path / "offline", dpi=100)) == []


# -- the fiscal receipt ----------------------------------------------------------------------------


def test_the_a4_receipt_has_its_three_parts_each_with_numbers_items_and_capitals(texts, tmp_path):
    path = _write(build_document(_receipt_doc(), texts), tmp_path / "receipt.pdf")
    info, complaints = pdf_info(path)
    assert (info["Pages"], info["Page size"], complaints) == ("3", A4, "")
    parts = _pages(path, 3)
    for mark, page in zip(("第一联存根", "第二联收据", "第三联记账"), parts, strict=True):
        assert mark in page
        for phrase in (
            "非税收入统一票据（电子）",
            "票据代码：13010126",
            "票据号码：0012345678",
            "交款人：李四",
            "开票日期：2026年12月6日",
            "缴款通知书编号：JK-W07-20261206-000012",
            "DEMO-ZR-001",
            "不动产登记费（非住宅，每件）",
            "金额合计（大写）：人民币伍佰陆拾元整",
            "¥560.00",
            "缴款方式：现金",
            "实收¥600.00，找零¥40.00",
            "执收单位：市自然资源和规划局",
            "收款人：钱收款",
            "校验码：7c1e9a",
        ):
            assert phrase in page, (mark, phrase)
    assert decode_qr(png_of(path, tmp_path / "receipt", dpi=150)) == [VERIFY]


def test_a_paper_receipt_has_no_check_code_nor_qr_and_a_card_its_reference(texts, tmp_path):
    doc = _receipt_doc(PAPER, method="card", received=56000, ref="POS 8812 0042")
    path = _write(build_document(doc, texts), tmp_path / "paper.pdf")
    page = _pages(path, 1)[0]
    assert "非税收入统一票据" in page and "（电子）" not in page
    assert "票据代码：冀财准印01" in page and "票据号码：0000000101" in page
    assert "缴款方式：银行卡" in page and "交易参考号：POS88120042" in page
    assert "校验码" not in page
    assert decode_qr(png_of(path, tmp_path / "paper", dpi=100)) == []


def test_the_roll_receipt_is_80_mm_wide_with_number_capitals_and_verify_qr(texts, tmp_path):
    roll = FiscalReceiptRoll(_receipt_doc())
    path = _write(build_document(roll, texts), tmp_path / "roll.pdf")
    info, complaints = pdf_info(path)
    width = float(re.findall(r"[\d.]+", info["Page size"])[0])
    assert info["Pages"] == "1" and complaints == ""
    assert abs(width - 80 / 25.4 * 72) < 0.5  # 226.77 pt
    text = flat(pdf_text(path))
    for phrase in (
        "第二联收据",
        "票据号码：0012345678",
        "交款人：李四",
        "不动产权属证书工本费（第二本起每本）",
        "合计：¥560.00",
        "大写：伍佰陆拾元整",
        "执收单位：市自然资源和规划局",
        "校验码：7c1e9a",
    ):
        assert phrase in text, phrase
    assert decode_qr(png_of(path, tmp_path / "roll", dpi=150)) == [VERIFY]


# -- refund voucher and daily close ---------------------------------------------------------------


def test_the_refund_voucher_says_amounts_reason_request_and_approval(texts, tmp_path):
    doc = RefundVoucherDoc(
        center_name=CENTER,
        refund_no="TF-20261206-0003",
        department_name="市自然资源和规划局",
        payer_name="李四",
        notice_no="JK-W07-20261206-000012",
        receipt_code="13010126",
        receipt_number="0012345678",
        paid_fen=56000,
        refund_fen=1000,
        method="cash",
        reason="多收不动产权属证书工本费一本",
        requested_by="周科长",
        requested_at=PAID,
        approved_by="吴财务",
        approved_at=PAID.replace(hour=14),
        cashier_name="钱收款",
    )
    path = _write(build_document(doc, texts), tmp_path / "refund.pdf")
    assert pdf_info(path)[0]["Pages"] == "2"
    text = _pages(path, 1)[0]
    for phrase in (
        "非税收入退付凭证",
        "凭证编号：TF-20261206-0003",
        "原票据代码13010126",
        "原票据号码",
        "0012345678",
        "¥560.00",
        "人民币壹拾元整",
        "¥10.00",
        "多收不动产权属证书工本费一本",
        "周科长",
        "吴财务",
        "2026年12月6日14:05",
        "第一联缴款人留存",
    ):
        assert phrase in text, phrase
    with pytest.raises(ValueError):
        replace(doc, refund_fen=56001)


def test_the_daily_close_totals_by_method_and_fee_lists_receipts_and_a_shortfall(texts, tmp_path):
    one = _notice()
    two = _notice(
        "DEMO-ZR-002",
        waiver=Waiver("disability", 8000),
        notice_no="JK-W07-20261206-000013",
        payment_code="",
    )
    three = _notice("DEMO-ZR-002", notice_no="JK-W08-20261206-000002", payment_code="")
    payments = [
        _pay(one, PAPER),
        _pay(two, replace(PAPER, number="0000000103"), received=1000),
        _pay(three, ELECTRONIC, method="qr", received=9000, ref="WX-771"),
    ]
    doc = daily_close_doc(
        payments,
        {n.notice_no: n for n in (one, two, three)},
        center_name=CENTER,
        window_code="S01",
        cashier_name="钱收款",
        day=date(2026, 12, 6),
        department_names={"ZR": "市自然资源和规划局"},
        counted_cash_fen=56950,
        receipts_voided=("冀财准印01 0000000102",),
        deposit_fen=56950,
        deposit_reference="JJ-20261206-88",
        closed_at=PAID.replace(hour=17, minute=35),
    )
    assert (doc.total_fen, doc.expected_cash_fen) == (66000, 57000)
    assert doc.difference == ("short", 50)
    path = _write(build_document(doc, texts), tmp_path / "close.pdf")
    text = flat(pdf_text(path))
    for phrase in (
        "收费日结单",
        "日期：2026年12月6日",
        "收款人：钱收款",
        "现金2570.00",
        "扫码支付190.00",
        "合计3660.00",
        "人民币陆佰陆拾元整",
        "不动产登记费（非住宅，每件）1550.00",
        "不动产登记费（住宅，每件）280.00",
        "不动产权属证书工本费（第二本起每本）330.00",
        "已开具（3份）",
        "冀财准印010000000101",
        "冀财准印010000000103",
        "130101260012345678",
        "已作废（1份）：冀财准印010000000102",
        "¥570.00",
        "¥569.50",
        "短款¥0.50",
        "JJ-20261206-88",
    ):
        assert phrase in text, phrase


def test_every_fee_kind_is_registered_and_has_a_printer_setting():
    from clerk_app.core.provisioning import DOCUMENT_KINDS
    from clerk_app.documents import document_kind

    for code in (
        "payment_notice",
        "fiscal_receipt",
        "fiscal_receipt_roll",
        "refund_voucher",
        "daily_close",
    ):
        assert document_kind(code).code == code
        assert code in DOCUMENT_KINDS


def test_a_receipt_document_needs_the_payments_receipt_and_its_notice():
    notice = _notice()
    unreceipted = take_payment(
        notice, payment_id="p", method="cash", received_fen=56000, cashier="q", paid_at=PAID
    )[1]
    names = {"center_name": CENTER, "department_name": "自然资源", "cashier_name": "钱"}
    with pytest.raises(ValueError, match="no receipt"):
        fiscal_receipt_doc(notice, unreceipted, **names)
    other = replace(notice, notice_no="JK-W07-20261206-000099")
    with pytest.raises(ValueError, match="not of notice"):
        fiscal_receipt_doc(other, _pay(notice, PAPER), **names)
