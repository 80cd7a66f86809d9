"""Every document kind written as a real PDF and read back with poppler and zbar.

Each page 1 is also rendered to PNG in ``<pytest basetemp>/document-pngs`` for a person to
look at (docs/images holds one of each).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from clerk_app.documents import (
    DocumentTexts,
    build_document,
    build_guide,
    build_notice,
    build_receipt,
    build_slip,
    yuan_in_words,
)
from tests.helpers import document_samples as samples
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

QR = "https://zwfw.example.gov.cn/progress?case=HS-W01-20261128-000001&code=482913"
A4 = "595 x 842 pts (A4)"

#: What each formal notice must say besides the shared fields (whitespace removed).
REQUIRED: dict[str, tuple[str, ...]] = {
    "supplement": (
        "补正材料通知书（一次性告知书）",
        "衡政服补〔2026〕W01-0002号",
        "现一次性告知需要补正的全部内容如下",
        "《中华人民共和国行政许可法》第三十二条",
        "居民户口簿",
        "原件，须为本人所在户的最新户口簿，核验后退还",
        "近期免冠彩色照片（二寸）",
        "2张，白色背景，6个月内拍摄",
        "原居民身份证",
        "原件及正反面复印件各1份（A4纸）",
    ),
    "deferred": (
        "容缺受理通知书",
        "衡政服容〔2026〕W01-0003号",
        "婚姻状况证明",
        "原件1份，民政部门出具",
        "补齐期限：2026年12月4日前",
        "逾期后果：如逾期未补齐上述材料",
        "承诺办结时限：5个工作日，预计办结日期：2026年12月7日。",
    ),
    "refusal": (
        "不予受理通知书",
        "衡政服不受〔2026〕W01-0004号",
        "不予受理的理由：",
        "申请事项依法不属于本机关职权范围",
        "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        "《中华人民共和国居民身份证法》第八条",
        "自收到本通知书之日起六十日内，依照《中华人民共和国行政复议法》向衡水市人民政府申请行政复议",
        "自收到本通知书之日起六个月内，依照《中华人民共和国行政诉讼法》向有管辖权的人民法院提起行政诉讼",
    ),
    "forwarded": (
        "上报通知书",
        "衡政服报〔2026〕W01-0005号",
        "依法应由河北省公安厅作出决定",
        "于2026年11月30日将初步审查意见和全部申请材料报送河北省公安厅",
        "预计于2026年12月25日前作出决定",
    ),
    "completion": (
        "办结通知书",
        "衡政服结〔2026〕W01-0006号",
        "已于2026年12月7日办理完结。办理结果：准予办理。",
        "居民身份证（新证）",
        "原居民身份证（交回）",
        "领取地点：中心一楼综合出件窗口",
    ),
    "fee": (
        "收费通知书",
        "衡政服费〔2026〕W01-0007号",
        "居民身份证工本费",
        "发改价格〔2003〕2322号",
        "临时居民身份证工本费",
        "20.00",
        "10.00",
        "12.50",
        "合计（人民币）：肆拾贰元伍角整42.50",
        "中心一楼收费窗口",
    ),
    "void": (
        "作废通知书",
        "衡政服废〔2026〕W01-0008号",
        "于2026年11月28日10:05予以作废",
        "作废原因：误选办理事项",
        "衡政服受〔2026〕W01-0001号",
    ),
    "correction": (
        "更正通知书",
        "衡政服更〔2026〕W01-0009号",
        "本机关出具的衡政服受〔2026〕W01-0001号中下列内容有误",
        "申请人姓名张山张三",
        "更正原因：录入错误",
    ),
}


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


@pytest.fixture(scope="module")
def png_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "document-pngs"


@pytest.fixture(scope="module")
def formal_pdfs(qapp, texts, tmp_path_factory, png_dir) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("notices")
    png_dir.mkdir(exist_ok=True)
    out = {}
    for kind, make in samples.FORMAL.items():
        path = folder / f"{kind}.pdf"
        build_notice(make(), texts).write_pdf(path)
        render_page(path, png_dir / kind, dpi=100)
        out[kind] = path
    return out


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_each_notice_states_what_its_kind_requires(formal_pdfs, kind):
    text = flat(pdf_text(formal_pdfs[kind]))
    missing = [phrase for phrase in REQUIRED[kind] if flat(phrase) not in text]
    assert missing == []


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_each_notice_carries_case_applicant_issuer_clerk_seal_and_both_copies(formal_pdfs, kind):
    text = flat(pdf_text(formal_pdfs[kind]))
    for phrase in (
        "衡水市政务服务中心（示例）",
        "市公安局",
        "申请人：张三",
        f"居民身份证：{MASKED_ID}",
        "申请事项：居民身份证换领（11131100000000000X-XK-0001）",
        "办件编号：HS-W01-20261128-000001",
        "查询码：482913",
        "申请时间：2026年11月28日09:30",
        "经办人：王敏",
        "申请人（签收）",
        "（盖章）",
        "2026年11月28日",
    ):
        assert phrase in text, phrase
    assert FULL_ID not in text
    # Two copies, one per page, each marked.
    pages = [flat(pdf_text(formal_pdfs[kind], "-f", str(n), "-l", str(n))) for n in (1, 2)]
    assert "第一联申请人留存" in pages[0] and "第二联" not in pages[0]
    assert "第二联部门存档" in pages[1]
    assert pages[1].count("办件编号：HS-W01-20261128-000001") == 1
    info, complaints = pdf_info(formal_pdfs[kind])
    assert (info["Pages"], info["Page size"], complaints) == ("2", A4, "")


@pytest.mark.parametrize("kind", ["supplement", "refusal", "fee"])
def test_notice_qr_code_gives_case_number_and_query_code(formal_pdfs, kind, tmp_path):
    assert decode_qr(render_page(formal_pdfs[kind], tmp_path / "p", dpi=100)) == [QR]


def test_every_notice_embeds_its_cjk_font_with_a_text_map(formal_pdfs):
    for path in formal_pdfs.values():
        fonts = pdf_fonts(path)
        assert fonts and all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts)
        assert any("CJK" in f["name"] for f in fonts)


def test_acceptance_receipt_as_issued_has_both_copies(texts, tmp_path, png_dir):
    path = tmp_path / "acceptance.pdf"
    build_receipt(receipt(), texts, copies=("applicant", "department")).write_pdf(path)
    render_page(path, png_dir / "acceptance", dpi=100)
    text = flat(pdf_text(path))
    assert "第一联申请人留存" in text and "第二联部门存档" in text
    assert text.count("受理通知书") == 2
    assert pdf_info(path)[0]["Pages"] == "2"


def test_registry_builds_every_kind_from_its_data(texts):
    built = {build_document(make(), texts).kind for make in samples.FORMAL.values()}
    built |= {build_document(samples.guide(), texts).kind}
    built |= {build_document(samples.slip(), texts).kind}
    assert built == set(REQUIRED) | {"guide", "slip"}


def test_roll_slip_is_80_mm_wide_with_case_number_query_code_due_date_and_qr(
    texts, tmp_path, png_dir
):
    path = tmp_path / "slip.pdf"
    build_slip(samples.slip(), texts).write_pdf(path, font_family=None)
    info, complaints = pdf_info(path)
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert info["Pages"] == "1" and complaints == ""
    assert abs(width - 80 / 25.4 * 72) < 0.5  # 226.77 pt
    assert 100 / 25.4 * 72 <= height < 200 / 25.4 * 72  # as long as the content
    text = flat(pdf_text(path))
    for phrase in (
        "受理回执",
        "HS-W01-20261128-000001",
        "查询码：482913",
        "预计办结：2026年12月7日",
        "事项：居民身份证换领",
    ):
        assert phrase in text, phrase
    png = render_page(path, png_dir / "slip", dpi=150)
    assert decode_qr(png) == [QR]


def test_roll_slip_says_provisional_and_reprint(texts, tmp_path):
    path = tmp_path / "slip.pdf"
    build_slip(samples.slip(due_provisional=True, reprint=True), texts).write_pdf(path)
    text = flat(pdf_text(path))
    assert "预计办结：2026年12月7日（暂定）" in text
    assert "副本/REPRINT" in text


def test_service_guide_shows_the_six_disclosures(texts, tmp_path, png_dir):
    path = tmp_path / "guide.pdf"
    build_guide(samples.guide(), texts).write_pdf(path)
    render_page(path, png_dir / "guide", dpi=100)
    text = flat(pdf_text(path))
    for phrase in (
        "办事指南",
        "居民身份证首次申领",
        "一、受理项目",
        "二、办事程序",
        "申请人持居民户口簿到户政窗口提出申请",
        "三、申报材料",
        "居民户口簿",
        "核验后退还",
        "四、承诺时限",
        "法定办结时限：60个工作日",
        "承诺办结时限：20个工作日",
        "五、收费标准",
        "居民身份证工本费",
        "20.00元",
        "六、政策依据",
        "《中华人民共和国居民身份证法》",
        "示例数据/DEMO",
        "咨询电话：0318-5550101",
    ):
        assert phrase in text, phrase
    assert pdf_info(path)[0]["Page size"] == A4


def _word_boxes(path: Path) -> tuple[float, list[tuple[float, str]]]:
    """Page width and each word's right edge (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))
    words = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', out)
    return width, [(float(x), w) for x, w in words]


