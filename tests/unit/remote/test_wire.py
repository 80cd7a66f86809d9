"""The wire JSON of cases (remote.wire): round trips, and the service's schema accepts it.

``records_service.schemas.CaseCreate`` declares the ``POST /cases`` body a second time (the
service's side). The property test below keeps the two from drifting: whatever case the
desk can hold, its body is accepted by ``CaseCreate`` as is, and the body's fields are
exactly ``CaseCreate``'s.
"""

from __future__ import annotations

import json
import string
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import (
    CommitmentRecord,
    CorrectionData,
    DecisionData,
    DeferredDecision,
    FeeState,
    ForwardDecision,
    MaterialForm,
    MaterialNeed,
    RefusalDecision,
    ResumeData,
    SupplementDecision,
    SupplementRequest,
    SuspendData,
    VerificationData,
    data_type,
)
from clerk_app.core.identity import IdType
from clerk_app.core.lifecycle import Disposition, EventType, Status, initial_status, intake_event
from clerk_app.core.records import (
    Case,
    CaseEvent,
    ClientEvent,
    DocumentRecord,
    MaterialLine,
    Party,
    PartyKind,
    Rating,
)
from clerk_app.remote.wire import (
    WireError,
    board_from_wire,
    case_from_wire,
    case_to_wire,
    client_events_to_wire,
    document_to_wire,
    event_from_wire,
    event_to_wire,
    progress_from_wire,
    rating_to_wire,
)
from records_service.schemas import (
    CaseCreate,
    ClientEvents,
    DocumentCreate,
    EventCreate,
    RatingCreate,
)

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(str.strip)
CODE = st.text(alphabet=string.ascii_uppercase + string.digits + "-", min_size=1, max_size=20)
MOMENT = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(CENTER_TZ)
).map(lambda d: d.replace(microsecond=0))
DAY = st.dates(date(2000, 1, 1), date(2100, 12, 31))
TEXTS = st.lists(TEXT, max_size=3).map(tuple)
NEEDS = st.lists(
    st.builds(MaterialNeed, name=TEXT, requirement=TEXT, code=st.just("") | CODE), max_size=3
).map(tuple)
COMMON = {
    "fee_state": st.sampled_from(FeeState),
    "received_as": st.dictionaries(CODE, st.sampled_from(MaterialForm), max_size=3),
    "commitment": st.none()
    | st.builds(
        CommitmentRecord,
        materials=NEEDS,
        whole_item=st.booleans(),
        credit_checked=st.booleans(),
        verify_by=st.none() | DAY,
        verify_by_provisional=st.booleans(),
    ),
}
#: Every kind of event data, as the desk makes it.
EVENT_DATA = {
    DecisionData: st.builds(DecisionData, **COMMON),
    DeferredDecision: st.builds(
        DeferredDecision, **COMMON, deferred=NEEDS, supply_by=st.none() | DAY
    ),
    SupplementDecision: st.builds(SupplementDecision, **COMMON, missing=NEEDS, legal_basis=TEXTS),
    RefusalDecision: st.builds(RefusalDecision, **COMMON, reasons=TEXTS, legal_basis=TEXTS),
    ForwardDecision: st.builds(
        ForwardDecision, **COMMON, authority=TEXT, reason=TEXT, expected_by=st.none() | DAY
    ),
    SuspendData: st.builds(SuspendData, kind=TEXT, suspended_on=DAY),
    ResumeData: st.builds(ResumeData, resumed_on=DAY)
    | st.builds(
        ResumeData,
        resumed_on=DAY,
        suspended_on=DAY,
        suspended_working_days=st.integers(0, 400),
        due_date=DAY,
        due_date_provisional=st.booleans(),
    ),
    SupplementRequest: st.builds(SupplementRequest, missing=NEEDS),
    CorrectionData: st.builds(CorrectionData, field=TEXT, old=TEXT, new=TEXT),
    VerificationData: st.builds(
        VerificationData, verified_on=st.none() | DAY, credit_note=st.just("") | TEXT
    ),
}


