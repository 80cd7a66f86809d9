"""网上待接件 at the window (issue 19, app.presubmissions) against the real records service:
the website (tests/helpers/website_client.py) posts an application; W01's clerk sees it,
asks once for a supplement, the website re-posts, the clerk accepts it and takes it in from
the intake form's state: the case on the service and on the desk keeps the pre-submission's
number and query code, its receipt is issued and recorded on the service; a second take-in
and a second supplement notice are plain refusals."""

from __future__ import annotations

import pytest
import requests

from clerk_app.app import presubmissions as ps
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.core import intake
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import valid_resident_id
from tests.helpers.website_client import Application, WebsiteClient, uploaded
from tests.helpers.workload import demo_item

pytestmark = pytest.mark.usefixtures("qapp")
TIMEOUT = (5, 60)


def _website(service) -> WebsiteClient:
    login = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-admin", "password": DEMO_PASSWORD},
        timeout=TIMEOUT,
    )
    admin = {"Authorization": f"Bearer {login.json()['access_token']}"}
    code = requests.post(
        service.url("/enrolments"),
        json={"kind": "integration", "label": "网上办事大厅"},
        headers=admin,
        timeout=TIMEOUT,
    ).json()["code"]
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": code}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return WebsiteClient(service.api_url, redeemed.json()["token"])


def _refused(reason: str, call, *args, **kwargs) -> ps.PresubmissionRefused:
    with pytest.raises(ps.PresubmissionRefused) as caught:
        call(*args, **kwargs)
    assert caught.value.reason == reason, caught.value.detail
    return caught.value


def _draft_from(state: dict, item) -> intake.IntakeDraft:
    """What the intake form gives back when the clerk accepts the state unchanged."""
    person = state["person"]
    return intake.IntakeDraft(
        item_code=item.code,
        applicant=intake.Applicant(kind="person", **person),
        materials=[
            intake.MaterialReceipt(m["code"], received=m["state"] == "received")
            for m in state["materials"]
        ],
    )


def test_a_pre_submission_is_reviewed_and_taken_in_keeping_its_number(
    records_service,
    make_context,  # noqa: F811
) -> None:
    catalog, item = demo_item("DEMO-GA-001")
    website = _website(records_service)
    application = Application(
        {
            "external_id": "WEB-0001",
            "item_code": item.code,
            "applicant": {
                "kind": "person",
                "name": "王五",
                "id_type": "resident_id",
                "id_number": valid_resident_id(),
                "phone": "13700137000",
            },
            "form_data": {"申请类型": "首次申领"},
            "materials": [uploaded("户口簿.pdf", b"hukou", "M1")],
        }
    )
    assert website.submit(application).status_code == 201
    ctx = make_context(records_service.base_url, home="w01")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)

    [waiting] = [p for p in ps.pending(ctx, session) if p.no == application.no]
    assert (waiting.status, waiting.applicant["name"]) == ("submitted", "王五")
    assert [m.name for m in waiting.materials] == ["户口簿.pdf"]

    notice = "请上传近期免冠照片和居民身份证明。"
    assert ps.review(ctx, session, waiting.no, "supplement", supplement_text=notice).status == (
        "supplement"
    )
    assert waiting.no not in {p.no for p in ps.pending(ctx, session)}
    assert website.status(application)["supplement_text"] == notice
    reposted = website.supplement(
        application, [uploaded("照片.jpg", b"photo", "M2"), uploaded("证明.pdf", b"proof", "M3")]
    )
    assert reposted.status_code == 200, reposted.text
    _refused(
        "supplement-used", ps.review, ctx, session, waiting.no, "supplement", supplement_text="x"
    )
    _refused("needs-visit", ps.review, ctx, session, waiting.no, "accept_online")
    assert ps.review(ctx, session, waiting.no, "accept").status == "accepted"

    # The applicant comes: the form opens filled from it; every uploaded material ticked.
    [accepted] = [p for p in ps.pending(ctx, session) if p.no == application.no]
    state = ps.intake_state(accepted, item)
    assert state["person"]["name"] == "王五"
    assert [m["state"] for m in state["materials"]] == ["received"] * 3
    draft = _draft_from(state, item)
    taken = ps.take_in(ctx, session, accepted, draft, item, catalog_version=catalog.version)
    assert (taken.case.case_no, taken.case.query_code) == (application.no, application.query_code)
    assert taken.receipt_error is None and taken.receipt is not None
    local = ctx.backend.store.get_case(application.no)
    assert local is not None and local.applicant.name == "王五"
    _refused(
        "taken-in", ps.take_in, ctx, session, accepted, draft, item, catalog_version=catalog.version
    )

    # Nothing of the case waits to be sent but its receipt, which the service records.
    engine = sync_engine(ctx, session)
    for _ in range(5):
        if engine.push_once().waiting == 0:
            break
    rows = ctx.backend.store.outbox_rows()
    assert rows and all(r.state == "sent" for r in rows), [(r.kind, r.state) for r in rows]
    assert not [r for r in rows if r.kind == "create_case"]
    progress = website.progress(application)
    assert progress.status_code == 200 and progress.json()["case_no"] == application.no
