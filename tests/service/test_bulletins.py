"""The monthly and weekly bulletin (通报, issue 19) over a generated month: 20,400 cases
(tests/helpers/dashboard_dataset.py) and 500 complaints, cards, model windows and rating
follow-ups bulk-inserted into the records database (not sent through the API), on SQLite
and PostgreSQL. Its case figures equal the workload dashboard's for the same days and a
plain-Python count; the rest equals a plain-Python count over the generated rows."""

from __future__ import annotations

import random
import shutil
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, update

from records_service.db import Database
from records_service.models import Complaint, ModelWindow, Rating, SupervisionCard
from tests.helpers import dashboard_dataset as dataset
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import build_demo_database

BEIJING = dataset.BEIJING
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
STATUSES = ("open", "assigned", "answered", "called_back", "closed", "reopened")
SATISFACTIONS = ("satisfied", "basically_satisfied", "dissatisfied")


@dataclass
class Made:
    """A generated complaint's facts (center time)."""

    no: str
    created: datetime
    window: str | None
    about_department: str | None
    #: The department it was assigned to.
    department: str | None
    status: str
    due: date | None
    answered: datetime | None
    satisfaction: str | None
    reopened: bool


@dataclass
class Month:
    service: LocalService
    cases: list[dataset.Generated]
    complaints: list[Made]
    followed: set[str]
    cards: list[dict[str, Any]]
    models: list[dict[str, Any]]


def make_complaints(rng: random.Random, n: int = 500) -> list[Made]:
    days = [date(2026, 10, 25) + timedelta(days=k) for k in range(34)]  # 25 Oct – 27 Nov
    made = []
    for k in range(n):
        day = rng.choice(days)
        created = datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), BEIJING)
        kind = rng.choices(("window", "department", "hall"), weights=(70, 20, 10))[0]
        window = rng.choice(dataset.WINDOWS) if kind == "window" else None
        about_dept = rng.choice(dataset.DEPARTMENTS) if kind == "department" else None
        status = rng.choice(STATUSES)
        assigned = status != "open"
        department = None
        if assigned:
            # the hall's complaints go to a department too, one the supervisor picks
            fallback = dataset.department_of(window) if window else None
            department = about_dept or fallback or rng.choice(dataset.DEPARTMENTS)
        due = day + timedelta(days=rng.randint(3, 9)) if assigned else None
        answered = None
        if status in ("answered", "called_back", "closed") and due is not None:
            answered = created + timedelta(days=rng.randint(1, 12))
            answered = min(answered, dataset.NOW.astimezone(BEIJING))
        satisfaction = rng.choice(SATISFACTIONS) if status in ("called_back", "closed") else None
        reopened = status == "reopened" or (status == "closed" and rng.random() < 0.2)
        made.append(
            Made(
                f"TS-HS-{day:%Y%m%d}-{k:04d}",
                created,
                window,
                about_dept,
                department,
                status,
                due,
                answered,
                satisfaction,
                reopened,
            )
        )
    return made


def _complaint_row(c: Made, center: str) -> dict[str, Any]:
    created = c.created.astimezone(UTC)
    about_dept = c.about_department
    return {
        "no": c.no,
        "center_code": center,
        "channel": "phone",
        "complainant_name": "李四",
        "complainant_contact": "13900139000",
        "anonymous": False,
        "about_kind": "window" if c.window else ("department" if about_dept else "hall"),
        "about_window": c.window,
        "about_department": about_dept,
        "about_clerk": None,
        "about_case_no": None,
        "category": "attitude",
        "account": "态度不好",
        "department_code": c.department,
        "due_date": c.due,
        "status": c.status,
        "reopened": c.reopened,
        "answer": "已整改" if c.answered else None,
        "answered_at": c.answered.astimezone(UTC) if c.answered else None,
        "answered_by": "demo-lead" if c.answered else None,
        "satisfaction": c.satisfaction,
        "callback_note": None,
        "escalated_at": None,
        "closed_at": created + timedelta(days=13) if c.status == "closed" else None,
        "rating_id": None,
        "hotline_order_no": None,
        "created_by": "demo-supervisor",
        "created_at": created,
        "updated_at": created,
        "version": 1,
    }