@st.composite
def parties(draw, *, kind=None):
    kind = kind or draw(st.sampled_from(PartyKind))
    organization = kind is PartyKind.ORGANIZATION
    return Party(
        kind=kind,
        name=draw(TEXT),
        id_type=draw(st.sampled_from(IdType)),
        id_number=draw(st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=18)),
        phone=draw(st.text(string.digits, max_size=11)),
        legal_representative=draw(TEXT) if organization else "",
        contact_name=draw(st.just("") | TEXT) if organization else "",
    )


materials = st.builds(
    MaterialLine,
    code=CODE,
    received=st.booleans(),
    deferred=st.booleans(),
    copies=st.integers(0, 99),
    note=st.just("") | TEXT,
    by_commitment=st.booleans(),
)


@st.composite
def cases(draw):
    disposition = draw(st.sampled_from(Disposition))
    received = draw(MOMENT)
    clerk = draw(st.text(string.ascii_lowercase + "-", min_size=1, max_size=20))
    first_type = intake_event(disposition)
    first = CaseEvent(
        id=str(draw(st.uuids())),
        type=first_type,
        at=received,
        actor=clerk,
        note=draw(st.just("") | TEXT),
        data=draw(EVENT_DATA[data_type(first_type, first=True)]),
    )
    due = draw(st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31)))
    return Case(
        id=str(draw(st.uuids())),
        case_no=draw(CODE),
        query_code=draw(st.text(string.digits, min_size=6, max_size=6)),
        item_code=draw(CODE),
        window_code=draw(st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=8)),
        catalog_version=draw(CODE),
        applicant=draw(parties()),
        agent=draw(st.none() | parties(kind=PartyKind.PERSON)),
        materials=tuple(draw(st.lists(materials, max_size=5))),
        disposition=disposition,
        status=initial_status(disposition),
        received_at=received,
        due_date=due,
        due_date_provisional=due is not None and draw(st.booleans()),
        fee_fen=draw(st.integers(0, 10**9)),
        clerk=clerk,
        events=(first,),
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_a_case_comes_back_from_its_wire_body_unchanged(case):
    body = json.loads(json.dumps(case_to_wire(case)))
    assert case_from_wire(body) == case
    assert case_to_wire(case_from_wire(body)) == body


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_services_case_create_accepts_exactly_the_desks_body(case):
    body = case_to_wire(case)
    assert set(body) == set(CaseCreate.model_fields)
    accepted = CaseCreate.model_validate_json(json.dumps(body))
    assert str(accepted.id) == case.id
    assert accepted.applicant.name == case.applicant.name
    assert accepted.received_at == case.received_at
    assert accepted.due_date == case.due_date
    assert [m.code for m in accepted.materials] == [m.code for m in case.materials]
    assert accepted.first_event.type == intake_event(case.disposition).value


def test_an_unknown_field_in_the_body_is_refused_by_the_service():
    # The check above is worth something only because the service is strict.
    body = case_to_wire(case_from_wire(json.loads(json.dumps(case_to_wire(_sample()))))) | {
        "extra": 1
    }
    with pytest.raises(ValueError, match="extra"):
        CaseCreate.model_validate_json(json.dumps(body))


def _sample() -> Case:
    at = datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ)
    return Case(
        id=str(uuid.uuid4()),
        case_no="HS-W01-20261128-000001",
        query_code="123456",
        item_code="DEMO-GA-001",
        window_code="W01",
        catalog_version="demo-2026.1",
        applicant=Party(
            PartyKind.PERSON, "张三", IdType.RESIDENT_ID, "11010519491231002X", "13800138000"
        ),
        agent=None,
        materials=(MaterialLine("M1", True),),
        disposition=Disposition.PROMISED,
        status=Status.ACCEPTED,
        received_at=at,
        due_date=date(2026, 12, 8),
        due_date_provisional=False,
        fee_fen=0,
        clerk="demo-clerk",
        events=(CaseEvent(str(uuid.uuid4()), EventType.ACCEPT, at, "demo-clerk"),),
    )


