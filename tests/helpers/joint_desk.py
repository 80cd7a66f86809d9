"""Joint intakes at a desk (issue 16): drafts of the demo packages, a W03 desk signed in."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import Session, sign_in
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.intake import Applicant, MaterialReceipt
from clerk_app.core.joint import plan_parts
from clerk_app.core.joint_intake import JointDraft, build_joint_case
from clerk_app.core.numbering import format_case_no
from clerk_app.core.records import JointCase
from tests.helpers.joint_api import OPENING, core_catalog
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.store import T0

#: The 综合窗口 of 企业开办 (市场监管) and its clerk.
OPENING_WINDOW = "W03"
OPENING_CLERK = "demo-clerk-w03"
COMPANY = Applicant(
    kind="organization",
    name="衡水示例商贸有限公司",
    id_type="credit_code",
    id_number="91131100MA0A1B2C3D",
    phone="13800138000",
    legal_representative="张三",
)


def complete_draft(catalog: Catalog, package_code: str = OPENING, **changes) -> JointDraft:
    """Every combined material handed over once, and every part's own materials."""
    package = catalog.package(package_code)
    assert package is not None
    own = {}
    for code in package.item_codes(changes.get("project_type")):
        covered = package.covered(code)
        own[code] = tuple(
            MaterialReceipt(m.code, received=True)
            for m in catalog.item(code).materials
            if m.code not in covered
        )
    draft = JointDraft(
        package_code=package_code,
        applicant=COMPANY,
        materials=tuple(MaterialReceipt(m.code, received=True) for m in package.materials),
        own=own,
    )
    return replace(draft, **changes)


def opening_desk(make_context, service_url: str, home: str = "w03"):
    """A W03 desk on real files, its clerk signed in online and the catalog fetched."""
    ctx = make_context(service_url, home=home, window_code=OPENING_WINDOW)
    session: Session = sign_in(ctx, OPENING_CLERK, DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    return ctx, session, catalog


def demo_joint(
    package_code: str = OPENING,
    *,
    window: str = OPENING_WINDOW,
    first_seq: int = 1,
    received_at: datetime | None = None,
    project_type: str | None = None,
    project_code: str = "",
) -> JointCase:
    """A joint case of a demo package as a desk builds it (``core.joint_intake``), numbered
    from ``first_seq`` of ``window``'s sequence (no store, no service)."""
    catalog = core_catalog()
    package = catalog.package(package_code)
    assert package is not None
    at = received_at or T0
    draft = complete_draft(
        catalog, package_code, project_type=project_type, project_code=project_code
    )
    count = len(plan_parts(package, catalog, project_type)) + 1
    return build_joint_case(
        draft,
        package,
        catalog,
        joint_id=str(uuid.uuid4()),
        numbers=[format_case_no("HS", window, at.date(), first_seq + n) for n in range(count)],
        query_code="730512",
        window_code=window,
        catalog_version=catalog.version or "v1",
        clerk=OPENING_CLERK,
        received_at=at,
        calendar=WorkCalendar.builtin(),
    )
