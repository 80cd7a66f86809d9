"""The records service's JSON for cases, events and documents, and back (API.md).

The only place the client turns :mod:`clerk_app.core.records` into the wire JSON of
docs/INTERFACES.md ("Case body") and reads it back. The shapes are the service's contract:
``case_to_wire`` gives exactly the ``POST /cases`` body the service's ``CaseCreate``
accepts (a test keeps the two in step); ``case_from_wire`` reads that body as well as a
case the service answers with (``GET /cases/{no}``, ``GET /changes``: with ``status`` and
``events``, without ``first_event``). Fields the service adds to its answers are ignored.

Raises from the readers: :class:`WireError` (a ``ValueError``) when a field is missing or
has the wrong type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import (
    CommitmentRecord,
    CorrectionData,
    DecisionData,
    DeferredDecision,
    EventData,
    FeeState,
    ForwardData,
    ForwardDecision,
    MaterialForm,
    MaterialNeed,
    RefusalDecision,
    ResumeData,
    SupplementDecision,
    SupplementFiling,
    SupplementRequest,
    SuspendData,
    VerificationData,
    WaiverApproval,
    data_type,
)
from clerk_app.core.fees import NoticeLine, PaymentNotice, Waiver
from clerk_app.core.identity import IdType
from clerk_app.core.lifecycle import Disposition, EventType, Status, initial_status
from clerk_app.core.records import (
    Board,
    BoardEntry,
    Case,
    CaseEvent,
    ClientEvent,
    DocumentRecord,
    ForwardedTo,
    JointCase,
    JointProgress,
    JointProgressPart,
    JointProgressStage,
    MaterialLine,
    Party,
    PartyKind,
    Progress,
    Rating,
)

__all__ = [
    "WireError",
    "board_from_wire",
    "case_from_wire",
    "case_to_wire",
    "client_events_to_wire",
    "document_to_wire",
    "event_data_from_wire",
    "event_data_to_wire",
    "event_from_wire",
    "event_to_wire",
    "joint_from_wire",
    "joint_progress_from_wire",
    "joint_to_wire",
    "material_to_wire",
    "party_from_wire",
    "party_to_wire",
    "progress_from_wire",
    "rating_to_wire",
]


class WireError(ValueError):
    """JSON from the service (or an outbox body) that is not the shape it should be."""


# -- writing ------------------------------------------------------------------------------


def party_to_wire(party: Party) -> dict[str, Any]:
    """An applicant or agent: ``{kind, name, id_type, id_number, [org fields], phone}``."""
    out: dict[str, Any] = {
        "kind": party.kind.value,
        "name": party.name,
        "id_type": party.id_type.value,
        "id_number": party.id_number,
    }
    if party.kind is PartyKind.ORGANIZATION:
        out["legal_representative"] = party.legal_representative
        out["contact_name"] = party.contact_name
    out["phone"] = party.phone
    if party.address:
        out["address"] = party.address
    return out


def material_to_wire(line: MaterialLine) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": line.code,
        "received": line.received,
        "deferred": line.deferred,
        "copies": line.copies,
    }
    if line.note:
        out["note"] = line.note
    if line.by_commitment:
        out["by_commitment"] = True
    return out


def _need_to_wire(need: MaterialNeed) -> dict[str, str]:
    out = {"name": need.name, "requirement": need.requirement}
    if need.code:
        out["code"] = need.code
    return out


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _commitment_to_wire(record: CommitmentRecord) -> dict[str, Any]:
    return {
        "materials": [_need_to_wire(n) for n in record.materials],
        "whole_item": record.whole_item,
        "credit_checked": record.credit_checked,
        "verify_by": _day(record.verify_by),
        "verify_by_provisional": record.verify_by_provisional,
    }


def event_data_to_wire(data: EventData) -> dict[str, Any]:
    """An event's ``data`` object (the keys of API.md; none left out, none added)."""
    if isinstance(data, DecisionData):
        out: dict[str, Any] = {"fee_state": data.fee_state.value}
        if data.received_as:
            out["received_as"] = {code: form.value for code, form in data.received_as.items()}
        if data.commitment is not None:
            out["commitment"] = _commitment_to_wire(data.commitment)
        if isinstance(data, DeferredDecision):
            out["deferred"] = [_need_to_wire(n) for n in data.deferred]
            out["supply_by"] = _day(data.supply_by)
        elif isinstance(data, SupplementDecision):
            out["missing"] = [_need_to_wire(n) for n in data.missing]
            out["legal_basis"] = list(data.legal_basis)
        elif isinstance(data, RefusalDecision):
            out["reasons"] = list(data.reasons)
            out["legal_basis"] = list(data.legal_basis)
        elif isinstance(data, ForwardDecision):
            out["authority"] = data.authority
            out["reason"] = data.reason
            out["expected_by"] = _day(data.expected_by)
            if data.center:  # the center above on the service (issue 20)
                out["center"] = data.center
        return out
    if isinstance(data, ForwardData):  # 上报 after intake (issue 20)
        forward: dict[str, Any] = {
            "authority": data.authority,
            "reason": data.reason,
            "expected_by": _day(data.expected_by),
        }
        if data.center:
            forward["center"] = data.center
        return forward
    if isinstance(data, SuspendData):
        return {"kind": data.kind, "suspended_on": _day(data.suspended_on)}
    if isinstance(data, ResumeData):
        out = {"resumed_on": _day(data.resumed_on)}
        if data.suspended_on is not None:
            out["suspended_on"] = data.suspended_on.isoformat()
            out["suspended_working_days"] = data.suspended_working_days
            out["due_date"] = _day(data.due_date)
            out["due_date_provisional"] = data.due_date_provisional
        return out
    if isinstance(data, SupplementRequest):
        request: dict[str, Any] = {"missing": [_need_to_wire(n) for n in data.missing]}
        if data.joint_notice:
            request["joint_notice"] = data.joint_notice
        return request
    if isinstance(data, SupplementFiling):
        # ``materials``: the item's material codes (what the service reads); ``needs``: the
        # same with their names and requirements, for the consolidated notice.
        return {
            "materials": [n.code for n in data.materials if n.code],
            "needs": [_need_to_wire(n) for n in data.materials],
        }
    if isinstance(data, WaiverApproval):
        return {"kind": "waiver_approved", **dataclasses.asdict(data)}
    if isinstance(data, VerificationData):
        out = {"verified_on": _day(data.verified_on)}
        if data.credit_note:
            out["credit_note"] = data.credit_note
        return out
    return {"field": data.field, "old": data.old, "new": data.new}