def test_a_case_the_service_answers_with_reads_its_status_and_events():
    case = _sample()
    later = case.received_at + timedelta(hours=2)
    answer = {
        k: v for k, v in case_to_wire(case).items() if k != "first_event"
    } | {
        "status": "in_progress",
        "completed_at": None,
        "device_id": "dev-1",
        "updated_at": later.isoformat(),
        "events": [
            {"id": "e1", "type": "accept", "at": case.received_at.isoformat(),
             "actor": "demo-clerk", "window_code": "W01", "note": "", "data": None},
            {"id": "e2", "type": "start", "at": later.astimezone(UTC).isoformat(),
             "actor": "lead", "window_code": None, "note": "开始", "data": {"k": 1}},
            {"id": "e3", "type": "suspend", "at": later.isoformat(), "actor": "lead",
             "note": "", "data": {"kind": "hearing", "suspended_on": "2026-11-30", "k": 2}},
        ],
    }  # fmt: skip
    read = case_from_wire(answer)
    assert read.status is Status.IN_PROGRESS
    assert [(e.id, e.type, e.actor) for e in read.events] == [
        ("e1", EventType.ACCEPT, "demo-clerk"),
        ("e2", EventType.START, "lead"),
        ("e3", EventType.SUSPEND, "lead"),
    ]
    # Data an event does not record (and keys this desk does not know) are left out.
    assert read.events[1].at == later and read.events[1].data is None
    assert read.events[2].data == SuspendData(kind="hearing", suspended_on=date(2026, 11, 30))
    assert read.first_event == read.events[0]


@pytest.mark.parametrize(
    ("change", "word"),
    [
        ({"disposition": "maybe"}, "disposition"),
        ({"received_at": "2026-11-28T09:30:00"}, "offset"),
        ({"due_date": "28.11.2026"}, "due_date"),
        ({"applicant": None}, "applicant"),
        ({"case_no": 7}, "case_no"),
    ],
)
def test_a_malformed_case_is_a_wire_error_naming_the_field(change, word):
    with pytest.raises(WireError, match=word):
        case_from_wire(case_to_wire(_sample()) | change)


def test_an_event_and_a_document_are_what_the_service_takes():
    event = CaseEvent("3f8e5b1c-1111-4a8e-9c53-4f1a8f9d2c11", EventType.SUSPEND,
                      datetime(2026, 11, 30, 10, 0, tzinfo=CENTER_TZ), "demo-clerk", "听证",
                      SuspendData(kind="hearing", suspended_on=date(2026, 11, 30)))  # fmt: skip
    body = event_to_wire(event)
    assert body["data"] == {"kind": "hearing", "suspended_on": "2026-11-30"}
    EventCreate.model_validate_json(json.dumps(body))
    assert event_from_wire(body) == event
    record = DocumentRecord(
        id="5a8e5b1c-1111-4a8e-9c53-4f1a8f9d2c11",
        case_no="HS-W01-20261128-000001",
        kind="acceptance",
        document_no="衡审受〔2026〕W01-000001号",
        sha256="ab" * 32,
        issued_at=datetime(2026, 11, 28, 9, 31, tzinfo=CENTER_TZ),
        clerk="demo-clerk",
    )
    DocumentCreate.model_validate_json(json.dumps(document_to_wire(record)))


ACTION_TYPES = {
    SuspendData: EventType.SUSPEND,
    ResumeData: EventType.RESUME,
    SupplementRequest: EventType.REQUEST_SUPPLEMENT,
    CorrectionData: EventType.CORRECT,
    VerificationData: EventType.COMMITMENT_FALSE,
}


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(ACTION_TYPES, key=lambda k: k.__name__)).flatmap(
    lambda kind: st.tuples(st.just(ACTION_TYPES[kind]), EVENT_DATA[kind])
), MOMENT)  # fmt: skip
def test_an_actions_event_data_comes_back_from_its_wire_body_and_the_service_takes_it(typed, at):
    event_type, data = typed
    event = CaseEvent(str(uuid.uuid4()), event_type, at, "demo-clerk", "", data)
    body = json.loads(json.dumps(event_to_wire(event)))
    EventCreate.model_validate_json(json.dumps(body))
    assert event_from_wire(body) == event


def test_the_intake_decisions_data_keeps_the_keys_of_the_contract():
    at = datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ)
    deferred = DeferredDecision(
        fee_state=FeeState.PAID,
        received_as={"M1": MaterialForm.ORIGINAL},
        deferred=(MaterialNeed("户口簿", "原件", "M2"),),
        supply_by=date(2026, 12, 1),
    )
    event = CaseEvent("e1", EventType.ACCEPT_DEFERRED, at, "demo-clerk", "", deferred)
    assert event_to_wire(event)["data"] == {
        "fee_state": "paid",
        "received_as": {"M1": "original"},
        "deferred": [{"code": "M2", "name": "户口簿", "requirement": "原件"}],
        "supply_by": "2026-12-01",
    }
    with pytest.raises(WireError, match="supply_by"):
        event_from_wire(
            event_to_wire(event) | {"data": {"fee_state": "paid", "supply_by": "12/1"}},
            first=True,
        )


