"""The data of the four documents of a joint case (联合审批 / 一件事, issue 16): frozen, no Qt.

- :class:`JointReceipt` — 联合受理通知书: the joint number and query code, the package
  (the project's code and type), the combined materials received, every part with its
  item, department, decision and due date (a later stage's parts: 该阶段开启后办理), one QR
  code for the joint progress query.
- :class:`ConsolidatedSupplementNotice` — the one 一次性告知 of a stage: what each
  department filed against its part, and one list of everything for the applicant.
- :class:`StageCompletionNotice` — 阶段办结通知书: a stage's parts and their results, and the
  stage that opens next.
- :class:`JointCompletionNotice` — 联合办结通知书: every stage and part with its result.

``joint_no`` is what the applicant is given and what the QR code carries; ``case_no`` is
the case the document is archived under (the joint case's first part: the records service
keeps documents per case). ID numbers are kept raw and masked when rendered. A part's
``state`` is a code worded by ``texts.toml [joint_states]``: a disposition (``promised``,
``supplement``…), a status (``completed_approved``…) or ``waiting`` (its stage has not
opened).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, NamedTuple

from clerk_app.documents.notices import MissingMaterial

#: ``JointPartLine.state`` of a part whose stage has not opened yet.
WAITING = "waiting"


class JointMaterial(NamedTuple):
    """One combined material (一套材料) as the window received it."""

    name: str
    copies: int
    deferred: bool = False


class JointPartLine(NamedTuple):
    """One part of a joint case as a document lists it.

    ``due_date``: the part's due date (None: on the spot, or not set yet); ``ended_on``:
    the day its result was given (completion documents).
    """

    stage_code: str
    stage_name: str
    case_no: str
    item_code: str
    item_name: str
    department_name: str
    state: str
    due_date: date | None = None
    due_provisional: bool = False
    ended_on: date | None = None
    note: str = ""


class FiledPart(NamedTuple):
    """What one department filed against its part (``file_supplement``)."""

    case_no: str
    item_name: str
    department_name: str
    materials: tuple[MissingMaterial, ...]
    note: str = ""


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, kw_only=True)
class JointNoticeBase:
    """What every joint document carries (see the module docstring).

    ``staged``: a staged project (stages printed); ``project_type``: a key of
    ``texts.toml [project_types]`` ("" for a package).
    """

    kind: ClassVar[str] = ""

    center_name: str
    department_name: str
    window_code: str
    window_name: str
    case_no: str
    joint_no: str
    query_code: str
    progress_url: str
    applicant_name: str
    applicant_id_type: str
    applicant_id_number: str
    package_code: str
    package_name: str
    staged: bool = False
    project_type: str = ""
    project_code: str = ""
    received_at: datetime
    issued_at: datetime
    clerk_name: str
    document_no: str = ""
    reprint: bool = False

    def __post_init__(self) -> None:
        _aware(self.received_at, "received_at")
        _aware(self.issued_at, "issued_at")


def _parts(lines: tuple[JointPartLine, ...], what: str) -> tuple[JointPartLine, ...]:
    out = tuple(JointPartLine(*line) for line in lines)
    if not out:
        raise ValueError(f"{what} lists at least one part")
    return out


@dataclass(frozen=True, kw_only=True)
class JointReceipt(JointNoticeBase):
    """联合受理通知书: one receipt for the whole application."""

    kind: ClassVar[str] = "joint_acceptance"

    materials: tuple[JointMaterial, ...]
    parts: tuple[JointPartLine, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "materials", tuple(JointMaterial(*m) for m in self.materials))
        object.__setattr__(self, "parts", _parts(self.parts, "a joint receipt"))


@dataclass(frozen=True, kw_only=True)
class ConsolidatedSupplementNotice(JointNoticeBase):
    """补正材料通知书 (一次性告知书) of one stage: everything every department needs, at once.

    ``supply_by``: the day the materials are due, when one is set (else the legal sentence
    of ``texts.toml [legal] supplement_deadline`` alone).
    """

    kind: ClassVar[str] = "joint_supplement"

    stage_code: str
    stage_name: str
    filed: tuple[FiledPart, ...]
    legal_basis: tuple[str, ...] = ()
    supply_by: date | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        filed = tuple(
            FiledPart(*f)._replace(materials=tuple(MissingMaterial(*m) for m in FiledPart(*f)[3]))
            for f in self.filed
        )
        if not any(f.materials or f.note.strip() for f in filed):
            raise ValueError("a consolidated notice lists at least one thing to supply")
        object.__setattr__(self, "filed", filed)
        object.__setattr__(self, "legal_basis", tuple(self.legal_basis))


@dataclass(frozen=True, kw_only=True)
class StageCompletionNotice(JointNoticeBase):
    """阶段办结通知书: the stage is done; what each part gave, and what opens next.

    ``next_stage_name`` empty: it was the last stage.
    """

    kind: ClassVar[str] = "stage_completion"

    stage_code: str
    stage_name: str
    completed_on: date
    parts: tuple[JointPartLine, ...]
    next_stage_name: str = ""
    next_lead_department: str = ""
    next_time_limit_days: int = 0
    next_due: date | None = None
    next_due_provisional: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "parts", _parts(self.parts, "a stage completion notice"))


@dataclass(frozen=True, kw_only=True)
class JointCompletionNotice(JointNoticeBase):
    """联合办结通知书: the joint case is done; every stage and part with its result."""

    kind: ClassVar[str] = "joint_completion"

    completed_on: date
    parts: tuple[JointPartLine, ...]
    bring: tuple[str, ...] = ()
    pickup_place: str = ""
    pickup_hours: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "parts", _parts(self.parts, "a joint completion notice"))
        object.__setattr__(self, "bring", tuple(self.bring))


#: Every joint document type, by kind code.
JOINT_KINDS: dict[str, type[JointNoticeBase]] = {
    cls.kind: cls
    for cls in (
        JointReceipt,
        ConsolidatedSupplementNotice,
        StageCompletionNotice,
        JointCompletionNotice,
    )
}