def event_to_wire(event: CaseEvent) -> dict[str, Any]:
    """An event as ``POST /cases/{no}/events`` takes it (``data`` only when there is some)."""
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type.value,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "note": event.note,
    }
    if event.data is not None:
        out["data"] = event_data_to_wire(event.data)
    return out


def case_to_wire(case: Case) -> dict[str, Any]:
    """The ``POST /cases`` body of a case taken in at this window.

    Raises:
        ValueError: the case has no events (its first event is the intake decision).
    """
    first = case.first_event
    if first is None:
        raise ValueError(f"case {case.case_no} has no first event")
    return {
        "id": case.id,
        "case_no": case.case_no,
        "query_code": case.query_code,
        "item_code": case.item_code,
        "window_code": case.window_code,
        "catalog_version": case.catalog_version,
        "applicant": party_to_wire(case.applicant),
        "agent": party_to_wire(case.agent) if case.agent is not None else None,
        "materials": [material_to_wire(m) for m in case.materials],
        "disposition": case.disposition.value,
        "received_at": case.received_at.isoformat(),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "due_date_provisional": case.due_date_provisional,
        "fee_fen": case.fee_fen,
        "clerk": case.clerk,
        "first_event": _first_event(first),
    }


def _first_event(event: CaseEvent) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type.value,
        "at": event.at.isoformat(),
        "note": event.note,
    }
    if event.data is not None:
        out["data"] = event_data_to_wire(event.data)
    return out


