import dataclasses

import pytest

from clerk_app.core.catalog import Catalog, CatalogError, Department, format_yuan
from tests.helpers.catalog_data import catalog_dict


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_dict(catalog_dict())


def test_round_trip_gives_back_the_same_json(catalog):
    assert catalog.to_dict() == catalog_dict()
    assert Catalog.from_dict(catalog.to_dict()) == catalog


def test_items_and_materials_are_frozen(catalog):
    item = catalog.item("GA-001")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.name = "x"
    assert item.material("M2").deferrable
    assert [m.code for m in item.required_materials] == ["M1", "M2"]


def test_unknown_keys_are_ignored_as_responses_may_grow():
    data = catalog_dict()
    data["generated_at"] = "2026-11-28"
    data["items"][0]["new_field"] = 1
    assert Catalog.from_dict(data).to_dict() == catalog_dict()


def test_lookup_of_items_and_departments(catalog):
    assert catalog.department("SJ") == Department("SJ", "市市场监督管理局")
    assert catalog.get_item("NOPE") is None
    with pytest.raises(KeyError):
        catalog.item("NOPE")
    with pytest.raises(KeyError):
        catalog.department("XX")


def test_fee_total(catalog):
    assert catalog.item("SJ-002").fee_total_fen == 11050
    assert catalog.item("SJ-010").fee_total_fen == 0
    assert format_yuan(11050) == "110.50"
    assert format_yuan(5) == "0.05"


def test_six_disclosures_in_order_with_content(catalog):
    sections = catalog.item("GA-001").disclosures()
    assert [key for key, _title, _content in sections] == [
        "scope",
        "procedure",
        "materials",
        "time_limit",
        "fees",
        "legal_basis",
    ]
    text = dict((key, content) for key, _title, content in sections)
    assert text["scope"] == "受理有效期满的居民身份证换领\n受理条件：本市常住户口"
    assert text["procedure"] == "1. 提交申请\n2. 采集信息\n3. 审核签发"
    assert text["materials"].splitlines()[0] == "1. 居民户口簿（原件1份，纸质，必需）：核验后退还"
    assert "可容缺" in text["materials"].splitlines()[1]
    assert text["time_limit"] == "法定时限60个工作日；承诺时限20个工作日"
    assert text["fees"] == "工本费：20.00元（依据：国家标准），可减免"
    assert text["legal_basis"] == "《中华人民共和国居民身份证法》"
    assert sections[0][1] == "What is accepted"


def test_disclosures_of_an_on_the_spot_item_without_fees(catalog):
    text = {k: c for k, _t, c in catalog.item("SJ-010").disclosures()}
    assert text["time_limit"].startswith("即办")
    assert text["fees"] == "不收费"


def codes(items):
    return [i.code for i in items]


def test_empty_search_returns_everything_in_catalog_order(catalog):
    assert codes(catalog.search("  ")) == ["GA-001", "SJ-010", "SJ-002"]


def test_search_ranks_exact_code_then_code_prefix_then_name(catalog):
    assert codes(catalog.search("sj-002")) == ["SJ-002"]
    assert codes(catalog.search("SJ-0")) == ["SJ-010", "SJ-002"]
    # Name prefix (居民身份证换领) before name contains (…含身份证明).
    assert codes(catalog.search("身份证")) == ["GA-001", "SJ-002"]
    assert codes(catalog.search("居民")) == ["GA-001"]


def test_search_by_department_code_and_name(catalog):
    assert codes(catalog.search("ga")) == ["GA-001"]
    assert codes(catalog.search("市场监督")) == ["SJ-010", "SJ-002"]


def test_search_with_several_words_needs_all_of_them(catalog):
    assert codes(catalog.search("市公安局 换领")) == ["GA-001"]
    assert codes(catalog.search("市公安局 变更")) == []


def test_search_without_match(catalog):
    assert catalog.search("不存在的事项") == []


def _broken(mutate):
    data = catalog_dict()
    mutate(data)
    with pytest.raises(CatalogError) as info:
        Catalog.from_dict(data)
    return str(info.value)


