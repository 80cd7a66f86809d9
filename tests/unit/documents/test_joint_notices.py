"""The four joint-case documents (issue 16) written as real PDFs and read back with poppler
and zbar: 联合受理通知书, the consolidated 一次性告知, 阶段办结通知书, 联合办结通知书."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import (
    ConsolidatedSupplementNotice,
    DocumentTexts,
    FiledPart,
    JointCompletionNotice,
    JointMaterial,
    JointPartLine,
    JointReceipt,
    MissingMaterial,
    StageCompletionNotice,
    archive_data,
    build_document,
    build_joint_notice,
)
from tests.helpers.documents import decode_qr, flat, pdf_info, pdf_text, readable

pytestmark = pytest.mark.usefixtures("qapp")

JOINT_NO = "HS-W05-20261207-000001"
QR = f"https://zwfw.example.gov.cn/progress?case={JOINT_NO}&code=730512"
CREDIT_CODE = "91131100MA0A1B2C3D"
AT = datetime(2026, 12, 7, 9, 30, tzinfo=CENTER_TZ)
S1, S2 = "立项用地规划许可", "工程建设许可"

BASE = {
    "center_name": "衡水市政务服务中心（示例）",
    "department_name": "市政务服务管理办公室",
    "window_code": "W05",
    "window_name": "综合窗口",
    "case_no": "HS-W05-20261207-000002",
    "joint_no": JOINT_NO,
    "query_code": "730512",
    "progress_url": "https://zwfw.example.gov.cn/progress",
    "applicant_name": "衡水示例置业有限公司",
    "applicant_id_type": "credit_code",
    "applicant_id_number": CREDIT_CODE,
    "package_code": "DEMO-PRJ-GCJS",
    "package_name": "工程建设项目审批（示例）",
    "staged": True,
    "project_type": "government",
    "project_code": "2026-131102-48-01-000123",
    "received_at": AT,
    "issued_at": AT,
    "clerk_name": "李华",
}


def part(n: int, stage: str, item: str, department: str, state: str, **more) -> JointPartLine:
    code = "S1" if stage == S1 else "S2"
    return JointPartLine(
        code, stage, f"HS-W05-20261207-{n:06d}", f"DEMO-{n}", item, department, state, **more
    )


PARTS = (
    part(2, S1, "政府投资项目审批", "市发展和改革局", "promised", due_date=date(2026, 12, 21)),
    part(3, S1, "建设用地规划许可", "市自然资源和规划局", "supplement"),
    part(
        4,
        S1,
        "环境影响评价审批",
        "市生态环境局",
        "deferred_materials",
        due_date=date(2027, 1, 4),
        due_provisional=True,
    ),
    part(5, S2, "建设工程规划许可", "市自然资源和规划局", "waiting"),
    part(6, S2, "施工图审查备案", "市住房和城乡建设局", "waiting"),
)


def receipt(**changes) -> JointReceipt:
    data = JointReceipt(
        **BASE,
        materials=(
            JointMaterial("项目申请书", 1),
            JointMaterial("营业执照（副本）", 1),
            JointMaterial("用地预审意见", 1, deferred=True),
        ),
        parts=PARTS,
        document_no="衡政服联受〔2026〕W05-0001号",
    )
    return replace(data, **changes)


def consolidated(**changes) -> ConsolidatedSupplementNotice:
    data = ConsolidatedSupplementNotice(
        **BASE,
        stage_code="S1",
        stage_name=S1,
        filed=(
            FiledPart(
                "HS-W05-20261207-000002",
                "政府投资项目审批",
                "市发展和改革局",
                (MissingMaterial("可行性研究报告", "原件1份，附专家评审意见"),),
                "可研报告缺投资估算附件",
            ),
            FiledPart(
                "HS-W05-20261207-000003",
                "建设用地规划许可",
                "市自然资源和规划局",
                (
                    MissingMaterial("可行性研究报告", "原件1份，附专家评审意见"),
                    MissingMaterial("建设用地红线图", "原件1份"),
                ),
            ),
        ),
        document_no="衡政服联补〔2026〕W05-0002号",
    )
    return replace(data, **changes)


def done(line: JointPartLine, state: str = "completed_approved", day: int = 18) -> JointPartLine:
    return line._replace(state=state, ended_on=date(2026, 12, day))


def stage_notice(**changes) -> StageCompletionNotice:
    data = StageCompletionNotice(
        **BASE,
        stage_code="S1",
        stage_name=S1,
        completed_on=date(2026, 12, 18),
        parts=(done(PARTS[0]), done(PARTS[1], day=17), done(PARTS[2], "completed_rejected")),
        next_stage_name=S2,
        next_lead_department="市自然资源和规划局",
        next_time_limit_days=15,
        next_due=date(2027, 1, 11),
        document_no="衡政服段结〔2026〕W05-0003号",
    )
    return replace(data, **changes)


def completion(**changes) -> JointCompletionNotice:
    data = JointCompletionNotice(
        **BASE,
        completed_on=date(2027, 1, 8),
        parts=(
            *(done(p) for p in PARTS[:3]),
            *(done(p, day=8)._replace(ended_on=date(2027, 1, 8)) for p in PARTS[3:]),
        ),
        bring=("本通知书", "申请人有效身份证件"),
        document_no="衡政服联结〔2027〕W05-0001号",
    )
    return replace(data, **changes)


def rows(path: Path) -> list[str]:
    """pdftotext -layout's lines without blanks: a table row is one line, its case number
    (under the item's name) the next."""
    return [flat(line) for line in pdf_text(path, "-layout").splitlines() if line.strip()]


def row(path: Path, number: int, item: str, department: str, state: str, when: str) -> str:
    """The case number printed under the table row with these cells ("" when none)."""
    lines = rows(path)
    head = flat(f"{number}{item}{department}{state}{when}")
    return next((lines[i + 1] for i, line in enumerate(lines[:-1]) if line == head), "")


MAKERS = {
    "joint_acceptance": receipt,
    "joint_supplement": consolidated,
    "stage_completion": stage_notice,
    "joint_completion": completion,
}


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


@pytest.fixture(scope="module")
def pdfs(qapp, texts, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("joint")
    out = {}
    for kind, make in MAKERS.items():
        path = folder / f"{kind}.pdf"
        build_document(make(), texts).write_pdf(path)
        out[kind] = path
    return out


def test_joint_receipt_lists_every_part_with_department_decision_and_due_date(pdfs):
    text = flat(pdf_text(pdfs["joint_acceptance"]))
    for phrase in (
        "联合受理通知书",
        "衡政服联受〔2026〕W05-0001号",
        "联办事项：工程建设项目审批（示例）（DEMO-PRJ-GCJS）",
        "项目代码：2026-131102-48-01-000123",
        "项目类型：政府投资项目",
        "联合办件编号：HS-W05-20261207-000001",
        "查询码：730512",
        # the combined materials, once
        "1项目申请书1",
        "2营业执照（副本）1",
        "容缺后补材料：用地预审意见",
        DocumentTexts.load().label("receipt", "provisional_note"),  # a provisional date
    ):
        assert flat(phrase) in text, phrase
    assert CREDIT_CODE not in text and "911311********2C3D" in text
    # every part under its stage, with its department, its decision and its due date
    path = pdfs["joint_acceptance"]
    assert rows(path)[rows(path).index(S1) + 1].startswith("1政府投资项目审批")
    assert rows(path)[rows(path).index(S2) + 1].startswith("4建设工程规划许可")
    for number, item, department, state, when in (
        (1, "政府投资项目审批", "市发展和改革局", "已受理", "2026年12月21日"),
        (2, "建设用地规划许可", "市自然资源和规划局", "需补正", "—"),
        (3, "环境影响评价审批", "市生态环境局", "容缺受理", "2027年1月4日（暂定）"),
        (4, "建设工程规划许可", "市自然资源和规划局", "待本阶段开启", "该阶段开启后办理"),
        (5, "施工图审查备案", "市住房和城乡建设局", "待本阶段开启", "该阶段开启后办理"),
    ):
        case_no = f"HS-W05-20261207-{number + 1:06d}"
        assert row(path, number, item, department, state, when) == case_no, item


def test_each_joint_document_has_both_copies_on_a4(pdfs):
    for kind, path in pdfs.items():
        info, complaints = pdf_info(path)
        pages = int(info["Pages"])
        assert pages % 2 == 0 and info["Page size"] == "595 x 842 pts (A4)", kind
        assert complaints == ""
        first = flat(pdf_text(path, "-f", "1", "-l", "1"))
        last = flat(pdf_text(path, "-f", str(pages), "-l", str(pages)))
        assert "第一联申请人留存" in first and "第二联" not in first, kind
        text = flat(pdf_text(path))
        assert text.count("第二联部门存档") == 1 and "（盖章）" in last, kind
        applicant_copy, department_copy = text.split("第二联部门存档")
        for copy in (applicant_copy, department_copy):
            assert f"联合办件编号：{JOINT_NO}" in copy and "查询码：730512" in copy, kind


def qr_codes(path: Path, folder: Path) -> list[str]:
    """Every QR payload on the applicant's copy (the QR code is in the footer, on the page
    where the copy's text ends)."""
    found: list[str] = []
    pages = int(pdf_info(path)[0]["Pages"])
    for page in range(1, pages + 1):
        text = flat(pdf_text(path, "-f", str(page), "-l", str(page)))
        if "第二联" in text:
            break
        with readable(path) as pdf:
            subprocess.run(
                ["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", str(page), "-l",
                 str(page), str(pdf), str(folder / f"p{page}")],
                check=True, capture_output=True,
            )  # fmt: skip
        found += decode_qr(folder / f"p{page}.png")
    return found


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_the_qr_code_opens_the_joint_progress_query(pdfs, kind, tmp_path):
    assert qr_codes(pdfs[kind], tmp_path) == [QR]


def test_without_a_progress_address_the_qr_code_carries_joint_number_and_code(texts, tmp_path):
    path = tmp_path / "r.pdf"
    build_joint_notice(receipt(progress_url=""), texts, copies=("",)).write_pdf(path)
    assert qr_codes(path, tmp_path) == [f"{JOINT_NO} 730512"]
    assert "拨打咨询电话" in flat(pdf_text(path))


def test_a_package_receipt_has_no_stages_and_says_on_the_spot(texts, tmp_path):
    parts = (
        JointPartLine("K1", "企业开办", "HS-W03-20261207-000002", "SJ-1", "企业设立登记",
                      "市市场监督管理局", "immediate"),
        JointPartLine("K1", "企业开办", "HS-W03-20261207-000003", "GA-1", "公章刻制备案",
                      "市公安局", "promised", date(2026, 12, 8)),
    )  # fmt: skip
    data = receipt(
        staged=False,
        project_type="",
        project_code="",
        package_code="DEMO-PKG-QYKB",
        package_name="企业开办（示例）",
        parts=parts,
    )
    path = tmp_path / "package.pdf"
    build_joint_notice(data, texts, copies=("",)).write_pdf(path)
    text = flat(pdf_text(path))
    first = row(path, 1, "企业设立登记", "市市场监督管理局", "即办件", "即时办结")
    assert first == "HS-W03-20261207-000002"
    second = row(path, 2, "公章刻制备案", "市公安局", "已受理", "2026年12月8日")
    assert second == "HS-W03-20261207-000003"
    assert "项目代码" not in text and "项目类型" not in text and "企业开办企业开办" not in text
    assert "各事项分别编号、由相关部门同步办理" in text


def test_consolidated_notice_lists_what_each_department_filed_and_one_list(pdfs):
    text = flat(pdf_text(pdfs["joint_supplement"]))
    for phrase in (
        "补正材料通知书（一次性告知书）",
        "衡政服联补〔2026〕W05-0002号",
        f"{S1}阶段申请材料，经各相关部门并联审查",
        "根据《中华人民共和国行政许可法》第三十二条的规定，现将各部门需要补正的全部内容一次性告知如下",
        "一、市发展和改革局：政府投资项目审批办件编号：HS-W05-20261207-000002",
        "1可行性研究报告原件1份，附专家评审意见",
        "部门意见：可研报告缺投资估算附件",
        "二、市自然资源和规划局：建设用地规划许可办件编号：HS-W05-20261207-000003",
        "2建设用地红线图原件1份",
        # the applicant's one list: a material two departments need, once
        "需补正材料汇总",
        "1可行性研究报告原件1份，附专家评审意见市发展和改革局、市自然资源和规划局",
        "2建设用地红线图原件1份市自然资源和规划局",
        "请自收到本通知书之日起一次性补齐上述全部材料",
        "补正材料收齐后同时恢复办理",
    ):
        assert phrase in text, phrase
    summary = text.split("需补正材料汇总")[1].split("第二联")[0]
    assert summary.count("可行性研究报告") == 1


def test_consolidated_notice_with_a_deadline_states_it(texts, tmp_path):
    path = tmp_path / "s.pdf"
    notice = consolidated(supply_by=date(2026, 12, 28))
    build_joint_notice(notice, texts, copies=("",)).write_pdf(path)
    assert "请于2026年12月28日前一次性补齐上述全部材料" in flat(pdf_text(path))


def test_consolidated_notice_needs_something_to_supply():
    with pytest.raises(ValueError, match="at least one thing"):
        consolidated(filed=(FiledPart("HS-1", "事项", "部门", ()),))


def test_stage_completion_gives_results_and_the_stage_that_opens(pdfs, texts, tmp_path):
    text = flat(pdf_text(pdfs["stage_completion"]))
    for phrase in (
        "阶段办结通知书",
        "衡政服段结〔2026〕W05-0003号",
        f"《工程建设项目审批（示例）》{S1}阶段已于2026年12月18日办理完结",
        f"下一阶段“{S2}”已开启，由市自然资源和规划局牵头",
        "办理时限15个工作日，预计办结日期：2027年1月11日。",
    ):
        assert phrase in text, phrase
    assert "建设工程规划许可" not in text  # only this stage's parts
    path = pdfs["stage_completion"]
    for number, item, department, result, when in (
        (1, "政府投资项目审批", "市发展和改革局", "准予许可", "2026年12月18日"),
        (2, "建设用地规划许可", "市自然资源和规划局", "准予许可", "2026年12月17日"),
        (3, "环境影响评价审批", "市生态环境局", "不予许可", "2026年12月18日"),
    ):
        case_no = f"HS-W05-20261207-{number + 1:06d}"
        assert row(path, number, item, department, result, when) == case_no, item
    path = tmp_path / "last.pdf"
    build_joint_notice(stage_notice(next_stage_name=""), texts, copies=("",)).write_pdf(path)
    assert "本项目全部审批阶段均已办结" in flat(pdf_text(path))


def test_joint_completion_gives_every_stage_and_part_with_its_result(pdfs):
    text = flat(pdf_text(pdfs["joint_completion"]))
    for phrase in (
        "联合办结通知书",
        "衡政服联结〔2027〕W05-0001号",
        "已于2027年1月8日全部办理完结。各阶段、各事项办理结果如下",
        "本通知书",
        "领取地点：",
    ):
        assert phrase in text, phrase
    path = pdfs["joint_completion"]
    lines = rows(path)
    assert lines.index(S1) < lines.index(S2)
    for number, (item, department) in enumerate(
        (
            ("政府投资项目审批", "市发展和改革局"),
            ("建设用地规划许可", "市自然资源和规划局"),
            ("环境影响评价审批", "市生态环境局"),
            ("建设工程规划许可", "市自然资源和规划局"),
            ("施工图审查备案", "市住房和城乡建设局"),
        ),
        start=1,
    ):
        when = "2026年12月18日" if number <= 3 else "2027年1月8日"
        case_no = f"HS-W05-20261207-{number + 1:06d}"
        assert row(path, number, item, department, "准予许可", when) == case_no, item


def test_reprint_is_marked_and_names_are_printed_literally(texts, tmp_path):
    path = tmp_path / "r.pdf"
    data = receipt(applicant_name="<b>李&四</b>", reprint=True)
    build_joint_notice(data, texts, copies=("",)).write_pdf(path)
    text = flat(pdf_text(path))
    assert "副本/REPRINT" in text and "申请人：<b>李&四</b>" in text


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_archived_data_gives_the_same_document_back(kind):
    data = MAKERS[kind]()
    assert type(data).kind == kind
    assert archive_data.decode(archive_data.encode(data)) == data