def test_a_rating_and_audit_records_are_what_the_service_takes():
    at = datetime(2026, 11, 28, 9, 40, tzinfo=CENTER_TZ)
    rating = Rating("7a8e5b1c-1111-4a8e-9c53-4f1a8f9d2c11", "HS-W01-20261128-000001", 4, at,
                    "demo-clerk", "很好")  # fmt: skip
    body = rating_to_wire(rating)
    RatingCreate.model_validate_json(json.dumps(body))
    assert body == {"id": rating.id, "score": 4, "comment": "很好",
                    "rated_at": "2026-11-28T09:40:00+08:00", "clerk": "demo-clerk"}  # fmt: skip
    resent = ClientEvent(
        "8a8e5b1c-1111-4a8e-9c53-4f1a8f9d2c11", "outbox.resend", "x" * 80, at,
        target="T" * 150, detail={"kind": "create_case", "fields": ("a", "b")},
    )  # fmt: skip
    offline = ClientEvent("9a8e5b1c-1111-4a8e-9c53-4f1a8f9d2c11", "offline_signin", "", at,
                          result="refused: wrong-password " * 3)  # fmt: skip
    body = client_events_to_wire(resent, offline)
    ClientEvents.model_validate_json(json.dumps(body))
    first, second = body["events"]
    assert first["actor"] == "x" * 64 and first["target"] == "T" * 100
    assert first["detail"] == {"kind": "create_case", "fields": ["a", "b"]}
    assert second["actor"] == "-" and len(second["result"]) == 32
    assert "target" not in second and "detail" not in second


def test_the_board_is_read_typed_and_a_row_without_its_hall_word_is_left_out():
    board = board_from_wire({
        "as_of": "2026-11-30T10:15:00+08:00",
        "items": [
            {"case_no": "HS-W01-20261130-000001", "window_code": "W01", "item_code": "GA-1",
             "item_name": "居民身份证换领", "applicant": "张*", "status": "accepted",
             "hall_group": "受理", "updated_at": "2026-11-30T02:10:00Z"},
            {"case_no": "HS-W01-20261130-000002", "window_code": "W01", "hall_group": None},
        ],
        "today": {"received": 2, "completed": 1, "completion_rate": 0.5},
    })  # fmt: skip
    assert board.as_of == datetime(2026, 11, 30, 10, 15, tzinfo=CENTER_TZ)
    [entry] = board.entries
    assert (entry.case_no, entry.item_name, entry.applicant, entry.hall_group) == (
        "HS-W01-20261130-000001", "居民身份证换领", "张*", "受理",
    )  # fmt: skip
    assert entry.updated_at == datetime(2026, 11, 30, 10, 10, tzinfo=CENTER_TZ)
    assert (board.received, board.completed, board.completion_rate) == (2, 1, 0.5)
    with pytest.raises(WireError, match="as_of"):
        board_from_wire({"items": []})


def test_the_progress_answer_is_read_typed():
    progress = progress_from_wire({
        "case_no": "HS-W01-20261130-000001", "status": "completed_approved", "hall_group": "办结",
        "item_code": "GA-1", "item_name": "居民身份证换领", "applicant": "张*",
        "received_at": "2026-11-30T01:30:00Z", "due_date": "2026-12-08",
        "completed_at": "2026-12-01T09:00:00+08:00",
    })  # fmt: skip
    assert progress.status is Status.COMPLETED_APPROVED and progress.applicant == "张*"
    assert progress.received_at == datetime(2026, 11, 30, 9, 30, tzinfo=CENTER_TZ)
    assert progress.due_date == date(2026, 12, 8)
    assert progress.completed_at == datetime(2026, 12, 1, 9, 0, tzinfo=CENTER_TZ)
    with pytest.raises(WireError, match="status"):
        progress_from_wire(
            {"case_no": "x", "status": "maybe", "received_at": "2026-11-30T01:30:00Z"}
        )