def document_to_wire(record: DocumentRecord) -> dict[str, Any]:
    """The ``POST /cases/{case_no}/documents`` body (the case number is in the path; a
    joint case's document names its joint number too)."""
    body: dict[str, Any] = {
        "id": record.id,
        "kind": record.kind,
        "document_no": record.document_no,
        "sha256": record.sha256,
        "issued_at": record.issued_at.isoformat(),
        "reprint": record.reprint,
        "clerk": record.clerk,
    }
    if record.joint_no:
        body["joint_no"] = record.joint_no
    return body


def rating_to_wire(rating: Rating) -> dict[str, Any]:
    """The ``POST /cases/{case_no}/rating`` body (the case number is in the path)."""
    return {
        "id": rating.id,
        "score": rating.score,
        "comment": rating.comment,
        "rated_at": rating.rated_at.isoformat(),
        "clerk": rating.clerk,
    }


def client_events_to_wire(*events: ClientEvent) -> dict[str, Any]:
    """The ``POST /audit/client-events`` body: ``{"events": [...]}``, each cut to the
    service's lengths (actor 64, result 32, target 100; an empty actor is ``-``)."""
    items = []
    for event in events:
        item: dict[str, Any] = {
            "id": event.id,
            "at": event.at.isoformat(),
            "actor": event.actor[:64] or "-",
            "action": event.action,
            "result": event.result[:32],
        }
        if event.target:
            item["target"] = event.target[:100]
        if event.detail:
            item["detail"] = {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in event.detail.items()
            }
        items.append(item)
    return {"events": items}


# -- reading ------------------------------------------------------------------------------


def _get(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...] = str) -> Any:
    try:
        value = data[key]
    except (KeyError, TypeError):
        raise WireError(f"{key!r} is missing") from None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise WireError(f"{key!r} has the wrong type ({type(value).__name__})")
    return value


