"""The six disclosures (六公开) of one catalog item, or of a package (一件事, a staged
project: issue 16), together in one read-only panel."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from clerk_app.gui.item_text import ItemText

_CSS = """
h2 { font-size: 15pt; margin: 0 0 2px 0; }
h3 { font-size: 11.5pt; color: #0b4f8a; margin: 12px 0 3px 0;
     border-bottom: 1px solid #c9d6e3; }
p, li { margin: 2px 0; }
.meta { color: #555; }
.badge { background: #fff1c2; color: #7a5200; font-weight: bold; }
.req { color: #b3261e; font-weight: bold; }
.free { color: #1b6e20; font-weight: bold; }
td { padding: 1px 8px 1px 0; }
"""


class DisclosurePanel(QTextBrowser):
    """Shows scope and conditions, procedure, materials, promised time limit, fees and legal
    basis of an item, in that order, each under its title.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disclosurePanel")
        self.setAccessibleName(self.tr("Item disclosures"))
        self.setReadOnly(True)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(_CSS)
        self.document().setDocumentMargin(10)
        self.item: Any = None
        #: The package shown (None when an item or nothing is), and its catalog.
        self.package: Any = None
        self._catalog: Any = None
        self._department_name = ""
        self.show_item(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # Titles and labels are translated; the item's own texts stay as published.
            scroll = self.verticalScrollBar().value()
            if self.package is not None:
                self.show_package(self.package, self._catalog)
            else:
                self.show_item(self.item, self._department_name)
            self.verticalScrollBar().setValue(scroll)
        super().changeEvent(event)

    def section_titles(self) -> list[str]:
        """The six titles, in the order shown."""
        return [
            self.tr("What is accepted (scope and conditions)"),
            self.tr("Procedure"),
            self.tr("Materials"),
            self.tr("Promised time limit"),
            self.tr("Fees"),
            self.tr("Legal basis"),
        ]

    def show_item(self, item: Any, department_name: str = "") -> None:
        """Render ``item`` (None: a hint to pick one)."""
        self.item = item
        self.package = None
        self._department_name = department_name
        if item is None:
            self.setHtml(
                "<p class='meta'>"
                + html.escape(self.tr("Pick a service item on the left to see its disclosures."))
                + "</p>"
            )
            return
        self.setHtml(self.render_html(item))

    def show_package(self, package: Any, catalog: Any) -> None:
        """Render the six disclosures of ``package`` (its items looked up in ``catalog``)."""
        from clerk_app.gui.package_disclosure import render_package

        self.item = None
        self.package = package
        self._catalog = catalog
        self.setHtml(render_package(self, package, catalog))

    def render_html(self, item: Any) -> str:
        t = ItemText(item, self._department_name)
        esc = html.escape
        titles = self.section_titles()
        parts = [f"<h2>{esc(t.name)}</h2>"]
        meta = " · ".join(p for p in (t.code, t.department, t.kind) if p)
        badge = ""
        if t.demo:
            # Demo data: never shown to an applicant as a real rule.
            #: Badge on demo catalog items: the data is an example, not a real rule.
            demo = self.tr("DEMO")
            badge = f" <span class='badge'>&nbsp;{esc(demo)}&nbsp;</span>"
        parts.append(f"<p class='meta'>{esc(meta)}{badge}</p>")

        # 1 受理项目: scope and conditions
        parts.append(f"<h3>1 {esc(titles[0])}</h3>")
        if t.scope:
            parts.append(f"<p>{esc(t.scope)}</p>")
        if t.conditions:
            conditions = self.tr("Conditions:")
            parts.append(f"<p><b>{esc(conditions)}</b></p>")
            parts.append(_list(t.conditions))
        if not t.scope and not t.conditions:
            unpublished = self.tr("Not published.")
            parts.append(f"<p>{esc(unpublished)}</p>")

        # 2 办事程序
        parts.append(f"<h3>2 {esc(titles[1])}</h3>")
        parts.append(_list(t.procedure, ordered=True) if t.procedure else "<p>—</p>")

        # 3 申报材料
        parts.append(f"<h3>3 {esc(titles[2])}</h3>")
        rows = []
        required = self.tr("required")
        for m in t.materials:
            #: A material handed in as the original document (原件).
            original = self.tr("original")
            #: A material handed in as a photocopy (复印件), not a number of copies.
            copy = self.tr("copy")
            form = original if m.original else copy
            copies = self.tr("%n copy(ies)", "", m.copies)
            need = (
                f"<span class='req'>{esc(required)}</span>"
                if m.required
                else esc(self.tr("if applicable"))
            )
            note = f"<br><span class='meta'>{esc(m.notes)}</span>" if m.notes else ""
            rows.append(
                f"<tr><td>{esc(m.name)}{note}</td><td>{esc(form)}</td>"
                f"<td>{esc(copies)}</td><td>{need}</td></tr>"
            )
        parts.append("<table>" + "".join(rows) + "</table>" if rows else "<p>—</p>")

        # 4 承诺时限
        parts.append(f"<h3>4 {esc(titles[3])}</h3>")
        parts.append(f"<p>{esc(self.time_limit_text(t))}</p>")

        # 5 收费标准
        parts.append(f"<h3>5 {esc(titles[4])}</h3>")
        if not t.fees or all(f.amount_fen == 0 for f in t.fees):
            #: Fee standard of an item that charges nothing (不收费).
            free = self.tr("Free of charge")
            parts.append(f"<p class='free'>{esc(free)}</p>")
        else:
            fee_rows = []
            for fee in t.fees:
                basis = f"<br><span class='meta'>{esc(fee.basis)}</span>" if fee.basis else ""
                fee_rows.append(
                    f"<tr><td>{esc(fee.name)}{basis}</td>"
                    f"<td>{esc(self.yuan(fee.amount_fen))}</td></tr>"
                )
            parts.append("<table>" + "".join(fee_rows) + "</table>")

        # 6 政策依据
        parts.append(f"<h3>6 {esc(titles[5])}</h3>")
        parts.append(_list(t.legal_basis) if t.legal_basis else "<p>—</p>")
        return "".join(parts)

    def yuan(self, fen: int) -> str:
        """Money for display: ``12.50 yuan`` / ``12.50元``."""
        return self.tr("%1 yuan").replace("%1", f"{fen / 100:,.2f}")

    def time_limit_text(self, t: ItemText) -> str:
        if t.on_the_spot:
            text = self.tr("Done on the spot")
        else:
            text = self.tr("%n working day(s)", "", t.promised_days or 0)
        if t.statutory_days:
            statutory = self.tr("statutory limit: %n working day(s)", "", t.statutory_days)
            text = f"{text} ({statutory})"
        return text


def _list(lines: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + f"</{tag}>"