def load_supervision(url: str, rng: random.Random, cases: list[dataset.Generated]) -> Month:
    complaints = make_complaints(rng)
    followed = {g.id for g in cases if g.score is not None and g.score <= 2 and rng.random() < 0.5}
    cards = []
    for k in range(14):
        on_window = k % 3 != 0
        day = date(2026, 10, 30) + timedelta(days=k * 2)  # the first in October
        cards.append(
            {
                "colour": "red" if k % 4 == 0 else "yellow",
                "target_kind": "window" if on_window else "department",
                "target_code": rng.choice(dataset.WINDOWS if on_window else dataset.DEPARTMENTS),
                "reason": f"通报原因 {k}",
                "links": {"cases": [], "complaints": [], "ratings": []},
                "issued_at": datetime.combine(day, time(10), BEIJING).astimezone(UTC),
                "by_user": "demo-supervisor",
                "month": day.strftime("%Y-%m"),
            }
        )
    models = [
        {"month": "2026-11", "window_code": "W03", "reason": "零差评"},
        {"month": "2026-11", "window_code": "W12", "reason": "办结提速"},
        {"month": "2026-10", "window_code": "W04", "reason": "上月样板"},
    ]
    database = Database(url)
    try:
        center = database.center_code
        with database.write() as session:
            conn = session.connection()
            conn.execute(
                insert(Complaint.__table__), [_complaint_row(c, center) for c in complaints]
            )
            conn.execute(
                insert(SupervisionCard.__table__), [{**c, "center_code": center} for c in cards]
            )
            conn.execute(
                insert(ModelWindow.__table__),
                [
                    {**m, "center_code": center, "by_user": "demo-supervisor", "at": dataset.NOW}
                    for m in models
                ],
            )
            ids = sorted(followed)
            for chunk in range(0, len(ids), 500):
                conn.execute(
                    update(Rating)
                    .where(Rating.case_id.in_(ids[chunk : chunk + 500]))
                    .values(followed_up_at=Rating.rated_at, follow_up_by="demo-lead")
                )
            session.commit()
    finally:
        database.dispose()
    return Month(None, cases, complaints, followed, cards, models)  # type: ignore[arg-type]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def month(request, tmp_path_factory, records_template_db) -> Iterator[Month]:
    cases = dataset.generate()
    rng = random.Random(19)
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("bulletin") / "records.db"
        shutil.copyfile(records_template_db(None), path)
        url = f"sqlite:///{path}"
        dataset.load(url, cases)
        made = load_supervision(url, rng, cases)
        with local_service(url, Clock(dataset.NOW)) as service:
            made.service = service
            yield made
        return
    server = request.getfixturevalue("postgres_server")
    from sqlalchemy import create_engine, text

    name = "bulletin_" + uuid.uuid4().hex[:10]
    admin = create_engine(server + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = f"{server}/{name}"
        build_demo_database(url)
        dataset.load(url, cases)
        made = load_supervision(url, rng, cases)
        with local_service(url, Clock(dataset.NOW)) as service:
            made.service = service
            yield made
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


# --- the plain-Python counts ----------------------------------------------------------------


def complaint_counts(complaints: list[Made], start: date, end: date) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for c in complaints:
        if not start <= c.created.date() <= end:
            continue
        department = c.department or c.about_department
        if department is None and c.window:
            department = dataset.department_of(c.window)
        late = c.due is not None and (
            (c.status in ("assigned", "reopened") and c.due < dataset.TODAY)
            or (c.answered is not None and c.answered.date() > c.due)
        )
        facts = {
            "received": True,
            "running": c.status != "closed",
            "closed": c.status == "closed",
            "answered": c.answered is not None,
            "overdue": late,
            "reopened": c.reopened,
            "satisfied": c.satisfaction == "satisfied",
            "basically_satisfied": c.satisfaction == "basically_satisfied",
            "dissatisfied": c.satisfaction == "dissatisfied",
        }
        for key in {"total", f"w:{c.window}", f"d:{department}"}:
            for name, yes in facts.items():
                counts[key][name] += yes
    return counts


def rating_counts(month: Month, start: date, end: date) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for g in month.cases:
        if g.score is None or g.score > 2 or g.completed is None:
            continue
        if not start <= g.completed.date() <= end:
            continue
        followed = g.id in month.followed
        late = not followed and g.completed.date() + timedelta(days=5) < dataset.TODAY
        for key in ("total", f"w:{g.window}", f"d:{dataset.department_of(g.window)}"):
            counts[key]["bad"] += 1
            counts[key]["followed_up"] += followed
            counts[key]["follow_up_overdue"] += late
    return counts


def card_counts(month: Month, start: date, end: date) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for card in month.cards:
        if not start <= card["issued_at"].astimezone(BEIJING).date() <= end:
            continue
        code = card["target_code"]
        keys = ["total", f"d:{code}"]
        if card["target_kind"] == "window":
            keys = ["total", f"w:{code}", f"d:{dataset.department_of(code)}"]
        for key in keys:
            counts[key][card["colour"]] += 1
    return counts


CASE_KEYS = ("received", "accepted", "completed", "in_progress", "waiting", "overdue",
             "due_soon", "refused", "on_time_rate", "early_rate", "average_handling_days",
             "ratings", "satisfaction")  # fmt: skip


def _rows(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    rows = {f"w:{r['group']}": r for r in answer["windows"]}
    rows.update({f"d:{r['group']}": r for r in answer["departments"]})
    rows["total"] = answer["total"]
    return rows


def check_against_plain_python(
    month: Month, answer: dict[str, Any], start: date, end: date
) -> None:
    rows = _rows(answer)
    complaints = complaint_counts(month.complaints, start, end)
    ratings = rating_counts(month, start, end)
    cards = card_counts(month, start, end)
    wrong = []
    for key, row in rows.items():
        for name, value in row["complaints"].items():
            if value != complaints[key][name]:
                wrong.append(f"{key} complaints.{name}: {value} != {complaints[key][name]}")
        for name, value in row["ratings"].items():
            if value != ratings[key][name]:
                wrong.append(f"{key} ratings.{name}: {value} != {ratings[key][name]}")
        for name, value in row["cards"].items():
            if value != cards[key][name]:
                wrong.append(f"{key} cards.{name}: {value} != {cards[key][name]}")
    assert not wrong, "\n".join(wrong[:20])


# --- the tests --------------------------------------------------------------------------------


def test_monthly_bulletin_equals_the_dashboard_and_a_plain_count(month: Month) -> None:
    service = month.service
    supervisor = service.token("demo-supervisor", window_code=None)
    answer = service.get("/bulletins", supervisor, period="2026-11")
    assert answer.status_code == 200, answer.text
    bulletin = answer.json()
    assert (bulletin["kind"], bulletin["from"], bulletin["to"]) == (
        "month",
        "2026-11-01",
        "2026-11-30",
    )
    # The case figures: the dashboard's own, for the same days, by window and department.
    lead_admin = service.token("demo-admin", window_code=None)
    for group, rows in (("window", "windows"), ("department", "departments")):
        dashboard = service.get(
            "/workload", lead_admin, **{"from": "2026-11-01", "to": "2026-11-30", "group": group}
        ).json()
        ours = {r["group"]: r["cases"] for r in bulletin[rows]}
        theirs = {i["group"]: i for i in dashboard["items"]}
        assert set(ours) == set(theirs)
        for code, figures in ours.items():
            assert figures == {k: v for k, v in theirs[code].items() if k in figures}, code
        assert bulletin["total"]["cases"] == {**dashboard["total"], "group": "total"}
    # ... and a plain-Python count over the generated cases.
    expected = dataset.expected(month.cases, *NOVEMBER)
    got = {r["group"]: r["cases"] for r in bulletin["windows"]}
    got["total"] = bulletin["total"]["cases"]
    for window in [*dataset.WINDOWS, "total"]:
        for key in CASE_KEYS:
            assert got[window][key] == expected[window][key], (window, key)
    assert sum(r["cases"]["received"] for r in bulletin["windows"]) == sum(
        1 for g in month.cases if g.received.month == 11
    )
    check_against_plain_python(month, bulletin, *NOVEMBER)
    total = bulletin["total"]
    assert min(total["complaints"]["overdue"], total["complaints"]["reopened"]) > 0
    assert min(total["ratings"]["followed_up"], total["ratings"]["follow_up_overdue"]) > 0
    assert min(total["cards"]["red"], total["cards"]["yellow"]) > 0
    assert bulletin["total"]["complaints"]["received"] == sum(
        1 for c in month.complaints if c.created.month == 11
    )
    # Model windows of November (not October's), flagged on their rows.
    assert [(m["month"], m["window_code"]) for m in bulletin["model_windows"]] == [
        ("2026-11", "W03"),
        ("2026-11", "W12"),
    ]
    assert {r["group"] for r in bulletin["windows"] if r["model_window"]} == {"W03", "W12"}
    assert len(bulletin["cards"]) == 13  # the first was issued on 30 October
    assert bulletin["cards"][0]["issued_at"].startswith("2026-11-01T10:00")


def test_weekly_bulletin_and_a_leads_department(month: Month) -> None:
    service = month.service
    supervisor = service.token("demo-supervisor", window_code=None)
    week = service.get("/bulletins", supervisor, period="2026-W48").json()
    start, end = date(2026, 11, 23), date(2026, 11, 29)
    assert (week["kind"], week["from"], week["to"]) == ("week", start.isoformat(), end.isoformat())
    expected = dataset.expected(month.cases, start, end)
    for row in week["windows"]:
        if row["group"] in expected:
            for key in CASE_KEYS:
                assert row["cases"][key] == expected[row["group"]][key], (row["group"], key)
    check_against_plain_python(month, week, start, end)
    # The lead of GA: their department's windows and department only, the same figures.
    lead = service.get("/bulletins", service.token("demo-lead", window_code=None), period="2026-11")
    assert lead.status_code == 200, lead.text
    ga = lead.json()
    everything = service.get("/bulletins", supervisor, period="2026-11").json()
    assert [r["group"] for r in ga["departments"]] == ["GA"]
    assert {r["group"] for r in ga["windows"]} == {
        r["group"] for r in everything["windows"] if r["department_code"] == "GA"
    }
    ga_row = next(r for r in everything["departments"] if r["group"] == "GA")
    assert ga["departments"][0] == ga_row
    assert ga["total"]["complaints"] == ga_row["complaints"]


def test_who_may_ask_and_bad_periods(month: Month) -> None:
    service = month.service
    clerk = service.token("demo-clerk")
    assert service.get("/bulletins", clerk, period="2026-11").status_code == 403
    supervisor = service.token("demo-supervisor", window_code=None)
    for bad in ("2026-13", "2026-W54", "2026-W00", "2026-11-01", "2026", "2027-W53"):
        answer = service.get("/bulletins", supervisor, period=bad)
        assert answer.status_code == 422, (bad, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert "period" in answer.text
    # 2026 began on a Thursday: it has a week 53 (28 Dec 2026 – 3 Jan 2027), 2027 has not.
    week53 = service.get("/bulletins", supervisor, period="2026-W53").json()
    assert (week53["from"], week53["to"]) == ("2026-12-28", "2027-01-03")


@pytest.mark.usefixtures("qapp")
def test_the_desk_renders_the_monthly_bulletin_as_pdf_and_xlsx(month: Month, tmp_path) -> None:
    """The desk's PDF (read back with pdftotext) and XLSX say what the JSON says."""
    from openpyxl import load_workbook

    from clerk_app.app.bulletins import bulletin_from_wire, write_bulletin_pdf, write_bulletin_xlsx
    from tests.helpers.documents import flat, pdf_text

    supervisor = month.service.token("demo-supervisor", window_code=None)
    data = month.service.get("/bulletins", supervisor, period="2026-11").json()
    doc = bulletin_from_wire(data)
    pdf = write_bulletin_pdf(doc, tmp_path / "bulletin.pdf")
    text = flat(pdf_text(pdf))
    assert "政务服务月通报" in text
    assert "统计期间：2026年11月" in text
    # -layout: one table row a line, the figures in the columns' order.
    lines = [line.split() for line in pdf_text(pdf, "-layout").splitlines() if line.strip()]

    def figures(row: dict[str, Any]) -> list[str]:
        cases, complaints = row["cases"], row["complaints"]
        rate = cases["on_time_rate"]
        return [str(v) for v in (
            cases["received"], cases["completed"],
            "—" if rate is None else f"{rate * 100:.1f}%", cases["overdue"],
            complaints["received"], complaints["closed"], complaints["overdue"],
            complaints["dissatisfied"], row["ratings"]["bad"], row["ratings"]["followed_up"],
            row["ratings"]["follow_up_overdue"], row["cards"]["red"], row["cards"]["yellow"],
        )]  # fmt: skip

    total = data["total"]
    assert ["合计", *figures(total)] in lines
    for row in data["departments"]:
        if row["cases"]["received"]:
            assert [row["name"], *figures(row)] in lines, row["group"]
    for row in data["windows"]:
        if row["cases"]["received"]:
            found = [line for line in lines if line[0] == row["group"]]
            assert found and found[0][-13:] == figures(row), row["group"]
    assert "零差评" in text and "办结提速" in text and "上月样板" not in text
    assert text.count("（样板窗口）") == 2
    for card in data["cards"]:
        assert flat(card["target_name"] + card["reason"]) in text
    # The XLSX: the same lines, numbers as numbers.
    book = load_workbook(write_bulletin_xlsx(doc, tmp_path / "bulletin.xlsx"))
    assert book.sheetnames == ["部门", "窗口", "红黄牌", "样板窗口"]
    windows = list(book["窗口"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in windows] == [r["group"] for r in data["windows"]]
    for cells, row in zip(windows, data["windows"], strict=True):
        assert cells[4:8] == (
            row["cases"]["received"], row["cases"]["completed"],
            row["cases"]["on_time_rate"], row["cases"]["overdue"],
        )  # fmt: skip
        assert cells[3] == ("是" if row["model_window"] else None)
    departments = list(book["部门"].iter_rows(min_row=3, values_only=True))
    assert departments[-1][1] == "合计"
    cells = [str(v) for v in departments[-1][2:]]
    cells[2] = f"{departments[-1][4] * 100:.1f}%"
    assert cells == figures(total)
    assert len(list(book["红黄牌"].iter_rows(min_row=3))) == len(data["cards"])