def _text(data: Mapping[str, Any], key: str) -> str:
    """An optional text field: missing and null read as empty."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise WireError(f"{key!r} has the wrong type ({type(value).__name__})")
    return value


def answer_time(text: Any) -> datetime:
    """A time in a service answer (ISO 8601, ``Z`` allowed), which must carry its offset.

    Raises:
        ValueError: not a time, or a time without an offset.
    """
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"naive time {text!r}")
    return moment


def optional_answer_time(text: Any) -> datetime | None:
    """An optional time in a service answer: ``None`` when empty or missing."""
    return datetime.fromisoformat(str(text).replace("Z", "+00:00")) if text else None


def _moment(data: Mapping[str, Any], key: str) -> datetime:
    try:
        value = datetime.fromisoformat(_get(data, key))
    except ValueError:
        raise WireError(f"{key!r} is not an ISO 8601 time") from None
    if value.tzinfo is None:
        raise WireError(f"{key!r} has no UTC offset")
    return value


def _enum(cls: Any, value: Any, key: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        raise WireError(f"{key!r}: unknown value {value!r}") from None


def party_from_wire(data: Any) -> Party:
    if not isinstance(data, Mapping):
        raise WireError("a party is not an object")
    return Party(
        kind=_enum(PartyKind, _get(data, "kind"), "kind"),
        name=_get(data, "name"),
        id_type=_enum(IdType, _get(data, "id_type"), "id_type"),
        id_number=_get(data, "id_number"),
        phone=_text(data, "phone"),
        legal_representative=_text(data, "legal_representative"),
        contact_name=_text(data, "contact_name"),
        address=_text(data, "address"),
    )


def _material_from_wire(data: Any) -> MaterialLine:
    if not isinstance(data, Mapping):
        raise WireError("a material is not an object")
    return MaterialLine(
        code=_get(data, "code"),
        received=_get(data, "received", bool),
        deferred=bool(data.get("deferred", False)),
        copies=int(data.get("copies", 1)),
        note=_text(data, "note"),
        by_commitment=bool(data.get("by_commitment", False)),
    )


def _date(data: Mapping[str, Any], key: str) -> date | None:
    """An optional ``YYYY-MM-DD`` field (missing, null or empty: None)."""
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise WireError(f"{key!r} is not a YYYY-MM-DD date") from None


def _texts(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    values = data.get(key) or ()
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise WireError(f"{key!r} is not a list of texts")
    return tuple(values)


def _needs(data: Mapping[str, Any], key: str) -> tuple[MaterialNeed, ...]:
    values = data.get(key) or ()
    if not isinstance(values, list | tuple):
        raise WireError(f"{key!r} is not a list")
    needs = []
    for value in values:
        if not isinstance(value, Mapping):
            raise WireError(f"an item of {key!r} is not an object")
        needs.append(
            MaterialNeed(
                name=_text(value, "name"),
                requirement=_text(value, "requirement"),
                code=_text(value, "code"),
            )
        )
    return tuple(needs)


def _commitment_from_wire(data: Mapping[str, Any]) -> CommitmentRecord | None:
    raw = data.get("commitment")
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise WireError("'commitment' is not an object")
    return CommitmentRecord(
        materials=_needs(raw, "materials"),
        whole_item=bool(raw.get("whole_item", False)),
        credit_checked=bool(raw.get("credit_checked", False)),
        verify_by=_date(raw, "verify_by"),
        verify_by_provisional=bool(raw.get("verify_by_provisional", False)),
    )


def event_data_from_wire(
    event_type: EventType, data: Mapping[str, Any], *, first: bool
) -> EventData | None:
    """The typed ``data`` of an event of ``event_type`` (``first``: the intake decision).

    Keys this desk does not know are left out; an event that records nothing (or an empty
    ``data``) reads None.
    """
    kind = data_type(event_type, first=first)
    if kind is None or not data:
        return None
    if issubclass(kind, DecisionData):
        raw_forms = data.get("received_as") or {}
        if not isinstance(raw_forms, Mapping):
            raise WireError("'received_as' is not an object")
        common: dict[str, Any] = {
            "fee_state": _enum(FeeState, data.get("fee_state", "unpaid"), "fee_state"),
            "received_as": {
                str(code): _enum(MaterialForm, form, "received_as")
                for code, form in raw_forms.items()
            },
            "commitment": _commitment_from_wire(data),
        }
        if kind is DeferredDecision:
            return DeferredDecision(
                **common, deferred=_needs(data, "deferred"), supply_by=_date(data, "supply_by")
            )
        if kind is SupplementDecision:
            return SupplementDecision(
                **common, missing=_needs(data, "missing"), legal_basis=_texts(data, "legal_basis")
            )
        if kind is RefusalDecision:
            return RefusalDecision(
                **common, reasons=_texts(data, "reasons"), legal_basis=_texts(data, "legal_basis")
            )
        if kind is ForwardDecision:
            return ForwardDecision(
                **common,
                authority=_text(data, "authority"),
                reason=_text(data, "reason"),
                expected_by=_date(data, "expected_by"),
                center=_text(data, "center"),
            )
        return DecisionData(**common)
    if kind is ForwardData:
        return ForwardData(
            authority=_text(data, "authority"),
            reason=_text(data, "reason"),
            expected_by=_date(data, "expected_by"),
            center=_text(data, "center"),
        )
    if kind is SuspendData:
        return SuspendData(kind=_text(data, "kind"), suspended_on=_date(data, "suspended_on"))
    if kind is ResumeData:
        days = data.get("suspended_working_days")
        if days is not None and (not isinstance(days, int) or isinstance(days, bool)):
            raise WireError("'suspended_working_days' has the wrong type")
        return ResumeData(
            resumed_on=_date(data, "resumed_on"),
            suspended_on=_date(data, "suspended_on"),
            suspended_working_days=days,
            due_date=_date(data, "due_date"),
            due_date_provisional=bool(data.get("due_date_provisional", False)),
        )
    if kind is SupplementRequest:
        return SupplementRequest(
            missing=_needs(data, "missing"), joint_notice=_text(data, "joint_notice")
        )
    if kind is SupplementFiling:
        needs = _needs(data, "needs")
        named = {n.code for n in needs}
        codes = data.get("materials") or []
        if not isinstance(codes, list):
            raise WireError("'materials' is not a list")
        bare = tuple(MaterialNeed(name=str(c), requirement="", code=str(c)) for c in codes)
        return SupplementFiling(materials=needs + tuple(n for n in bare if n.code not in named))
    if kind is WaiverApproval:
        if data.get("kind") != "waiver_approved":
            return None  # a note's news this desk does not word
        amount = data.get("amount_fen", 0)
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise WireError("'amount_fen' has the wrong type")
        return WaiverApproval(
            notice_no=_text(data, "notice_no"),
            lead=_text(data, "lead"),
            amount_fen=amount,
            reason_code=_text(data, "reason_code"),
        )
    if kind is VerificationData:
        return VerificationData(
            verified_on=_date(data, "verified_on"), credit_note=_text(data, "credit_note")
        )
    return CorrectionData(
        field=_text(data, "field"), old=_text(data, "old"), new=_text(data, "new")
    )


def event_from_wire(data: Any, *, actor: str | None = None, first: bool = False) -> CaseEvent:
    """An event of a case (``actor`` stands in when the JSON names none: a first event;
    ``first``: it is the case's first event, the intake decision)."""
    if not isinstance(data, Mapping):
        raise WireError("an event is not an object")
    extra = data.get("data")
    if extra is not None and not isinstance(extra, Mapping):
        raise WireError("'data' of an event is not an object")
    event_type = _enum(EventType, _get(data, "type"), "type")
    named = data.get("actor")
    return CaseEvent(
        id=str(_get(data, "id")),
        type=event_type,
        at=_moment(data, "at"),
        actor=named if isinstance(named, str) else actor,
        note=_text(data, "note"),
        data=None if extra is None else event_data_from_wire(event_type, extra, first=first),
    )


def case_from_wire(data: Any) -> Case:
    """A case from a ``POST /cases`` body or from the service's answer (see the module doc).

    A body without ``status`` gets the initial status of its disposition; its events are its
    ``first_event``. An answer's ``events`` are read instead.
    """
    if not isinstance(data, Mapping):
        raise WireError("a case is not an object")
    clerk = _get(data, "clerk")
    disposition = _enum(Disposition, _get(data, "disposition"), "disposition")
    raw_events = data.get("events")
    if raw_events is not None:
        if not isinstance(raw_events, list):
            raise WireError("'events' is not a list")
        events = tuple(event_from_wire(e, first=i == 0) for i, e in enumerate(raw_events))
    elif data.get("first_event") is not None:
        events = (event_from_wire(data["first_event"], actor=clerk, first=True),)
    else:
        events = ()
    status_value = data.get("status")
    status = (
        initial_status(disposition)
        if status_value is None
        else _enum(Status, status_value, "status")
    )
    agent = data.get("agent")
    materials = _get(data, "materials", list)
    return Case(
        id=str(_get(data, "id")),
        case_no=_get(data, "case_no"),
        query_code=_get(data, "query_code"),
        item_code=_get(data, "item_code"),
        window_code=_get(data, "window_code"),
        catalog_version=_get(data, "catalog_version"),
        applicant=party_from_wire(_get(data, "applicant", Mapping)),
        agent=party_from_wire(agent) if agent is not None else None,
        materials=tuple(_material_from_wire(m) for m in materials),
        disposition=disposition,
        status=status,
        received_at=_moment(data, "received_at"),
        due_date=_date(data, "due_date"),
        due_date_provisional=bool(data.get("due_date_provisional", False)),
        fee_fen=int(data.get("fee_fen", 0)),
        clerk=clerk,
        events=events,
        joint_case_no=_text(data, "joint_case_no"),
        stage=_text(data, "stage"),
        department_code=_text(data, "department_code"),
        forwarded_to=forwarded_to_from_wire(data.get("forwarded_to")),
    )


def forwarded_to_from_wire(data: Any) -> ForwardedTo | None:
    """A case's ``forwarded_to`` (上报 to a center above, issue 20): None when absent."""
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise WireError("'forwarded_to' is not an object")
    return ForwardedTo(
        case_no=_get(data, "case_no"),
        center_code=_get(data, "center_code"),
        status=_enum(Status, _get(data, "status"), "forwarded_to.status"),
        completed_at=_optional_moment(data, "completed_at"),
    )


def _optional_moment(data: Mapping[str, Any], key: str) -> datetime | None:
    """An optional time (missing or null: None; without an offset: center time)."""
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise WireError(f"{key!r} is not an ISO 8601 time") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=CENTER_TZ)


