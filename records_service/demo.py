"""Demo data: departments, windows W01..W06, demo users, the demo catalog and the hall's
queue categories (issue 18); with ``history``, a month of demo cases at W01 and W03
(:mod:`records_service.demo_history`).

Loading is idempotent: running it again updates what is there and adds what is missing
(the history is made once, dated from the first load).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

import records_service
from records_service import base_items, catalog_store
from records_service.models import Department, QueueCategory, User, Window, writer_center
from records_service.security import hash_password, verify_password

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - published demo credentials
#: The basic codes of the demo basic catalogue: this prefix and a demo item's code.
BASE = "BASE-"

DEPARTMENTS = [
    ("GA", "市公安局"),
    ("SJ", "市市场监督管理局"),
    ("RS", "市人力资源和社会保障局"),
    ("ZJ", "市住房和城乡建设局"),
    ("MZ", "市民政局"),
    ("SW", "国家税务总局衡水市税务局"),
    ("GJ", "市住房公积金管理中心"),
    ("FG", "市发展和改革委员会"),
    ("ZR", "市自然资源和规划局"),
    ("HB", "市生态环境局"),
    ("RF", "市人民防空办公室"),
    ("SL", "市水务局"),
    ("QX", "市气象局"),
    ("DA", "市城市建设档案馆"),
    ("WL", "市文化广电和旅游局"),
    ("JT", "市交通运输局"),
    ("JS", "市政务服务中心收费结算中心"),
]

WINDOWS = [
    ("W01", "户政业务窗口", "GA"),
    ("W02", "出入境业务窗口", "GA"),
    ("W03", "企业登记窗口", "SJ"),
    ("W04", "社会保障窗口", "RS"),
    ("W05", "建设工程审批窗口", "ZJ"),
    ("W06", "婚姻登记窗口", "MZ"),
    # 企业开办专区 (the 一件事 "企业开办" is taken in at W03).
    ("K01", "税务窗口（企业开办专区）", "SW"),
    ("K02", "公积金窗口（企业开办专区）", "GJ"),
    # 项目审批大厅: W05 is its 综合窗口; one window per department of the demo project.
    ("P01", "发展改革窗口", "FG"),
    ("P02", "自然资源和规划窗口", "ZR"),
    ("P03", "生态环境窗口", "HB"),
    ("P04", "人防窗口", "RF"),
    ("P05", "水务窗口", "SL"),
    ("P06", "气象窗口", "QX"),
    ("P07", "城建档案窗口", "DA"),
    ("P08", "文物窗口", "WL"),
    ("P09", "交通运输窗口", "JT"),
    # 收费结算中心 (issue 17): departments assess, the settlement window collects.
    ("S01", "收费结算窗口", "JS"),
]
#: The windows of the fee settlement center (their desks record payments).
SETTLEMENT_WINDOWS = frozenset({"S01"})


@dataclass(frozen=True)
class DemoQueueCategory:
    """A queue category of the demo hall: its letter, the windows calling it, and its
    appointments per half-day."""

    code: str
    prefix: str
    name: str
    department_code: str | None
    windows: tuple[str, ...]
    slot_capacity: int


#: The demo hall's queue (排队叫号): 综合 at the windows of several departments, 公安 at
#: its two windows, 不动产 at the natural resources window, 企业开办 at its windows.
QUEUE_CATEGORIES = [
    DemoQueueCategory("ZH", "A", "综合业务", None, ("W04", "W05", "W06"), 10),
    DemoQueueCategory("GA", "B", "公安业务", "GA", ("W01", "W02"), 6),
    DemoQueueCategory("BDC", "C", "不动产登记", "ZR", ("P02",), 4),
    DemoQueueCategory("QY", "D", "企业开办", "SJ", ("W03", "K01", "K02"), 0),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    roles: tuple[str, ...]
    department_code: str | None
    window_code: str | None


USERS = [
    DemoUser("demo-clerk", "演示窗口人员", ("clerk",), "GA", "W01"),
    DemoUser("demo-clerk-w03", "演示企业登记窗口人员", ("clerk",), "SJ", "W03"),
    DemoUser("demo-clerk-w05", "演示工程建设项目综合窗口人员", ("clerk",), "ZJ", "W05"),
    DemoUser("demo-clerk-p01", "演示发展改革窗口人员", ("clerk",), "FG", "P01"),
    DemoUser("demo-clerk-p02", "演示自然资源和规划窗口人员", ("clerk",), "ZR", "P02"),
    DemoUser("demo-clerk-p08", "演示文物窗口人员", ("clerk",), "WL", "P08"),
    DemoUser("demo-lead", "演示值班长", ("lead",), "GA", None),
    DemoUser("demo-admin", "演示管理员", ("admin",), None, None),
    DemoUser("demo-auditor", "演示审计员", ("auditor",), None, None),
    DemoUser("demo-supervisor", "演示督查人员", ("supervisor",), None, None),
    DemoUser("demo-display", "大厅显示屏", ("display",), None, None),
    DemoUser("demo-cashier", "演示收费员", ("cashier",), "JS", "S01"),
    DemoUser("demo-finance", "演示财务人员", ("finance",), "JS", None),
]


def default_catalog_path() -> Path:
    """``resources/catalog/demo_catalog.json`` beside the ``records_service`` package."""
    return (
        Path(records_service.__file__).resolve().parents[1]
        / "resources"
        / "catalog"
        / ("demo_catalog.json")
    )


def upsert_user(
    session: Session,
    *,
    username: str,
    password: str,
    display_name: str,
    roles: list[str],
    department_code: str | None,
    window_code: str | None,
    must_change_password: bool = True,
) -> tuple[User, bool]:
    """Create the user, or bring an existing one in line. Returns (user, created).

    A password set here was chosen by someone else (``create-user``): the user changes it
    at their first sign-in, unless ``must_change_password`` is False (the demo accounts).
    """
    user = session.scalars(select(User).where(User.username == username)).first()
    created = user is None
    if user is None:
        user = User(
            username=username,
            password_hash=hash_password(password),
            active=True,
            must_change_password=must_change_password,
        )
        session.add(user)
    elif not verify_password(user.password_hash, password):
        user.password_hash = hash_password(password)
        user.must_change_password = must_change_password
    user.display_name = display_name
    user.roles = list(roles)
    user.department_code = department_code
    user.window_code = window_code
    session.flush()
    return user, created


def load_demo(
    session: Session,
    catalog_path: Path | None = None,
    *,
    history: bool = False,
    now: datetime | None = None,
) -> list[str]:
    """Load the demo data into ``session`` (not committed). Returns lines for the user.

    Args:
        session: a write session of the records database.
        catalog_path: the catalog JSON (default: the demo catalog).
        history: also a month of demo cases, ratings and refusals at W01 and W03, dated
            relative to ``now`` (`make run` wants them; the tests' template does not).
        now: "now" for the history (default: the system clock).
    """
    report: list[str] = []
    for code, name in DEPARTMENTS:
        dept = session.get(Department, code) or Department(code=code)
        dept.name = name
        session.add(dept)
    session.flush()
    for code, name, dept_code in WINDOWS:
        window = session.get(Window, code) or Window(code=code)
        window.name = name
        window.department_code = dept_code
        window.settlement = code in SETTLEMENT_WINDOWS
        session.add(window)
    session.flush()
    report.append(f"{len(DEPARTMENTS)} departments, {len(WINDOWS)} windows")
    center = writer_center(session)
    for demo_category in QUEUE_CATEGORIES:
        category = session.get(QueueCategory, (center, demo_category.code)) or QueueCategory(
            center_code=center, code=demo_category.code
        )
        category.prefix = demo_category.prefix
        category.name = demo_category.name
        category.department_code = demo_category.department_code
        category.windows = list(demo_category.windows)
        category.slot_capacity = demo_category.slot_capacity
        category.active = True
        session.add(category)
    session.flush()
    report.append(f"{len(QUEUE_CATEGORIES)} queue categories")
    for demo in USERS:
        _user, created = upsert_user(
            session,
            username=demo.username,
            password=DEMO_PASSWORD,
            display_name=demo.display_name,
            roles=list(demo.roles),
            department_code=demo.department_code,
            window_code=demo.window_code,
            must_change_password=False,
        )
        report.append(f"user {demo.username} {'created' if created else 'updated'}")
    path = catalog_path or default_catalog_path()
    if path.is_file():
        document = json.loads(path.read_text(encoding="utf-8"))
        for dept_data in document.get("departments", []):
            dept = session.get(Department, dept_data["code"]) or Department(code=dept_data["code"])
            dept.name = dept_data["name"]
            session.add(dept)
        session.flush()
        now_ = datetime.now(UTC)
        row, new = catalog_store.publish(session, document, now_)
        report.append(
            f"catalog {row.version} ({len(document['items'])} items) "
            f"{'published' if new else 'already published'}"
        )
        # 事项同源 (issue 20): the demo basic catalogue is made of the demo items (basic
        # code BASE- + item code), and the city's catalog implements each of them.
        try:
            base_items.load_base_catalog(session, base_items.base_items_of(document, BASE), now_)
        except base_items.BaseCatalogError as exc:  # an item renamed since: keep the old base
            report.append(f"demo basic catalogue not loaded: {exc}")
        else:
            made = base_items.record_implementations(session, center, row, BASE, now_)
            report.append(f"{made} implementations of base items (BASE-…) recorded")
    elif catalog_path is not None:
        raise FileNotFoundError(f"catalog file not found: {path}")
    else:
        report.append(f"no demo catalog at {path}: skipped")
    if history:
        from records_service.demo_history import load_history

        made = load_history(session, writer_center(session), now or datetime.now(UTC))
        report.append(
            f"{made} demo cases (示例) of the last 30 days at W01 and W03"
            if made
            else "demo cases (示例) already loaded"
        )
    return report
