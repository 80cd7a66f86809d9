"""The documents of a joint case (联合审批 / 一件事, issue 16): issued, numbered, archived,
reprintable like every notice of a case.

- :func:`issue_joint_receipt` — 联合受理通知书 at the joint intake (every part with its
  department, decision and due date; later stages 该阶段开启后办理; one QR code).
- :func:`issue_consolidated_notice` — the one 一次性告知 of a stage, from what each
  department filed (:class:`Filing`, the parts' ``file_supplement`` events). Its 文书编号
  is what the intake window puts in ``data.joint_notice`` of the ``request_supplement`` it
  then records on every part of the stage.
- :func:`issue_stage_completion` — 阶段办结通知书 (the stage's parts and results, the next
  stage that opens).
- :func:`issue_joint_completion` — 联合办结通知书 (every stage and part with its result).

Each goes through :func:`clerk_app.app.documents.issue_document`: a 文书编号 from the
window's ``document`` sequence, the PDF kept encrypted in the documents folder, the archive
row and its record for the service in one transaction. The records service keeps
documents per case (``POST /cases/{case_no}/documents``), so a joint document is archived
under the joint case's FIRST part (:func:`archive_case_no`); it shows in that part's
documents panel and reprints from there like any notice (:func:`joint_archive`,
:func:`reprint_joint_document`). Its record names the joint number too (``joint_no``: the
service lists it with the joint case, ``GET /joint-cases/{joint_no}``), and the desk finds
it by the joint number (:func:`joint_document_archive`: the lookup's documents).

The catalog (package, items, departments) comes from the desk's cached copy unless the
caller passes one. Every function runs on the database writer (it writes the store).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk_app.app.catalog import NoCatalogError
from clerk_app.app.documents import (
    CaseArchive,
    IssuedDocument,
    issue_document,
    reprint_document,
)
from clerk_app.core.catalog import Catalog, Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import MaterialNeed
from clerk_app.core.joint import PartState, StageState, stage_due, stage_states
from clerk_app.core.lifecycle import TERMINAL, Status
from clerk_app.core.packages import Package, Stage
from clerk_app.core.records import Case, JointCase
from clerk_app.documents import archive_data
from clerk_app.documents.joint_notices import (
    JOINT_KINDS,
    WAITING,
    ConsolidatedSupplementNotice,
    FiledPart,
    JointCompletionNotice,
    JointMaterial,
    JointNoticeBase,
    JointPartLine,
    JointReceipt,
    StageCompletionNotice,
)
from clerk_app.documents.notices import MissingMaterial
from clerk_app.store.documents import ArchivedDocument, case_documents, joint_documents

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

#: The archive kinds of the joint documents.
JOINT_DOCUMENT_KINDS = tuple(JOINT_KINDS)

_FORMS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件"}


@dataclass(frozen=True)
class Filing:
    """What a department filed against its part (a ``file_supplement`` event).

    Attributes:
        case_no: the part.
        materials: the item's material codes still needed; named and worded from the
            catalog (the item's material name, form, copies and notes).
        note: what the department says is needed (the event's note).
        needs: materials as the department named and worded them
            (``core.event_data.MaterialNeed``: a material outside the item's list, or a
            requirement of its own), printed as given after the coded ones.
    """

    case_no: str
    materials: tuple[str, ...] = ()
    note: str = ""
    needs: tuple[MaterialNeed, ...] = ()


class JointDocumentError(ValueError):
    """The joint case does not fit the catalog or the request (names what)."""


# -- what the documents are made from -----------------------------------------------------


def _catalog(context: AppContext, catalog: Catalog | None) -> Catalog:
    if catalog is not None:
        return catalog
    cached = context.backend.store.load_catalog()
    if cached is None:
        raise NoCatalogError("no catalog yet: the service must be reached once")
    return Catalog.from_dict(json.loads(cached.json_text))


def _package(catalog: Catalog, joint: JointCase) -> Package:
    package = catalog.package(joint.package_code)
    if package is None:
        raise JointDocumentError(f"package {joint.package_code} is not in the catalog")
    return package


def _item_name(catalog: Catalog, code: str) -> str:
    item: Item | None = catalog.get_item(code)
    return item.name if item is not None else code


def _department_name(catalog: Catalog, code: str) -> str:
    try:
        return catalog.department(code).name
    except KeyError:
        return code


def archive_case_no(joint: JointCase) -> str:
    """The case a joint document is archived under: the joint case's first part."""
    if not joint.parts:
        raise JointDocumentError(f"joint case {joint.joint_no} has no parts")
    return joint.parts[0].case_no


def _facts(
    context: AppContext, session: Session, joint: JointCase, package: Package
) -> dict[str, Any]:
    """The fields every joint document shares (``JointNoticeBase``)."""
    prov = context.provisioning
    return {
        "center_name": prov.center_name,
        "department_name": session.department or prov.department,
        "window_code": prov.window_code,
        "window_name": session.window_name or prov.window_name,
        "case_no": archive_case_no(joint),
        "joint_no": joint.joint_no,
        "query_code": joint.query_code,
        "progress_url": prov.progress_url,
        "applicant_name": joint.applicant.name,
        "applicant_id_type": joint.applicant.id_type.value,
        "applicant_id_number": joint.applicant.id_number,
        "package_code": package.code,
        "package_name": package.name,
        "staged": package.kind == "project",
        "project_type": joint.project_type or "",
        "project_code": joint.project_code,
        "received_at": joint.received_at,
        "issued_at": context.clock.now().astimezone(CENTER_TZ),
        "clerk_name": session.display_name,
    }


def _states(package: Package, joint: JointCase) -> dict[str, StageState]:
    return stage_states(
        package,
        joint.project_type,
        (PartState(p.case_no, p.stage, p.department_code, p.status) for p in joint.parts),
    )


def _stage(package: Package, joint: JointCase, code: str) -> Stage:
    stage = next((s for s in package.stages_for(joint.project_type) if s.code == code), None)
    if stage is None:
        raise JointDocumentError(f"stage {code} is not a stage of joint case {joint.joint_no}")
    return stage


def _ended_on(part: Case) -> date | None:
    if part.status not in TERMINAL:
        return None
    last = part.last_event()
    return last.at.astimezone(CENTER_TZ).date() if last is not None else None


def _line(
    catalog: Catalog, package: Package, part: Case, state: str, *, ended: bool = False
) -> JointPartLine:
    stage = next((s for s in package.stages if s.code == part.stage), None)
    return JointPartLine(
        stage_code=part.stage,
        stage_name=stage.name if stage is not None else part.stage,
        case_no=part.case_no,
        item_code=part.item_code,
        item_name=_item_name(catalog, part.item_code),
        department_name=_department_name(catalog, part.department_code),
        state=state,
        due_date=part.due_date,
        due_provisional=part.due_date_provisional,
        ended_on=_ended_on(part) if ended else None,
    )


def _result_lines(catalog: Catalog, package: Package, parts: Iterable[Case]) -> tuple:
    return tuple(_line(catalog, package, p, p.status.value, ended=True) for p in parts)


# -- the four documents' data (no number yet) ---------------------------------------------


def joint_receipt_data(
    context: AppContext, session: Session, joint: JointCase, *, catalog: Catalog | None = None
) -> JointReceipt:
    """The 联合受理通知书 of a joint case just taken in (no number yet).

    A part of a stage that has not opened is ``waiting`` (该阶段开启后办理); an open stage's
    part shows its intake decision and due date.
    """
    catalog = _catalog(context, catalog)
    package = _package(catalog, joint)
    states = _states(package, joint)
    names = {m.code: m.name for m in package.materials}
    lines = []
    for part in joint.parts:
        if states.get(part.stage) is StageState.WAITING:
            state = WAITING
        elif part.status is Status.RECEIVED:
            state = Status.RECEIVED.value
        else:
            state = part.disposition.value
        lines.append(_line(catalog, package, part, state))
    return JointReceipt(
        **_facts(context, session, joint, package),
        materials=tuple(
            JointMaterial(names.get(m.code, m.code), m.copies, m.deferred)
            for m in joint.materials
            if m.received or m.deferred
        ),
        parts=tuple(lines),
    )


def _requirement(item: Item | None, code: str) -> tuple[str, str]:
    """A filed material's name and what it must be, from the item's material list."""
    material = next((m for m in item.materials if m.code == code), None) if item else None
    if material is None:
        return code, ""
    what = f"{_FORMS.get(material.form, material.form)}{material.copies}份"
    return material.name, f"{what}，{material.notes}" if material.notes else what


def consolidated_notice_data(
    context: AppContext,
    session: Session,
    joint: JointCase,
    stage: str,
    filings: Sequence[Filing],
    *,
    supply_by: date | None = None,
    catalog: Catalog | None = None,
) -> ConsolidatedSupplementNotice:
    """The one 一次性告知 of ``stage`` from what its departments filed (no number yet).

    Filings of the same part are merged (materials once each, notes joined), in the
    stage's part order.

    Raises:
        JointDocumentError: a filing names a part that is not of this stage, or nothing
            was filed.
    """
    catalog = _catalog(context, catalog)
    package = _package(catalog, joint)
    found = _stage(package, joint, stage)
    parts = [p for p in joint.parts if p.stage == found.code]
    by_case: dict[str, tuple[list[str], list[MaterialNeed], list[str]]] = {
        p.case_no: ([], [], []) for p in parts
    }
    for filing in filings:
        if filing.case_no not in by_case:
            raise JointDocumentError(f"{filing.case_no} is not a part of stage {found.code}")
        codes, needs, notes = by_case[filing.case_no]
        codes.extend(c for c in filing.materials if c not in codes)
        needs.extend(n for n in filing.needs if n not in needs)
        if filing.note.strip() and filing.note.strip() not in notes:
            notes.append(filing.note.strip())
    filed = []
    for part in parts:
        codes, needs, notes = by_case[part.case_no]
        item = catalog.get_item(part.item_code)
        lines = [MissingMaterial(*_requirement(item, c)) for c in codes]
        named = {line.name for line in lines}
        lines += [MissingMaterial(n.name, n.requirement) for n in needs if n.name not in named]
        if not lines and not notes:
            continue
        filed.append(
            FiledPart(
                part.case_no,
                _item_name(catalog, part.item_code),
                _department_name(catalog, part.department_code),
                tuple(lines),
                "；".join(notes),
            )
        )
    if not filed:
        raise JointDocumentError(f"nothing was filed for stage {found.code}")
    return ConsolidatedSupplementNotice(
        **_facts(context, session, joint, package),
        stage_code=found.code,
        stage_name=found.name,
        filed=tuple(filed),
        supply_by=supply_by,
    )


def stage_completion_data(
    context: AppContext,
    session: Session,
    joint: JointCase,
    stage: str,
    *,
    catalog: Catalog | None = None,
) -> StageCompletionNotice:
    """The 阶段办结通知书 of ``stage`` (no number yet): its parts' results and the stage
    that opens next — its due date the latest of its parts' (set by the service when it
    opened), else counted from today by the stage's time limit.

    Raises:
        JointDocumentError: not a stage of this joint case, or a part of it still open.
    """
    catalog = _catalog(context, catalog)
    package = _package(catalog, joint)
    found = _stage(package, joint, stage)
    parts = [p for p in joint.parts if p.stage == found.code]
    open_parts = [p.case_no for p in parts if p.status not in TERMINAL]
    if not parts or open_parts:
        raise JointDocumentError(
            f"stage {found.code} is not complete: {', '.join(open_parts) or 'no parts'}"
        )
    lines = _result_lines(catalog, package, parts)
    today = context.clock.now().astimezone(CENTER_TZ).date()
    completed = max((line.ended_on for line in lines if line.ended_on), default=today)
    stages = package.stages_for(joint.project_type)
    following = stages[stages.index(found) + 1] if found is not stages[-1] else None
    extra: dict[str, Any] = {}
    if following is not None:
        dues = [p.due_date for p in joint.parts if p.stage == following.code and p.due_date]
        if dues:
            due, provisional = (
                max(dues),
                any(p.due_date_provisional for p in joint.parts if p.stage == following.code),
            )
        else:
            counted = stage_due(context.calendar, today, following)
            due, provisional = counted.date, counted.provisional
        extra = {
            "next_stage_name": following.name,
            "next_lead_department": _department_name(catalog, following.lead_department),
            "next_time_limit_days": following.time_limit_days,
            "next_due": due,
            "next_due_provisional": provisional,
        }
    return StageCompletionNotice(
        **_facts(context, session, joint, package),
        stage_code=found.code,
        stage_name=found.name,
        completed_on=completed,
        parts=lines,
        **extra,
    )


def joint_completion_data(
    context: AppContext, session: Session, joint: JointCase, *, catalog: Catalog | None = None
) -> JointCompletionNotice:
    """The 联合办结通知书 (no number yet): every stage and part with its result.

    Raises:
        JointDocumentError: a part is still open.
    """
    catalog = _catalog(context, catalog)
    package = _package(catalog, joint)
    open_parts = [p.case_no for p in joint.parts if p.status not in TERMINAL]
    if open_parts or not joint.parts:
        raise JointDocumentError(
            f"joint case {joint.joint_no} is not complete: {', '.join(open_parts) or 'no parts'}"
        )
    lines = _result_lines(catalog, package, joint.parts)
    today = context.clock.now().astimezone(CENTER_TZ).date()
    return JointCompletionNotice(
        **_facts(context, session, joint, package),
        completed_on=max((line.ended_on for line in lines if line.ended_on), default=today),
        parts=lines,
        bring=("本通知书", "申请人有效身份证件"),
    )


# -- issue, list, reprint -----------------------------------------------------------------


def issue_joint_receipt(
    context: AppContext, session: Session, joint: JointCase, *, catalog: Catalog | None = None
) -> IssuedDocument:
    """Issue the 联合受理通知书 (numbered, PDF kept, archived under the first part, queued).

    Raises:
        NoCatalogError: no catalog on this desk and none passed.
        JointDocumentError: the package is not in the catalog, or the case has no parts.
        KeyError: the first part is not in the local store.
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF; nothing archived.
    """
    return issue_document(
        context, session, joint_receipt_data(context, session, joint, catalog=catalog)
    )


def issue_consolidated_notice(
    context: AppContext,
    session: Session,
    joint: JointCase,
    stage: str,
    filings: Sequence[Filing],
    *,
    supply_by: date | None = None,
    catalog: Catalog | None = None,
) -> IssuedDocument:
    """Issue the one 一次性告知 of ``stage`` (see :func:`consolidated_notice_data`); its
    ``document_no`` goes into ``data.joint_notice`` of each part's ``request_supplement``.
    Raises as :func:`issue_joint_receipt`."""
    data = consolidated_notice_data(
        context, session, joint, stage, filings, supply_by=supply_by, catalog=catalog
    )
    return issue_document(context, session, data)


def issue_stage_completion(
    context: AppContext,
    session: Session,
    joint: JointCase,
    stage: str,
    *,
    catalog: Catalog | None = None,
) -> IssuedDocument:
    """Issue the 阶段办结通知书 of ``stage`` (see :func:`stage_completion_data`). Raises as
    :func:`issue_joint_receipt`."""
    data = stage_completion_data(context, session, joint, stage, catalog=catalog)
    return issue_document(context, session, data)


def issue_joint_completion(
    context: AppContext, session: Session, joint: JointCase, *, catalog: Catalog | None = None
) -> IssuedDocument:
    """Issue the 联合办结通知书 (see :func:`joint_completion_data`). Raises as
    :func:`issue_joint_receipt`."""
    data = joint_completion_data(context, session, joint, catalog=catalog)
    return issue_document(context, session, data)


def joint_archive(context: AppContext, joint: JointCase) -> list[ArchivedDocument]:
    """The joint documents issued for ``joint`` (originals, oldest first)."""
    return [
        d
        for d in case_documents(context.backend.store, archive_case_no(joint))
        if not d.reprint and d.kind in JOINT_DOCUMENT_KINDS
    ]


def joint_document_archive(context: AppContext, joint_no: str) -> CaseArchive:
    """The joint documents this desk archived for the joint case ``joint_no`` (under any of
    its parts; originals oldest first, with how often each was reprinted): what the lookup
    of a joint number lists and reprints. Empty when none was issued here."""
    found = joint_documents(context.backend.store, joint_no, JOINT_DOCUMENT_KINDS)
    reprints = Counter((d.kind, d.document_no) for d in found if d.reprint)
    return CaseArchive([d for d in found if not d.reprint], dict(reprints))


def reprint_joint_document(
    context: AppContext, session: Session, archived: ArchivedDocument
) -> IssuedDocument:
    """Reprint an archived joint document from the data it was issued with (副本 / REPRINT,
    archived and journaled as a reprint).

    Raises:
        JointDocumentError: not a joint document, or archived without its data.
        ArchiveDataError: the kept data cannot be read back.
    """
    if archived.kind not in JOINT_DOCUMENT_KINDS or archived.data_json is None:
        raise JointDocumentError(f"{archived.document_no} is not a reprintable joint document")
    data = archive_data.decode(archived.data_json)
    if not isinstance(data, JointNoticeBase):
        raise JointDocumentError(f"{archived.document_no} is not a joint document")
    return reprint_document(context, session, data)