def board_from_wire(data: Any) -> Board:
    """The ``GET /board`` answer; a row without its hall word (should not happen) is left
    out."""
    if not isinstance(data, Mapping):
        raise WireError("the board is not an object")
    entries = []
    for item in data.get("items") or ():
        if not isinstance(item, Mapping) or not item.get("hall_group"):
            continue
        entries.append(
            BoardEntry(
                case_no=_text(item, "case_no"),
                window_code=_text(item, "window_code"),
                item_code=_text(item, "item_code"),
                item_name=_text(item, "item_name"),
                applicant=_text(item, "applicant"),
                hall_group=_text(item, "hall_group"),
                updated_at=_optional_moment(item, "updated_at"),
                joint=item.get("joint") is True,
                stage_name=_text(item, "stage_name"),
            )
        )
    today = data.get("today") or {}
    if not isinstance(today, Mapping):
        raise WireError("'today' is not an object")
    rate = today.get("completion_rate")
    try:
        return Board(
            as_of=_moment(data, "as_of"),
            entries=tuple(entries),
            received=int(today.get("received") or 0),
            completed=int(today.get("completed") or 0),
            completion_rate=None if rate is None else float(rate),
            behind_seconds=behind_seconds(data),
        )
    except (TypeError, ValueError) as exc:
        raise WireError(f"'today' has a value of the wrong type: {exc}") from None


