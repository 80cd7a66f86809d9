"""The acceptance receipt written as a real PDF, read back with poppler and zbar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk_app.documents import DocumentTexts, build_receipt
from tests.helpers.documents import (
    FULL_ID,
    MASKED_ID,
    decode_qr,
    flat,
    pdf_fonts,
    pdf_info,
    pdf_text,
    receipt,
    render_page,
)

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


@pytest.fixture(scope="module")
def receipt_pdf(qapp, tmp_path_factory, texts) -> Path:
    path = tmp_path_factory.mktemp("receipt") / "HS-W01-20261128-000001-acceptance.pdf"
    build_receipt(receipt(), texts).write_pdf(path)
    return path


def test_receipt_text_shows_title_case_number_query_code_item_and_due_date(receipt_pdf):
    text = flat(pdf_text(receipt_pdf))
    assert "受理通知书" in text
    assert "HS-W01-20261128-000001" in text
    assert "查询码：482913" in text
    assert "《居民身份证换领》" in text
    assert "承诺办结时限：5个工作日，预计办结日期：2026年12月7日。" in text
    assert "（暂定）" not in text


def test_receipt_shows_center_department_applicant_clerk_window_and_time(receipt_pdf):
    text = flat(pdf_text(receipt_pdf))
    assert "衡水市政务服务中心（示例）" in text
    assert "市公安局" in text
    assert "衡公受〔2026〕W01-0001号" in text
    assert "申请人：张三" in text
    assert "受理人：王敏" in text
    assert "受理窗口：W01公安户籍窗口" in text
    assert "受理时间：2026年11月28日09:30" in text
    assert "（盖章）" in text
    assert "咨询电话：0318-5550100" in text
    assert "监督投诉电话：12345" in text


def test_receipt_cites_article_32_in_the_formal_acceptance_sentence(receipt_pdf):
    text = flat(pdf_text(receipt_pdf))
    assert (
        "你（单位）于2026年11月28日提交的《居民身份证换领》申请材料收悉。经审查，申请材料"
        "齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。"
    ) in text


def test_receipt_prints_the_id_number_masked_never_whole(receipt_pdf):
    text = flat(pdf_text(receipt_pdf))
    assert f"居民身份证：{MASKED_ID}" in text
    assert FULL_ID not in text
    assert FULL_ID not in receipt_pdf.read_bytes().decode("latin-1")


def test_receipt_lists_materials_received_with_form_and_copies(receipt_pdf):
    lines = [line.strip() for line in pdf_text(receipt_pdf, "-layout").splitlines()]
    rows = [line.split() for line in lines if line[:1].isdigit() and len(line.split()) == 4]
    assert rows == [
        ["1", "居民户口簿", "原件", "1"],
        ["2", "近期免冠彩色照片（二寸）", "原件", "2"],
        ["3", "原居民身份证", "原件及复印件", "1"],
    ]


def test_receipt_embeds_a_cjk_font_with_a_unicode_map(receipt_pdf):
    fonts = pdf_fonts(receipt_pdf)
    cjk = [f for f in fonts if "CJK" in f["name"]]
    assert cjk, fonts
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts), fonts
    assert not [f for f in fonts if "Type 3" in f["type"]], fonts


def test_receipt_text_is_extracted_as_the_characters_printed(receipt_pdf):
    # Qt maps a glyph shared by 人 and the radical ⼈ to the radical; the repaired text
    # map gives the characters the notice really contains.
    text = pdf_text(receipt_pdf)
    assert "中华人民共和国行政许可法" in text
    assert "居民户口簿" in text
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF]
    assert "\t" not in text


def test_receipt_is_one_a4_page_that_poppler_reads_without_complaint(receipt_pdf):
    info, complaints = pdf_info(receipt_pdf)
    assert complaints == ""
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("595 x 842")  # A4 in points
    assert info["Title"] == "受理通知书 HS-W01-20261128-000001"


def test_receipt_qr_code_opens_progress_page_with_case_number_and_query_code(receipt_pdf, tmp_path):
    png = render_page(receipt_pdf, tmp_path / "page1", dpi=150)
    # For a person to look at the layout: pytest keeps it in its temporary folder
    # (/tmp/pytest-of-<user>/pytest-<n>/…/page1.png), removed with the older runs.
    assert decode_qr(png) == [
        "https://zwfw.example.gov.cn/progress?case=HS-W01-20261128-000001&code=482913"
    ]


def test_receipt_qr_code_still_decodes_at_low_resolution(receipt_pdf, tmp_path):
    png = render_page(receipt_pdf, tmp_path / "low", dpi=72)
    assert decode_qr(png) == [
        "https://zwfw.example.gov.cn/progress?case=HS-W01-20261128-000001&code=482913"
    ]


def test_receipt_without_progress_address_qr_carries_case_number_and_query_code(texts, tmp_path):
    path = tmp_path / "r.pdf"
    build_receipt(receipt(progress_url=""), texts).write_pdf(path)
    assert decode_qr(render_page(path, tmp_path / "p")) == ["HS-W01-20261128-000001 482913"]
    text = flat(pdf_text(path))
    assert "凭办件编号和查询码，可拨打咨询电话0318-5550100查询办理进度" in text
    assert "https://" not in text


def test_provisional_due_date_is_marked_and_explained(texts, tmp_path):
    path = tmp_path / "r.pdf"
    data = receipt(due_date=date(2027, 1, 8), due_provisional=True, promised_days=20)
    build_receipt(data, texts).write_pdf(path)
    text = flat(pdf_text(path))
    assert "承诺办结时限：20个工作日，预计办结日期：2027年1月8日（暂定）。" in text
    # The statutory holidays are known for any year; only the make-up days are not.
    assert "放假安排尚未公布，预计办结日期已扣除法定节假日" in text
    assert "周末" not in text


def test_hostile_applicant_name_prints_literally(texts, tmp_path):
    path = tmp_path / "r.pdf"
    data = receipt(applicant_name="<b>李&四</b>", item_name="<i>营业执照</i> & 变更")
    build_receipt(data, texts).write_pdf(path)
    text = flat(pdf_text(path))
    assert "申请人：<b>李&四</b>" in text
    assert "《<i>营业执照</i>&变更》" in text


def test_reprint_is_marked(texts, tmp_path):
    path = tmp_path / "r.pdf"
    build_receipt(receipt(reprint=True), texts).write_pdf(path)
    assert "副本 / REPRINT" in pdf_text(path)


def test_many_materials_flow_onto_a_second_page_without_losing_any(texts, tmp_path):
    path = tmp_path / "r.pdf"
    materials = tuple((f"第{n}项申请材料", "copy", 1) for n in range(1, 31))
    build_receipt(receipt(materials_received=materials), texts).write_pdf(path)
    info, complaints = pdf_info(path)
    assert complaints == ""
    assert info["Pages"] == "2"
    text = pdf_text(path)
    for n in range(1, 31):
        assert text.count(f"第{n}项申请材料") == 1
    assert "申请人（签收）" in text
