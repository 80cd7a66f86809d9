"""Joint cases on the desk (联合审批 / 一件事, issue 16): the joint record and its parts.

A joint case taken in here is written in ONE transaction on the store's writer: its
``joint_cases`` row, every part as an ordinary ``cases`` row (with its events, naming the
joint number, stage and department) and ONE outbox row (kind ``create_joint_case``,
``POST /api/v1/joint-cases``, Idempotency-Key = the joint id, no ``case_id``): no part
without its joint case, no joint case without its parts, at the center as here.

The joint case's ``status`` is ``in_progress`` until the change feed shows every part
ended (``completed``, :func:`settle_status`), or ``voided`` when its refused creation was
given up here.

A part's own later rows (events, documents) wait behind that row (``outbox.JOINT_FIRST``):
the center has no part before its joint case. When the service accepts the row, the joint
case and its parts become ``synced``; when it refuses it, ``rejected`` (the refused item
names the joint number; the clerk resends or voids it as any refused creation).

The store's own codec (it never imports :mod:`clerk_app.remote`): the joint's applicant is
``applicant_json``; agent, combined materials, clerk, catalog version, project type and
code are ``payload_json``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
from datetime import datetime
from typing import Any

from clerk_app.core.lifecycle import TERMINAL
from clerk_app.core.records import Case, JointCase, ServerState
from clerk_app.store import case_rows
from clerk_app.store.local import LocalStore, insert_case
from clerk_app.store.outbox import JOINT_CASES_PATH, KIND_CREATE_JOINT, canonical_json, stamp
from clerk_app.store.writer import writes

log = logging.getLogger("clerk.store")


def joint_payload(joint: JointCase) -> dict[str, Any]:
    """What ``payload_json`` keeps of a joint case."""
    return {
        "catalog_version": joint.catalog_version,
        "agent": None if joint.agent is None else case_rows.party_json(joint.agent),
        "materials": [case_rows.material_json(m) for m in joint.materials],
        "clerk": joint.clerk,
        "project_type": joint.project_type,
        "project_code": joint.project_code,
    }


@writes
def create_joint(
    store: LocalStore, joint: JointCase, *, outbox_body: dict[str, Any] | None
) -> JointCase:
    """Write the joint case, its parts (with their events) and its outbox row in ONE
    transaction.

    Args:
        joint: the joint case with its parts (numbers allocated and committed before).
        outbox_body: the ``POST /joint-cases`` body (``remote.wire.joint_to_wire``); None
            for a joint case that came from the service (stored ``synced``, nothing sent).

    Raises:
        ValueError: a joint case without parts, or a part naming another joint case.
        StoreError: disk full, locked or damaged database; nothing was written.
        sqlite3.IntegrityError: an id or number exists already; nothing was written.
    """
    if not joint.parts:
        raise ValueError(f"joint case {joint.joint_no} has no parts")
    strangers = [p.case_no for p in joint.parts if p.joint_case_no != joint.joint_no]
    if strangers:
        raise ValueError(f"parts {strangers} do not name joint case {joint.joint_no}")
    now = stamp(store.clock.now())
    state = ServerState.PENDING if outbox_body is not None else ServerState.SYNCED
    with store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO joint_cases (id, joint_no, query_code, package_code, window_code,"
            " applicant_json, payload_json, received_at, created_at, updated_at, server_state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                joint.id,
                joint.joint_no,
                joint.query_code,
                joint.package_code,
                joint.window_code,
                canonical_json(case_rows.party_json(joint.applicant)),
                canonical_json(joint_payload(joint)),
                joint.received_at.isoformat(),
                now,
                now,
                state.value,
            ),
        )
        for part in joint.parts:
            insert_case(conn, part, state, now)
        if outbox_body is not None:
            store._enqueue(
                conn,
                case_id=None,
                kind=KIND_CREATE_JOINT,
                method="POST",
                path=JOINT_CASES_PATH,
                idempotency_key=joint.id,
                body_json=canonical_json(outbox_body),
                now=now,
            )
    log.info("joint case %s stored locally with %d parts", joint.joint_no, len(joint.parts))
    parts = tuple(dataclasses.replace(p, server_state=state) for p in joint.parts)
    return dataclasses.replace(joint, parts=parts, server_state=state)


#: The part statuses that end a part (``core.lifecycle.TERMINAL``), as SQL text.
_ENDED = ", ".join(f"'{s.value}'" for s in sorted(TERMINAL))


def settle_status(conn: sqlite3.Connection, joint_no: str, now: str) -> None:
    """Set the local joint case's ``status`` from its parts as the center has them (joins
    ``conn``'s transaction; the change feed calls it after taking a part's version):
    ``completed`` when every part has ended (an approval, a refusal, withdrawn, voided …:
    ``core.lifecycle.TERMINAL``, as the center completes a joint case when every stage is
    complete), else ``in_progress``. A voided joint case (its creation given up here) stays
    voided; a joint number this desk does not keep changes nothing."""
    found = (
        "(CASE WHEN EXISTS (SELECT 1 FROM cases WHERE joint_case_no = :no"  # noqa: S608 - fixed
        f" AND status NOT IN ({_ENDED})) THEN 'in_progress' ELSE 'completed' END)"
    )
    conn.execute(
        f"UPDATE joint_cases SET status = {found}, updated_at = :now"  # noqa: S608 - no input
        f" WHERE joint_no = :no AND status NOT IN ('voided', {found})"
        " AND EXISTS (SELECT 1 FROM cases WHERE joint_case_no = :no)",
        {"no": joint_no, "now": now},
    )


def joint_status(store: LocalStore, joint_no: str) -> str | None:
    """The local joint case's status (``in_progress``, ``completed``, ``voided``), or None
    when this desk does not keep it."""
    row = store.db.query_one("SELECT status FROM joint_cases WHERE joint_no = ?", (joint_no,))
    return None if row is None else str(row[0])


def get_joint(store: LocalStore, joint_no: str) -> JointCase | None:
    """The joint case with this number and its parts (with their events, in number
    order), or None when this desk does not keep it."""
    row = store.db.query_one("SELECT * FROM joint_cases WHERE joint_no = ?", (joint_no,))
    if row is None:
        return None
    numbers = store.db.query(
        "SELECT case_no FROM cases WHERE joint_case_no = ? ORDER BY case_no", (joint_no,)
    )
    parts = tuple(p for p in (store.get_case(r[0]) for r in numbers) if p is not None)
    return joint_from_row(row, parts)


def joint_of(store: LocalStore, case_no: str) -> str | None:
    """The joint number a case (or a joint number) belongs to; None: an ordinary case or
    an unknown number."""
    row = store.db.query_one("SELECT joint_case_no FROM cases WHERE case_no = ?", (case_no,))
    if row is not None:
        return str(row[0]) or None
    row = store.db.query_one("SELECT joint_no FROM joint_cases WHERE joint_no = ?", (case_no,))
    return None if row is None else str(row[0])


def joint_from_row(row: sqlite3.Row, parts: tuple[Case, ...]) -> JointCase:
    payload = json.loads(row["payload_json"])
    agent = payload.get("agent")
    return JointCase(
        id=row["id"],
        joint_no=row["joint_no"],
        query_code=row["query_code"] or "",
        package_code=row["package_code"],
        window_code=row["window_code"],
        catalog_version=str(payload.get("catalog_version") or ""),
        applicant=case_rows.party_from_json(json.loads(row["applicant_json"])),
        agent=case_rows.party_from_json(agent) if agent else None,
        materials=tuple(case_rows.material_from_json(m) for m in payload.get("materials") or ()),
        received_at=datetime.fromisoformat(row["received_at"]),
        clerk=str(payload.get("clerk") or ""),
        parts=parts,
        project_type=payload.get("project_type"),
        project_code=str(payload.get("project_code") or ""),
        server_state=ServerState(row["server_state"]),
    )