def progress_from_wire(data: Any) -> Progress | JointProgress:
    """The ``GET /progress`` answer: the applicant's public view of a case, or of a joint
    case (an answer with ``joint_no``, :func:`joint_progress_from_wire`)."""
    if not isinstance(data, Mapping):
        raise WireError("the progress answer is not an object")
    if "joint_no" in data:
        return joint_progress_from_wire(data)
    return Progress(
        case_no=_get(data, "case_no"),
        status=_enum(Status, _get(data, "status"), "status"),
        item_code=_text(data, "item_code"),
        item_name=_text(data, "item_name"),
        applicant=_text(data, "applicant"),
        received_at=_moment(data, "received_at"),
        due_date=_date(data, "due_date"),
        completed_at=_optional_moment(data, "completed_at"),
        as_of=_optional_moment(data, "as_of"),
        behind_seconds=behind_seconds(data),
    )


def behind_seconds(data: Mapping[str, Any]) -> int | None:
    """An answer read off the primary (issue 20): how many seconds the service's read
    replica is behind, when it says so (past its limit); None otherwise."""
    value = data.get("behind_seconds")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


_STAGE_STATES = ("waiting", "open", "complete")
_JOINT_STATUSES = ("in_progress", "completed")


def _one_of(data: Mapping[str, Any], key: str, values: tuple[str, ...]) -> str:
    value = _get(data, key)
    if value not in values:
        raise WireError(f"{key!r}: unknown value {value!r}")
    return str(value)


