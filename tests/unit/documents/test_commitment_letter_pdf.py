"""告知承诺书 written as a real PDF and read back with poppler: what is promised, the legal
consequences of a false promise, the verification deadline, the signature line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk_app.core.commitment import CONSEQUENCE_TEXT, PROMISE_TEXT
from clerk_app.documents import DocumentTexts, build_document
from clerk_app.documents.archive_data import decode, encode
from clerk_app.documents.notices import CommitmentLetter, MissingMaterial
from tests.helpers import document_samples as samples
from tests.helpers.documents import FULL_ID, MASKED_ID, flat, pdf_info, pdf_text

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


def letter(**changes) -> CommitmentLetter:
    values = samples.base(
        item_name="户口迁入（投靠直系亲属）",
        document_no="衡政服诺〔2026〕W01-0007号",
    ) | {
        "materials": (MissingMaterial("亲属关系证明", "纸质原件及复印件1份"),),
        "promise": PROMISE_TEXT,
        "consequence": CONSEQUENCE_TEXT,
        "verify_by": date(2026, 12, 28),
    }
    values.update(changes)
    return CommitmentLetter(**values)


def test_the_letter_says_what_is_promised_what_a_false_promise_costs_and_by_when_it_is_checked(
    texts, tmp_path: Path
) -> None:
    path = tmp_path / "commitment.pdf"
    build_document(letter(), texts).write_pdf(path)
    text = flat(pdf_text(path))
    for phrase in (
        "告知承诺书",
        "衡政服诺〔2026〕W01-0007号",
        "自愿选择以书面承诺方式办理",
        "以承诺替代的证明事项",
        "亲属关系证明",
        PROMISE_TEXT,
        CONSEQUENCE_TEXT,
        "将依法撤销所作出的行政决定",
        "行政机关将于2026年12月28日前核查承诺内容",
        "经查询，申请人未被列入严重失信主体名单",
        "承诺人（签字或盖章）",
        f"居民身份证：{MASKED_ID}",
        "第一联申请人留存",
        "第二联部门存档",
    ):
        assert flat(phrase) in text, phrase
    assert FULL_ID not in text
    info, complaints = pdf_info(path)
    assert (info["Pages"], complaints) == ("2", "")


def test_a_wholesale_commitment_names_the_conditions_and_no_certificate(texts, tmp_path) -> None:
    path = tmp_path / "whole.pdf"
    data = letter(materials=(), whole_item=True, conditions="经营场所符合卫生规范")
    build_document(data, texts).write_pdf(path)
    text = flat(pdf_text(path))
    assert flat("申请以告知承诺方式办理本事项，承诺符合下列条件：经营场所符合卫生规范") in text
    assert "以承诺替代的证明事项" not in text


def test_the_letter_is_archived_and_rebuilt_exactly() -> None:
    data = letter()
    assert decode(encode(data)) == data
    with pytest.raises(ValueError):
        letter(materials=())  # neither a certificate nor the whole item: nothing promised