def test_long_names_and_many_materials_wrap_inside_the_page(texts, tmp_path):
    long_name = "欧阳" + "长" * 60 + "名"
    long_item = "关于" + "建设工程规划许可证核发及变更、延续、补办" * 4 + "的申请"
    missing = tuple(
        (f"第{n}项材料：" + "某某证明文件" * 6, f"要求{n}：" + "原件及复印件，加盖公章" * 5)
        for n in range(1, 31)
    )
    data = samples.supplement(applicant_name=long_name, item_name=long_item, missing=missing)
    path = tmp_path / "long.pdf"
    build_notice(data, texts).write_pdf(path)
    info, _ = pdf_info(path)
    assert int(info["Pages"]) > 2  # flowed onto more pages, per copy
    text = flat(pdf_text(path))
    assert text.count(long_name) == 2
    for n in (1, 15, 30):
        assert f"第{n}项材料：" in text and f"要求{n}：" in text
    width, words = _word_boxes(path)
    margin = 20 / 25.4 * 72
    assert words and max(x for x, _ in words) <= width - margin + 1


def test_long_item_name_wraps_on_the_roll(texts, tmp_path):
    path = tmp_path / "slip.pdf"
    build_slip(samples.slip(item_name="危险化学品经营许可证" * 8), texts).write_pdf(path)
    width, words = _word_boxes(path)
    assert max(x for x, _ in words) <= width - 4 / 25.4 * 72 + 1
    assert flat(pdf_text(path)).count("危险化学品经营许可证") == 8