def joint_progress_from_wire(data: Any) -> JointProgress:
    """A joint number's ``GET /progress`` answer (the service's ``JointProgress``)."""
    if not isinstance(data, Mapping):
        raise WireError("the progress answer is not an object")
    stages = []
    for raw in _get(data, "stages", list):
        if not isinstance(raw, Mapping):
            raise WireError("a stage is not an object")
        stages.append(
            JointProgressStage(
                code=_get(raw, "code"),
                name=_text(raw, "name"),
                state=_one_of(raw, "state", _STAGE_STATES),
                due_date=_date(raw, "due_date"),
            )
        )
    parts = []
    for raw in _get(data, "parts", list):
        if not isinstance(raw, Mapping):
            raise WireError("a part is not an object")
        parts.append(
            JointProgressPart(
                item_code=_get(raw, "item_code"),
                item_name=_text(raw, "item_name"),
                stage=_text(raw, "stage"),
                department_code=_text(raw, "department_code"),
                department_name=_text(raw, "department_name"),
                hall_group=_text(raw, "hall_group"),
                due_date=_date(raw, "due_date"),
            )
        )
    return JointProgress(
        joint_no=_get(data, "joint_no"),
        package_code=_get(data, "package_code"),
        package_name=_text(data, "package_name"),
        status=_one_of(data, "status", _JOINT_STATUSES),
        hall_group=_text(data, "hall_group"),
        current_stage=_text(data, "current_stage"),
        current_stage_name=_text(data, "current_stage_name"),
        applicant=_text(data, "applicant"),
        received_at=_moment(data, "received_at"),
        completed_at=_optional_moment(data, "completed_at"),
        stages=tuple(stages),
        parts=tuple(parts),
        as_of=_optional_moment(data, "as_of"),
        behind_seconds=behind_seconds(data),
    )


# -- joint cases (issue 16) ----------------------------------------------------------------


def joint_to_wire(joint: JointCase) -> dict[str, Any]:
    """The ``POST /joint-cases`` body (the service's ``JointCaseCreate``): the joint case and
    every part; a part carries what differs between parts (its number, item, stage,
    materials, decision), the rest is the joint case's.

    Raises:
        ValueError: a part without its first event.
    """
    out: dict[str, Any] = {
        "id": joint.id,
        "joint_no": joint.joint_no,
        "query_code": joint.query_code,
        "package_code": joint.package_code,
        "window_code": joint.window_code,
        "catalog_version": joint.catalog_version,
        "applicant": party_to_wire(joint.applicant),
        "agent": party_to_wire(joint.agent) if joint.agent is not None else None,
        "materials": [material_to_wire(m) for m in joint.materials],
        "received_at": joint.received_at.isoformat(),
        "clerk": joint.clerk,
        "parts": [_part_to_wire(p) for p in joint.parts],
    }
    if joint.project_type is not None:
        out["project_type"] = joint.project_type
    if joint.project_code:
        out["project_code"] = joint.project_code
    return out


def _part_to_wire(part: Case) -> dict[str, Any]:
    first = part.first_event
    if first is None:
        raise ValueError(f"part {part.case_no} has no first event")
    return {
        "id": part.id,
        "case_no": part.case_no,
        "query_code": part.query_code,
        "item_code": part.item_code,
        "stage": part.stage,
        "materials": [material_to_wire(m) for m in part.materials],
        "disposition": part.disposition.value,
        "due_date": _day(part.due_date),
        "due_date_provisional": part.due_date_provisional,
        "fee_fen": part.fee_fen,
        "first_event": _first_event(first),
    }


def joint_from_wire(data: Any) -> JointCase:
    """A joint case from a ``POST /joint-cases`` body or from the service's answer
    (``{"joint_case": ...}`` or the joint case itself: parts with ``status``, ``events``,
    ``department_code``). A body's parts take the joint case's parties, window, clerk,
    catalog version and intake time, their initial status, and no department (the
    service assigns it from the catalog)."""
    if isinstance(data, Mapping) and isinstance(data.get("joint_case"), Mapping):
        data = data["joint_case"]
    if not isinstance(data, Mapping):
        raise WireError("a joint case is not an object")
    joint_no = _get(data, "joint_no")
    common = {
        key: data.get(key)
        for key in ("window_code", "catalog_version", "applicant", "agent", "received_at")
    }
    clerk: str = _get(data, "clerk")
    common["clerk"] = clerk
    raw_parts = _get(data, "parts", list)
    parts = []
    for raw in raw_parts:
        if not isinstance(raw, Mapping):
            raise WireError("a part is not an object")
        merged = {**common, **raw, "joint_case_no": joint_no}
        first = raw.get("first_event")
        if "status" not in raw and isinstance(first, Mapping) and first.get("type") == "receive":
            merged["status"] = Status.RECEIVED.value  # a later stage's part: only received
        part = case_from_wire(merged)
        if not part.stage:
            raise WireError(f"part {part.case_no} names no stage")
        parts.append(part)
    agent = data.get("agent")
    project_type = data.get("project_type")
    if project_type is not None and not isinstance(project_type, str):
        raise WireError("'project_type' has the wrong type")
    return JointCase(
        id=str(_get(data, "id")),
        joint_no=joint_no,
        query_code=_get(data, "query_code"),
        package_code=_get(data, "package_code"),
        window_code=_get(data, "window_code"),
        catalog_version=_get(data, "catalog_version"),
        applicant=party_from_wire(_get(data, "applicant", Mapping)),
        agent=party_from_wire(agent) if agent is not None else None,
        materials=tuple(_material_from_wire(m) for m in _get(data, "materials", list)),
        received_at=_moment(data, "received_at"),
        clerk=clerk,
        parts=tuple(parts),
        project_type=project_type,
        project_code=_text(data, "project_code"),
    )


