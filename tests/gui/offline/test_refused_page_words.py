"""F8 names a scanned page in the clerk's words (issue 22): a page waiting or refused says
which case, which material (its name on the item's checklist), which page, and for a page
over the center's limit or lost on this desk why, with the sizes — never the raw
``attachment`` kind or the center's English problem. A real records service with a small
per-file limit refuses the page (413), and the sync worker's own reading of the outbox
feeds the panel."""

from __future__ import annotations

import random

from clerk_app.app.catalog import load_catalog
from clerk_app.app.outbox_pages import page_facts
from clerk_app.app.scans import attach_scans, keep_scan, page_uploader
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine, waiting_items
from clerk_app.gui.sync_status import ConnectionPanel
from clerk_app.gui.sync_worker import LinkDetails, _Loop, read_outcome
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, take_in


def _png(size: int, seed: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + random.Random(seed).randbytes(size - 8)


def _rows(table) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_f8_says_which_page_of_which_material_the_center_refused_and_why(
    qtbot, service_factory, make_context, clock, tmp_path
):
    center = service_factory(
        env={
            "CLERK_ATTACHMENTS_DIR": str(tmp_path / "center-files"),
            "CLERK_ATTACHMENT_MAX_BYTES": "100000",
        }
    )
    ctx = make_context(center.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    load_catalog(ctx, session)
    engine = sync_engine(ctx, session)
    engine.uploads = page_uploader(ctx)
    catalog, item = demo_item()
    case = take_in(ctx, "demo-clerk", item, catalog.version, 3)
    material = item.materials[0]
    kept = [keep_scan(ctx, material.code, _png(50_000, 1))]
    kept.append(keep_scan(ctx, material.code, _png(150_000, 2)))
    kept.append(keep_scan(ctx, material.code, _png(20_000, 3)))
    attach_scans(ctx, case["case_no"], kept)
    (ctx.paths.documents_dir / kept[2].path).unlink()  # lost on this desk
    panel = ConnectionPanel()
    qtbot.addWidget(panel)

    # Waiting: each page by its material's name and number.
    store = ctx.backend.store
    waiting = waiting_items(store)
    pages = page_facts(store, [w.row_id for w in waiting])
    panel.show_details(LinkDetails("offline", len(waiting), waiting_items=waiting, pages=pages))
    whats = [row[1] for row in _rows(panel.waiting_table)]
    assert f"Scanned page 1 of “{material.name}”" in whats
    assert f"Scanned page 2 of “{material.name}”" in whats

    # Refused by the center (413): the panel as the sync worker feeds it.
    result = engine.push_once()
    assert result.rejected == 2
    details = _Loop(engine, clock, 1000, 1000)._details(result, read_outcome(result))
    panel.show_details(details)
    [(case_no, what, why), lost] = _rows(panel.rejected_table)
    assert lost == (
        case["case_no"],
        f"Scanned page 3 of “{material.name}”",
        "This desk cannot read the page (missing or damaged), so it cannot be sent. "
        "Call IT support.",
    )
    assert case_no == case["case_no"]
    assert what == f"Scanned page 2 of “{material.name}”"
    assert why == (
        "The page is too large for the center: 146 KB, and a page may have at most 98 KB. "
        "It stays on this desk; the case itself reached the center."
    )
    assert "attachment" not in what and "413" not in why