def test_fee_notice_totals_and_says_the_amount_in_words(texts):
    fee = samples.fee()
    assert fee.total_fen == 4250
    assert yuan_in_words(4250) == "肆拾贰元伍角整"
    assert yuan_in_words(1000100) == "壹万零壹元整"
    assert yuan_in_words(2005) == "贰拾元零伍分"
    assert yuan_in_words(0) == "零元整"
    html = build_notice(replace(fee, fees=(("工本费", 0, "免收"),)), texts).html
    assert "零元整" in html


def test_ids_are_printed_whole_only_where_the_center_allows_it(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    builtin = Path(samples.ROOT / "resources/templates/center.toml").read_text("utf-8")
    (folder / "center.toml").write_text(
        builtin.replace("mask_id_numbers = true", "mask_id_numbers = false"), "utf-8"
    )
    unmasked = DocumentTexts.load([folder, samples.ROOT / "resources/templates"])
    assert FULL_ID in build_notice(samples.void(), unmasked).html
    assert FULL_ID not in build_notice(samples.void(), DocumentTexts.load()).html


def test_notice_data_refuses_empty_lists_and_naive_times():
    with pytest.raises(ValueError, match="missing material"):
        samples.supplement(missing=())
    with pytest.raises(ValueError, match="reason"):
        samples.refusal(reasons=())
    with pytest.raises(ValueError, match="negative"):
        samples.fee(fees=(("x", -1, ""),))
    with pytest.raises(ValueError, match="timezone"):
        samples.void(voided_at=samples.ISSUED.replace(tzinfo=None))
