"""The demo catalog in resources/catalog: shape, completeness and honesty of its data.

Most tests read the file with plain ``json`` so they check the data itself; the last one
loads it through ``clerk_app.core.catalog.Catalog``, the way the client and service do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

CATALOG_PATH = Path(__file__).resolve().parents[3] / "resources" / "catalog" / "demo_catalog.json"

ITEM_TYPES = {"行政许可", "行政给付", "行政确认", "公共服务", "其他行政权力"}
SUBJECTS = {"natural_person", "legal_person"}
FORMS = {"original", "copy", "original_and_copy"}
MEDIA = {"paper", "electronic", "either"}
CASE_KINDS = {"immediate", "promised"}
DEMO_SUFFIX = "（示例数据）"

ITEM_FIELDS = (
    "code",
    "name",
    "type",
    "department",
    "demo",
    "subjects",
    "scope",
    "conditions",
    "procedure",
    "materials",
    "time_limit",
    "case_kind",
    "fees",
    "legal_basis",
    "visits",
    "place",
    "hours",
    "phone",
    "complaint_phone",
)
MATERIAL_FIELDS = ("code", "name", "required", "form", "copies", "medium", "deferrable", "notes")
#: 告知承诺 keys only the items and materials that allow a commitment carry.
COMMITMENT_ITEM_FIELDS = ("commitment_whole", "verify_days")
COMMITMENT_MATERIAL_FIELDS = ("commitment",)
FEE_FIELDS = ("name", "amount_fen", "basis", "waivable")

# Every law, regulation and rule the demo catalog may cite. Each title here was checked to
# be a real, published instrument. Adding a title is a review decision: never add one that
# has not been checked, and never cite an article number that was not checked either.
KNOWN_LEGAL_TITLES = frozenset(
    {
        # Laws (法律)
        "《中华人民共和国行政许可法》",
        "《中华人民共和国民法典》",
        "《中华人民共和国居民身份证法》",
        "《中华人民共和国护照法》",
        "《中华人民共和国出境入境管理法》",
        "《中华人民共和国道路交通安全法》",
        "《中华人民共和国公司法》",
        "《中华人民共和国食品安全法》",
        "《中华人民共和国特种设备安全法》",
        "《中华人民共和国建筑法》",
        "《中华人民共和国城市房地产管理法》",
        "《中华人民共和国城乡规划法》",
        "《中华人民共和国土地管理法》",
        "《中华人民共和国社会保险法》",
        "《中华人民共和国劳动法》",
        "《中华人民共和国劳动合同法》",
        "《中华人民共和国就业促进法》",
        "《中华人民共和国慈善法》",
        "《中华人民共和国医师法》",
        "《中华人民共和国母婴保健法》",
        "《中华人民共和国职业病防治法》",
        "《中华人民共和国环境保护法》",
        "《中华人民共和国环境影响评价法》",
        "《中华人民共和国节约能源法》",
        "《中华人民共和国教师法》",
        "《中华人民共和国义务教育法》",
        "《中华人民共和国档案法》",
        "《中华人民共和国公路法》",
        "《中华人民共和国气象法》",
        "《中华人民共和国人民防空法》",
        "《中华人民共和国水土保持法》",
        "《中华人民共和国税收征收管理法》",
        "《中华人民共和国文物保护法》",
        "《中华人民共和国消防法》",
        # Administrative regulations (行政法规)
        "《中华人民共和国户口登记条例》",
        "《政府投资条例》",
        "《公路安全保护条例》",
        "《气象灾害防御条例》",
        "《中华人民共和国发票管理办法》",
        "《中华人民共和国道路交通安全法实施条例》",
        "《中华人民共和国市场主体登记管理条例》",
        "《促进个体工商户发展条例》",
        "《特种设备安全监察条例》",
        "《城市房地产开发经营管理条例》",
        "《建设工程质量管理条例》",
        "《不动产登记暂行条例》",
        "《失业保险条例》",
        "《社会团体登记管理条例》",
        "《民办非企业单位登记管理暂行条例》",
        "《社会救助暂行办法》",
        "《殡葬管理条例》",
        "《医疗机构管理条例》",
        "《公共场所卫生管理条例》",
        "《中华人民共和国母婴保健法实施办法》",
        "《医疗保障基金使用监督管理条例》",
        "《住房公积金管理条例》",
        "《中华人民共和国道路运输条例》",
        "《企业投资项目核准和备案管理条例》",
        "《建设项目环境保护管理条例》",
        "《排污许可管理条例》",
        "《教师资格条例》",
        "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》",
        # Departmental rules and normative documents (部门规章等)
        "《临时居民身份证管理办法》",
        "《城市建设档案管理规定》",
        "《建设工程消防设计审查验收管理暂行规定》",
        "《印铸刻字业暂行管理规则》",
        "《公安机关办理犯罪记录查询工作规定》",
        "《机动车登记规定》",
        "《机动车驾驶证申领和使用规定》",
        "《食品经营许可和备案管理办法》",
        "《建筑工程施工许可管理办法》",
        "《城市商品房预售管理办法》",
        "《房地产开发企业资质管理规定》",
        "《房屋建筑和市政基础设施工程竣工验收备案管理办法》",
        "《不动产登记暂行条例实施细则》",
        "《失业保险金申领发放办法》",
        "《就业服务与就业管理规定》",
        "《劳务派遣行政许可实施办法》",
        "《慈善组织公开募捐管理办法》",
        "《医疗机构管理条例实施细则》",
        "《公共场所卫生管理条例实施细则》",
        "《医师执业注册管理办法》",
        "《放射诊疗管理规定》",
        "《道路旅客运输及客运站管理规定》",
        "《道路货物运输及站场管理规定》",
        "《巡游出租汽车经营服务管理规定》",
        "《网络预约出租汽车经营服务管理暂行办法》",
        "《出租汽车驾驶员从业资格管理规定》",
        "《企业投资项目核准和备案管理办法》",
        "《固定资产投资项目节能审查办法》",
        "《〈教师资格条例〉实施办法》",
    }
)

# Demo phone numbers: Hengshui area code, fictional 555 exchange.
DEMO_PHONE = re.compile(r"^0318-555\d{4}$")


def _load() -> dict[str, Any]:
    return json.loads(CATALOG_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    return _load()


@pytest.fixture(scope="module")
def items(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    return catalog["items"]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and len(value) == 0)


def test_file_is_pretty_printed_utf8_json_with_chinese_unescaped() -> None:
    raw = CATALOG_PATH.read_bytes()
    text = raw.decode("utf-8")
    assert "\\u" not in text, "write with ensure_ascii=False so the file stays readable"
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_catalog_has_version_name_and_demo_scale(catalog: dict[str, Any]) -> None:
    assert catalog["version"] == "demo-2026.3"
    assert catalog["name"] == "衡水市政务服务中心示例事项目录"
    assert len(catalog["items"]) >= 44
    assert len(catalog["departments"]) >= 11


def test_departments_have_unique_codes_and_names(catalog: dict[str, Any]) -> None:
    codes = [d["code"] for d in catalog["departments"]]
    assert len(codes) == len(set(codes))
    assert all(d["name"].strip() for d in catalog["departments"])


def test_every_department_has_items_and_every_item_names_a_listed_department(
    catalog: dict[str, Any],
) -> None:
    listed = {d["code"] for d in catalog["departments"]}
    used = {item["department"] for item in catalog["items"]}
    assert used <= listed, f"items refer to unknown departments: {used - listed}"
    assert listed <= used, f"departments without items: {listed - used}"
    assert len(used) >= 11


def test_item_codes_are_unique_and_follow_the_demo_pattern(items: list[dict[str, Any]]) -> None:
    codes = [item["code"] for item in items]
    assert len(codes) == len(set(codes))
    for item in items:
        assert re.fullmatch(rf"DEMO-{item['department']}-\d{{3}}", item["code"]), item["code"]


def test_every_item_field_is_filled(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert set(ITEM_FIELDS) <= set(item) <= {*ITEM_FIELDS, *COMMITMENT_ITEM_FIELDS}, item[
            "code"
        ]
        for field in ITEM_FIELDS:
            if field == "fees":
                continue  # an empty list means a free item: the guide says 不收费
            assert not _blank(item[field]), f"{item['code']}: {field} is empty"
        assert all(isinstance(s, str) and s.strip() for s in item["procedure"]), item["code"]
        assert all(isinstance(s, str) and s.strip() for s in item["legal_basis"]), item["code"]


def test_items_use_the_defined_vocabularies(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert item["type"] in ITEM_TYPES, item["code"]
        assert item["case_kind"] in CASE_KINDS, item["code"]
        assert item["subjects"], item["code"]
        assert set(item["subjects"]) <= SUBJECTS, item["code"]
        assert len(item["subjects"]) == len(set(item["subjects"])), item["code"]
        assert 3 <= len(item["procedure"]) <= 6, item["code"]
        assert isinstance(item["visits"], int), item["code"]
        assert 0 <= item["visits"] <= 2, item["code"]


def test_every_item_is_marked_as_demo_data(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert item["demo"] is True, item["code"]
        assert item["scope"].endswith(DEMO_SUFFIX), item["code"]


def test_contact_details_are_fictional_demo_numbers(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert DEMO_PHONE.match(item["phone"]), f"{item['code']}: {item['phone']}"
        assert item["complaint_phone"] == "12345", item["code"]


def test_materials_are_complete_with_unique_codes_per_item(items: list[dict[str, Any]]) -> None:
    for item in items:
        codes = [mat["code"] for mat in item["materials"]]
        assert len(codes) == len(set(codes)), f"{item['code']}: duplicate material codes"
        assert any(mat["required"] for mat in item["materials"]), item["code"]
        for mat in item["materials"]:
            where = f"{item['code']}/{mat['code']}"
            assert (
                set(MATERIAL_FIELDS) <= set(mat) <= {*MATERIAL_FIELDS, *COMMITMENT_MATERIAL_FIELDS}
            )
            for field in ("code", "name", "notes"):
                assert isinstance(mat[field], str) and mat[field].strip(), where
            assert mat["form"] in FORMS, where
            assert mat["medium"] in MEDIA, where
            assert isinstance(mat["required"], bool), where
            assert isinstance(mat["deferrable"], bool), where
            assert isinstance(mat["copies"], int) and mat["copies"] >= 1, where


def test_only_required_materials_are_marked_deferrable(items: list[dict[str, Any]]) -> None:
    # 容缺 lets a required but minor material follow later; optional ones need no promise.
    deferrable = [
        (item["code"], mat) for item in items for mat in item["materials"] if mat["deferrable"]
    ]
    assert deferrable, "the demo data should exercise 容缺受理"
    for code, mat in deferrable:
        assert mat["required"], f"{code}/{mat['code']}"
    # An item whose every required material may be deferred would accept an empty desk.
    for item in items:
        required = [mat for mat in item["materials"] if mat["required"]]
        assert not all(mat["deferrable"] for mat in required), item["code"]


def test_immediate_items_are_done_on_the_spot(items: list[dict[str, Any]]) -> None:
    immediate = [item for item in items if item["case_kind"] == "immediate"]
    assert immediate, "the demo data should include 即办件"
    for item in immediate:
        limit = item["time_limit"]
        assert limit["on_the_spot"] is True, item["code"]
        assert limit["promised_days"] == 0, item["code"]


def test_promised_items_promise_no_more_than_the_statutory_limit(
    items: list[dict[str, Any]],
) -> None:
    promised = [item for item in items if item["case_kind"] == "promised"]
    assert promised, "the demo data should include 承诺件"
    for item in promised:
        limit = item["time_limit"]
        assert limit["on_the_spot"] is False, item["code"]
        assert isinstance(limit["promised_days"], int), item["code"]
        assert isinstance(limit["statutory_days"], int), item["code"]
        assert 1 <= limit["promised_days"] <= limit["statutory_days"], item["code"]


def test_fees_are_non_negative_whole_fen_with_a_basis(items: list[dict[str, Any]]) -> None:
    for item in items:
        for fee in item["fees"]:
            where = f"{item['code']}/{fee['name']}"
            assert set(fee) == set(FEE_FIELDS), where
            assert type(fee["amount_fen"]) is int, where
            assert fee["amount_fen"] >= 0, where
            assert fee["name"].strip() and fee["basis"].strip(), where
            assert isinstance(fee["waivable"], bool), where


def test_demo_data_covers_charged_free_and_waivable_items(items: list[dict[str, Any]]) -> None:
    charged = [item for item in items if item["fees"]]
    assert len(charged) >= 12
    assert any(not item["fees"] for item in items)
    assert any(fee["waivable"] for item in charged for fee in item["fees"])


def test_resident_id_fees_match_the_national_standard(items: list[dict[str, Any]]) -> None:
    by_name = {item["name"]: item for item in items}
    first = by_name["居民身份证首次申领"]["fees"]
    renew = by_name["居民身份证换领"]["fees"]
    replace = by_name["居民身份证补领"]["fees"]
    assert [f["amount_fen"] for f in first] == [2000]
    assert [f["amount_fen"] for f in renew] == [2000]
    assert [f["amount_fen"] for f in replace] == [4000]


def test_every_legal_basis_is_a_reviewed_real_title(items: list[dict[str, Any]]) -> None:
    unknown = {
        (item["code"], title)
        for item in items
        for title in item["legal_basis"]
        if title not in KNOWN_LEGAL_TITLES
    }
    assert not unknown, f"legal bases not in the reviewed allow-list: {sorted(unknown)}"


def test_legal_basis_cites_no_article_numbers(items: list[dict[str, Any]]) -> None:
    # Article numbers are easy to get wrong; the catalog names the instrument only.
    for item in items:
        for title in item["legal_basis"]:
            assert re.fullmatch(r"《[^《》]+》", title), f"{item['code']}: {title}"


def test_catalog_loads_through_the_core_model_without_losing_anything() -> None:
    from clerk_app.core.catalog import Catalog

    data = _load()
    catalog = Catalog.from_dict(data)
    assert catalog.version == "demo-2026.3"
    assert len(catalog.items) == len(data["items"])
    assert catalog.to_dict() == data
    found = catalog.search("居民身份证补领")
    assert [item.code for item in found] == ["DEMO-GA-003"]


def test_demo_items_offer_both_forms_of_commitment(items: list[dict[str, Any]]) -> None:
    by_code = {item["code"]: item for item in items}
    household = by_code["DEMO-GA-006"]
    assert [m["code"] for m in household["materials"] if m.get("commitment")] == ["M4", "M5"]
    assert household["verify_days"] == 20
    assert by_code["DEMO-WJ-003"]["commitment_whole"] is True
    wholesale = [code for code, item in by_code.items() if item.get("commitment_whole")]
    assert wholesale == ["DEMO-WJ-003", "DEMO-JT-002"]
    # A commitment without a verification deadline would be a grant nobody checks.
    for item in items:
        if item.get("commitment_whole") or any(m.get("commitment") for m in item["materials"]):
            assert item["verify_days"] >= 1, item["code"]
