"""The receipt's HTML, its templates, QR payloads and the document registry."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from clerk_app.documents import (
    DocumentTexts,
    ReceiptData,
    RenderedDocument,
    TemplateError,
    build_document,
    document_kind,
    qr_data_uri,
    qr_image,
    qr_payload,
    qr_png,
    render_receipt_html,
    template_dirs,
)
from clerk_app.documents.texts import BUILTIN_TEMPLATES
from tests.helpers.documents import FULL_ID, MASKED_ID, receipt


@pytest.fixture
def texts() -> DocumentTexts:
    return DocumentTexts.load()


def test_builtin_center_settings_are_the_demo_center(texts):
    assert texts.center.name == "衡水市政务服务中心（示例）"
    assert texts.center.consultation_phone == "0318-5550100"
    assert texts.center.complaint_phone == "12345"


def test_html_escapes_everything_a_person_typed(texts):
    html = render_receipt_html(
        receipt(applicant_name='<b>李&四</b>"', clerk_name="<script>", item_name="A&B"),
        texts,
    )
    assert "&lt;b&gt;李&amp;四&lt;/b&gt;&quot;" in html
    assert "<b>李" not in html
    assert "&lt;script&gt;" in html
    assert "《A&amp;B》" in html


def test_html_masks_the_id_number(texts):
    html = render_receipt_html(receipt(), texts)
    assert MASKED_ID in html
    assert FULL_ID not in html


def test_organization_applicant_shows_credit_code_label(texts):
    html = render_receipt_html(
        receipt(
            applicant_kind="organization",
            applicant_name="衡水市某某建筑工程有限公司",
            applicant_id_type="credit_code",
            applicant_id_number="91131100MA0000000X",
        ),
        texts,
    )
    assert "统一社会信用代码：" in html
    assert "911311********000X" in html
    assert "91131100MA0000000X" not in html


def test_unknown_id_type_gets_the_generic_label(texts):
    assert "<b>证件：</b>" in render_receipt_html(receipt(applicant_id_type="mystery"), texts)


def test_on_the_spot_case_says_done_immediately(texts):
    html = render_receipt_html(receipt(promised_days=0, due_date=None), texts)
    assert "承诺办结时限：即时办结。" in html
    assert "预计办结日期" not in html


def test_acceptance_time_is_printed_in_beijing_time(texts):
    data = receipt(received_at=datetime(2026, 11, 28, 1, 30, tzinfo=UTC))
    assert "2026年11月28日 09:30" in render_receipt_html(data, texts)


def test_materials_in_free_form_text_print_as_given(texts):
    html = render_receipt_html(
        receipt(materials_received=[("申请表", "原件（加盖公章）", 3)]), texts
    )
    assert (
        '<td>申请表</td><td align="center">原件（加盖公章）</td><td align="center">3</td>' in html
    )


def test_no_materials_prints_none(texts):
    assert "（无）" in render_receipt_html(receipt(materials_received=()), texts)


def test_naive_acceptance_time_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        receipt(received_at=datetime(2026, 11, 28, 9, 30))


def test_material_tuples_become_material_lines():
    data = receipt(materials_received=[("申请表", "original", "2")])
    assert data.materials_received[0].copies == 2
    assert data.materials_received[0].name == "申请表"


def test_center_can_override_settings_without_touching_code(tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    (own / "center.toml").write_text(
        '[center]\nname = "冀州区政务服务中心"\nseal_text = "（受理专用章）"\n'
        'consultation_phone = "0318-8888888"\ncomplaint_phone = "12345"\n',
        encoding="utf-8",
    )
    texts = DocumentTexts.load(template_dirs(tmp_path))
    html = render_receipt_html(receipt(center_name=""), texts)
    assert "冀州区政务服务中心" in html
    assert "（受理专用章）" in html
    assert "0318-8888888" in html
    # The template itself still comes from the built-in folder.
    assert "受理通知书" in html


def test_provisioning_center_name_wins_over_center_toml(texts):
    html = render_receipt_html(receipt(center_name="桃城区政务服务中心"), texts)
    assert "桃城区政务服务中心" in html


def test_center_can_override_the_template(tmp_path):
    for name in ("center.toml", "texts.toml"):
        (tmp_path / name).write_bytes((BUILTIN_TEMPLATES / name).read_bytes())
    (tmp_path / "acceptance_receipt.html").write_text(
        "<p>$case_no / $query_code / $$5</p>", encoding="utf-8"
    )
    html = render_receipt_html(receipt(), DocumentTexts.load([tmp_path]))
    assert html == "<p>HS-W01-20261128-000001 / 482913 / $5</p>"


def test_template_with_unknown_placeholder_names_the_file(tmp_path):
    for name in ("center.toml", "texts.toml"):
        (tmp_path / name).write_bytes((BUILTIN_TEMPLATES / name).read_bytes())
    (tmp_path / "acceptance_receipt.html").write_text("<p>$no_such_field</p>", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"acceptance_receipt\.html"):
        render_receipt_html(receipt(), DocumentTexts.load([tmp_path]))


def test_missing_or_broken_center_settings_are_reported(tmp_path):
    with pytest.raises(TemplateError, match=r"center\.toml"):
        DocumentTexts.load([tmp_path])
    (tmp_path / "center.toml").write_text("[center\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"center\.toml"):
        DocumentTexts.load([tmp_path])


def test_qr_payload_is_a_progress_url_or_plain_numbers():
    assert qr_payload("https://x.gov.cn/p", "HS-1", "123456") == (
        "https://x.gov.cn/p?case=HS-1&code=123456"
    )
    assert qr_payload("https://x.gov.cn/p?lang=zh", "HS-1", "123456") == (
        "https://x.gov.cn/p?lang=zh&case=HS-1&code=123456"
    )
    assert qr_payload("", "HS-1", "123456") == "HS-1 123456"


def test_qr_png_image_and_data_uri_agree(qapp):
    png = qr_png("HS-1 123456")
    assert png.startswith(b"\x89PNG")
    image = qr_image("HS-1 123456")
    assert image.width() == image.height()
    # 21 modules (version 1) + 2 x 4 border, 8 pixels each.
    assert image.width() == (21 + 8) * 8
    assert qr_data_uri("HS-1 123456").startswith("data:image/png;base64,iVBOR")


def test_registry_builds_the_acceptance_receipt_from_its_data(qapp, texts):
    kind = document_kind("acceptance")
    assert kind.title == "受理通知书"
    assert kind.data_type is ReceiptData
    doc = build_document(receipt(), texts)
    assert isinstance(doc, RenderedDocument)
    assert doc.kind == "acceptance"
    assert doc.page == "A4"
    assert doc.title == "受理通知书 HS-W01-20261128-000001"
    (name,) = doc.resources
    assert f'src="{name}"' in doc.html


def test_registry_refuses_data_it_has_no_kind_for(texts):
    with pytest.raises(TypeError):
        build_document(object(), texts)


def test_builtin_templates_folder_exists():
    assert Path(BUILTIN_TEMPLATES, "acceptance_receipt.html").is_file()