# -- payment notices (issue 17) -------------------------------------------------------------


def notice_to_wire(notice: PaymentNotice) -> dict[str, Any]:
    """The ``POST /payment-notices`` body (the service's ``NoticeCreate``); money in fen."""
    out: dict[str, Any] = {
        "id": notice.id,
        "notice_no": notice.notice_no,
        "case_no": notice.case_no or None,
        "window_code": notice.window_code,
        "payer": {
            "name": notice.payer_name,
            "id_type": notice.payer_id_type,
            "id_number": notice.payer_id_number,
        },
        "lines": [
            {
                "item_code": line.item_code,
                "fee_name": line.fee_name,
                "amount_fen": line.amount_fen,
                "basis": line.basis,
                "waivable": line.waivable,
            }
            for line in notice.lines
        ],
        "total_fen": notice.total_fen,
        "clerk": notice.clerk,
        "issued_at": notice.issued_at.isoformat(),
    }
    if notice.waiver is not None:
        out["waiver"] = {
            "reason_code": notice.waiver.reason_code,
            "amount_fen": notice.waiver.amount_fen,
            "note": notice.waiver.note,
            "approved_by": notice.waiver.approved_by,
        }
    return out


def notice_cancel_to_wire(cancel_id: str, reason: str) -> dict[str, Any]:
    """The ``POST /payment-notices/{notice_no}/cancel`` body (``id`` = its key)."""
    return {"id": cancel_id, "reason": reason}


def notice_from_wire(data: Mapping[str, Any]) -> PaymentNotice:
    """A notice as the service answers it (``NoticePublic``).

    Raises:
        WireError: a field is missing or of the wrong type.
    """
    try:
        payer = _get(data, "payer", dict)
        waiver = data.get("waiver")
        return PaymentNotice(
            id=_get(data, "id", str),
            notice_no=_get(data, "notice_no", str),
            case_no=_text(data, "case_no"),
            window_code=_get(data, "window_code", str),
            department_code=_text(data, "department_code"),
            payer_name=_text(payer, "name"),
            payer_id_type=_text(payer, "id_type"),
            payer_id_number=_text(payer, "id_number"),
            lines=tuple(
                NoticeLine(
                    _get(line, "item_code", str),
                    _get(line, "fee_name", str),
                    _get(line, "amount_fen", int),
                    _text(line, "basis"),
                    bool(line.get("waivable", False)),
                )
                for line in _get(data, "lines", list)
            ),
            waiver=None
            if not waiver
            else Waiver(
                _get(waiver, "reason_code", str),
                _get(waiver, "amount_fen", int),
                _text(waiver, "note"),
                _text(waiver, "approved_by"),
            ),
            total_fen=_get(data, "total_fen", int),
            status=_get(data, "status", str),
            payment_code=_text(data, "payment_code"),
            issued_at=_moment(data, "issued_at"),
            clerk=_text(data, "clerk"),
        )
    except (ValueError, TypeError) as exc:
        if isinstance(exc, WireError):
            raise
        raise WireError(f"payment notice: {exc}") from exc
