"""The joint documents a desk issues reach the center under the joint number (issue 16): the
企业开办 综合窗口 (W03) takes a joint case in, issues its 联合受理通知书 and reprints it; after
the sync the center lists both with the joint case (``GET /joint-cases/{joint_no}``), to
the intake window and to a department's clerk alike. Real desk files, real service."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clerk_app.app.joint import take_in_joint
from clerk_app.app.joint_documents import (
    issue_joint_receipt,
    joint_document_archive,
    reprint_joint_document,
)
from clerk_app.app.sync import sync_engine
from clerk_app.core.clock import FixedClock
from clerk_app.remote.link import LinkIntervals
from tests.helpers.joint_api import get_joint
from tests.helpers.joint_desk import complete_draft, opening_desk
from tests.helpers.offline import make_context  # noqa: F401 - fixture
from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import token_for

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW - timedelta(hours=1))


def test_the_centre_lists_a_joint_cases_documents_sent_by_the_desk(
    service_factory,
    make_context,  # noqa: F811
) -> None:
    service = service_factory(clock=TEST_NOW)
    ctx, session, catalog = opening_desk(make_context, service.base_url)
    joint = take_in_joint(ctx, session, complete_draft(catalog)).joint
    receipt = issue_joint_receipt(ctx, session, joint, catalog=catalog)
    [archived] = joint_document_archive(ctx, joint.joint_no).originals
    reprint_joint_document(ctx, session, archived)
    engine = sync_engine(ctx, session)
    engine.link.intervals = LinkIntervals(changes=timedelta(0))
    for _ in range(10):
        if engine.push_once().waiting == 0:
            break
    assert ctx.backend.store.outbox_rows() and all(
        r.state == "sent" for r in ctx.backend.store.outbox_rows()
    )

    seal = joint.parts[1]  # 公安's part: its department's clerk reaches the joint case
    assert seal.department_code
    for user, window in (("demo-clerk-w03", "W03"), ("demo-clerk", "W01")):
        answer = get_joint(service, token_for(service, user, window_code=window), joint.joint_no)
        assert answer.status_code == 200, (user, answer.text)
        listed = answer.json()["joint_case"]["documents"]
        assert [(d["document_no"], d["reprint"], d["joint_no"]) for d in listed] == [
            (receipt.document_no, False, joint.joint_no),
            (receipt.document_no, True, joint.joint_no),
        ]
        assert {d["case_no"] for d in listed} == {joint.parts[0].case_no}