def test_malformed_material_copies_names_item_and_field():
    message = _broken(lambda d: d["items"][0]["materials"][1].__setitem__("copies", "two"))
    assert "item GA-001" in message
    assert "materials[1]" in message and "'copies'" in message and "'two'" in message


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["items"][1].pop("name"), "item SJ-010 (items[1]): field 'name' is missing"),
        (lambda d: d["items"][0].__setitem__("department", "XX"), "unknown department 'XX'"),
        (lambda d: d["items"][0].__setitem__("subjects", ["alien"]), "subjects[0]"),
        (lambda d: d["items"][0]["materials"][0].__setitem__("form", "scan"), "'form'"),
        (lambda d: d["items"][0]["materials"][0].__setitem__("medium", "fax"), "'medium'"),
        (lambda d: d["items"][0]["materials"][0].__setitem__("required", "yes"), "'required'"),
        (lambda d: d["items"][0]["fees"][0].__setitem__("amount_fen", 20.5), "'amount_fen'"),
        (lambda d: d["items"][0]["fees"][0].__setitem__("amount_fen", -1), "at least 0"),
        (lambda d: d["items"][0]["time_limit"].__setitem__("promised_days", 61), "exceed"),
        (lambda d: d["items"][0].__setitem__("case_kind", "immediate"), "'case_kind'"),
        (lambda d: d["items"][0].__setitem__("case_kind", "later"), "must be one of"),
        (lambda d: d["items"][0].__setitem__("time_limit", None), "time_limit: expected an object"),
        (lambda d: d["items"][0].__setitem__("procedure", "one step"), "must be a list"),
        (lambda d: d["items"][2].__setitem__("code", "GA-001"), "lists item GA-001 twice"),
        (lambda d: d["items"][2]["materials"][1].__setitem__("code", "M1"), "material code M1"),
        (lambda d: d["departments"].append({"code": "GA", "name": "x"}), "department GA twice"),
        (lambda d: d.pop("version"), "catalog: field 'version' is missing"),
        (lambda d: d["items"].__setitem__(0, "GA-001"), "items[0]: expected an object"),
    ],
)
def test_malformed_catalogs_are_refused_with_a_clear_message(mutate, expected):
    assert expected in _broken(mutate)


def test_promised_item_needs_a_promised_limit():
    message = _broken(lambda d: d["items"][0]["time_limit"].__setitem__("promised_days", 0))
    assert "promised_days" in message and "GA-001" in message


def test_search_by_pinyin_initials(catalog):
    # 居民身份证换领 (j m s f z h l) and 公司变更登记（含身份证明）
    assert codes(catalog.search("sfz")) == ["GA-001", "SJ-002"]
    assert codes(catalog.search("SFZ")) == ["GA-001", "SJ-002"]
    assert codes(catalog.search("jmsfz")) == ["GA-001"]


def test_search_by_full_pinyin_from_a_syllable_on(catalog):
    assert codes(catalog.search("shenfenzheng")) == ["GA-001", "SJ-002"]
    assert codes(catalog.search("huanling")) == ["GA-001"]
    assert codes(catalog.search("jumin")) == ["GA-001"]
    # "enf" lies inside shen|fen, not at a syllable: no match.
    assert codes(catalog.search("enfenzheng")) == []


def test_search_by_department_pinyin(catalog):
    # 市市场监督管理局: s s c j d g l j
    assert codes(catalog.search("scjd")) == ["SJ-010", "SJ-002"]
    assert codes(catalog.search("gongan")) == ["GA-001"]


def test_pinyin_ranks_after_a_direct_match():
    data = catalog_dict()
    data["items"][0]["name"] = "SFZ 证件补办"  # code-like letters in the name itself
    data["items"][1]["name"] = "身份证明开具"
    catalog = Catalog.from_dict(data)
    # Name prefix, then pinyin from the start of a name, then pinyin inside a name.
    assert codes(catalog.search("sfz")) == ["GA-001", "SJ-010", "SJ-002"]


def test_department_pinyin_is_only_a_fallback():
    data = catalog_dict()
    data["departments"][1]["name"] = "市发展和改革委员会"  # s f z h g g w y h
    catalog = Catalog.from_dict(data)
    # "sfz" finds 身份证 in names: the department starting with s-f-z is not mixed in.
    assert codes(catalog.search("sfz")) == ["GA-001", "SJ-002"]
    assert codes(catalog.search("sfzhgg")) == ["SJ-010", "SJ-002"]
