"""Joint intakes at a desk (issue 16): drafts of the demo packages, a W03 desk signed in."""

from __future__ import annotations

from dataclasses import replace

from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import Session, sign_in
from clerk_app.core.catalog import Catalog
from clerk_app.core.intake import Applicant, MaterialReceipt
from clerk_app.core.joint_intake import JointDraft
from tests.helpers.joint_api import OPENING
from tests.helpers.service import DEMO_PASSWORD

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
