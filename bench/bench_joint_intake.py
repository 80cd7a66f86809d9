"""Joint intake commit (issue 16) as a ratio to the same number of single-case commits,
both measured in the same run on the same disk. Not in CI.

    python -m bench.bench_joint_intake [--parts 20] [--number 10] [--repeat 3]

* joint: what ``app.joint.save_joint_intake`` commits for a joint case of ``--parts`` parts
  — the joint number and one number per part from the window's case sequence (one
  commit), then ``store.joint.create_joint``: the joint record, every part with its first
  event, ONE outbox row (the ``POST /joint-cases`` body, ``remote.wire.joint_to_wire``)
  and its journal entry, in ONE durable transaction.
* baseline: the same parts taken in as ``--parts`` ordinary cases the way
  ``app.take_in.save_intake`` commits each — its number (a commit of its own), then
  ``LocalStore.create_case`` with its ``POST /cases`` body (case, first event, outbox row,
  journal entry: one durable transaction each).

The parts are the demo construction project's (government: 15 parts over four stages),
cloned from its last stage up to ``--parts``; numbers, ids and event ids are fresh for
every commit. Prints the time of one joint commit, of the ``--parts`` single-case commits,
and their ratio (below 1: the joint commit is cheaper than as many single intakes).
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from bench.timing import best
from clerk_app.core.clock import SystemClock
from clerk_app.core.numbering import format_case_no
from clerk_app.core.records import Case, JointCase
from clerk_app.remote.wire import case_to_wire, joint_to_wire
from clerk_app.store.db import Database
from clerk_app.store.joint import create_joint
from clerk_app.store.local import LocalStore

WINDOW = "W05"
SEQUENCE = "case"


def template(parts: int) -> JointCase:
    """The demo project's joint case with ``parts`` parts (its last stage's cloned)."""
    from tests.helpers.joint_api import PROJECT, PROJECT_CODE
    from tests.helpers.joint_desk import demo_joint

    joint = demo_joint(PROJECT, window=WINDOW, project_type="government", project_code=PROJECT_CODE)
    base = list(joint.parts)
    last = [p for p in base if p.stage == base[-1].stage]
    while len(base) < parts:
        base.append(last[len(base) % len(last)])
    return replace(joint, parts=tuple(base[:parts]))


def _fresh(part: Case, case_no: str, joint_no: str) -> Case:
    events = tuple(replace(e, id=str(uuid.uuid4())) for e in part.events)
    fresh_id = str(uuid.uuid4())
    return replace(part, id=fresh_id, case_no=case_no, joint_case_no=joint_no, events=events)


def _numbers(store: LocalStore, count: int, day: datetime) -> list[str]:
    """``count`` numbers of the window's sequence committed together (``app.joint``)."""
    with store.db.transaction():
        return [
            format_case_no("HS", WINDOW, day.date(), store.allocate_sequence(SEQUENCE))
            for _ in range(count)
        ]


def joint_commit(store: LocalStore, joint: JointCase, day: datetime) -> None:
    numbers = _numbers(store, len(joint.parts) + 1, day)
    parts = tuple(_fresh(p, n, numbers[0]) for p, n in zip(joint.parts, numbers[1:], strict=True))
    fresh = replace(joint, id=str(uuid.uuid4()), joint_no=numbers[0], parts=parts)
    create_joint(store, fresh, outbox_body=joint_to_wire(fresh))


def single_commits(store: LocalStore, joint: JointCase, day: datetime) -> None:
    for part in joint.parts:
        number = format_case_no("HS", WINDOW, day.date(), store.allocate_sequence(SEQUENCE))
        case = replace(_fresh(part, number, ""), stage="", department_code="")
        store.create_case(case, outbox_body=case_to_wire(case))


def bench_joint_intake(parts: int = 20, number: int = 10, repeat: int = 3) -> float:
    """Print and return the ratio joint commit / ``parts`` single-case commits."""
    joint = template(parts)
    day = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        joint_store = LocalStore(Database(Path(tmp) / "joint.db"), SystemClock())
        single_store = LocalStore(Database(Path(tmp) / "single.db"), SystemClock())
        try:
            # Alternate the two so that neither gets the disk's quieter moments.
            measured = baseline = float("inf")
            for _ in range(repeat):
                took = best(lambda: joint_commit(joint_store, joint, day), number=number, repeat=1)
                measured = min(measured, took)
                took = best(
                    lambda: single_commits(single_store, joint, day), number=number, repeat=1
                )
                baseline = min(baseline, took)
            counts = [
                s.db.query_one("SELECT count(*) FROM cases")[0] for s in (joint_store, single_store)
            ]
        finally:
            joint_store.db.close()
            single_store.db.close()
    assert counts[0] == counts[1] == parts * number * repeat, counts
    ratio = measured / baseline
    print(
        f"joint intake commit ({parts} parts): {measured * 1000:.2f} ms; "
        f"{parts} single-case commits {baseline * 1000:.2f} ms "
        f"({baseline / parts * 1000:.2f} ms each); ratio {ratio:.2f}"
    )
    return ratio


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_joint_intake")
    parser.add_argument("--parts", type=int, default=20)
    parser.add_argument("--number", type=int, default=10, help="commits per timing run")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args(argv)
    bench_joint_intake(args.parts, args.number, args.repeat)


if __name__ == "__main__":
    main()
