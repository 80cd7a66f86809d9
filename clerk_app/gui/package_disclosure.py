"""The six disclosures of a package (一件事 or a staged project, issue 16), as HTML for the
``DisclosurePanel``: scope and departments, the combined procedure with its stages, the
combined materials (一套材料) and what each item still needs of its own, the time limits
(each stage's and the total), the fees (the sum of its items') and the legal bases of its
items."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject

from clerk_app.gui.joint_texts import department_name, kind_mark, project_type_names


def _list(lines: list[str] | tuple[str, ...], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + f"</{tag}>"


def _types(package: Any) -> list[str | None]:
    """The project types to count for (a package: one, None)."""
    return list(package.project_types) if package.kind == "project" else [None]


class PackageDisclosure(QObject):
    """Renders a package's disclosures (a QObject for its translated words)."""

    def render(self, panel: Any, package: Any, catalog: Any) -> str:
        """The HTML of ``package``'s disclosures; ``panel`` gives titles and money words."""
        esc = html.escape
        titles = panel.section_titles()
        names = project_type_names()
        dept = lambda code: department_name(catalog, code)  # noqa: E731 - short local helper
        out = [f"<h2>{esc(package.name)}</h2>"]
        meta = f"{package.code} · 「{kind_mark(package)}」"
        badge = ""
        if package.demo:
            demo = self.tr("DEMO")
            badge = f" <span class='badge'>&nbsp;{esc(demo)}&nbsp;</span>"
        out.append(f"<p class='meta'>{esc(meta)}{badge}</p>")

        # 1 scope, lead and departments
        out.append(f"<h3>1 {esc(titles[0])}</h3>")
        if package.scope:
            out.append(f"<p>{esc(package.scope)}</p>")
        lead = self.tr("Lead department: %1").replace("%1", dept(package.lead_department))
        out.append(f"<p><b>{esc(lead)}</b></p>")
        try:
            departments = [dept(code) for code in package.departments(catalog)]
        except KeyError:
            departments = []
        heading = self.tr("%n department(s) handle it in parallel:", "", len(departments))
        out.append(f"<p>{esc(heading)} {esc('、'.join(departments))}</p>")
        if package.kind == "project":
            served = "、".join(names.get(t, t) for t in package.project_types)
            types = self.tr("Project types: %1")
            out.append(f"<p>{esc(types.replace('%1', served))}</p>")

        # 2 the combined procedure and its stages
        out.append(f"<h3>2 {esc(titles[1])}</h3>")
        if package.procedure:
            out.append(_list(package.procedure, ordered=True))
        rows = []
        for stage in package.stages:
            items = []
            for part in stage.parts:
                item = catalog.get_item(part.item)
                name = item.name if item is not None else part.item
                only = ""
                if part.project_types:
                    only = " (" + "、".join(names.get(t, t) for t in part.project_types) + ")"
                items.append(f"{name} · {dept(item.department) if item else ''}{only}")
            lead = self.tr("lead: %1").replace("%1", dept(stage.lead_department))
            rows.append(
                f"<li><b>{esc(stage.code)} {esc(stage.name)}</b> "
                f"<span class='meta'>{esc(lead)}</span>{_list(items)}</li>"
            )
        out.append("<ol>" + "".join(rows) + "</ol>")

        # 3 the combined materials, then what each item needs of its own
        out.append(f"<h3>3 {esc(titles[2])}</h3>")
        combined = self.tr("One set of materials, handed in once:")
        out.append(f"<p><b>{esc(combined)}</b></p>")
        required = self.tr("required")
        optional = self.tr("if applicable")
        material_rows = []
        for m in package.materials:
            need = f"<span class='req'>{esc(required)}</span>" if m.required else esc(optional)
            used = self.tr("for %n item(s)", "", len(m.uses))
            note = f"<br><span class='meta'>{esc(m.notes)}</span>" if m.notes else ""
            material_rows.append(
                f"<tr><td>{esc(m.name)}{note}</td><td>{need}</td><td>{esc(used)}</td></tr>"
            )
        out.append("<table>" + "".join(material_rows) + "</table>" if material_rows else "<p>—</p>")
        own_title = self.tr("Besides, each item's own materials:")
        out.append(f"<p><b>{esc(own_title)}</b></p>")
        own_rows = []
        for code in package.item_codes():
            item = catalog.get_item(code)
            if item is None:
                continue
            covered = package.covered(code)
            own = [m.name for m in item.materials if m.code not in covered]
            own_rows.append(f"<li>{esc(item.name)}: {esc('、'.join(own) or '—')}</li>")
        out.append("<ul>" + "".join(own_rows) + "</ul>")

        # 4 time limits: each stage's, the total
        out.append(f"<h3>4 {esc(titles[3])}</h3>")
        stage_rows = []
        for s in package.stages:
            days = self.tr("%n working day(s)", "", s.time_limit_days)
            stage_rows.append(f"<tr><td>{esc(s.code)} {esc(s.name)}</td><td>{esc(days)}</td></tr>")
        out.append("<table>" + "".join(stage_rows) + "</table>")
        totals = {kind: package.total_days(kind) for kind in _types(package)}
        for kind, days in _per_type(totals):
            total = self.tr("Total: %n working day(s)", "", days)
            out.append(f"<p><b>{esc(_label(kind, names))}{esc(total)}</b></p>")

        # 5 fees: the sum of its items'
        out.append(f"<h3>5 {esc(titles[4])}</h3>")
        fees = {}
        for kind in _types(package):
            try:
                fees[kind] = package.fee_fen(catalog, kind)
            except KeyError:  # an item withdrawn from the catalog
                fees[kind] = 0
        for kind, fen in _per_type(fees):
            label = _label(kind, names)
            if fen == 0:
                free = self.tr("Free of charge")
                out.append(f"<p>{esc(label)}<span class='free'>{esc(free)}</span></p>")
            else:
                total = self.tr("%1 in all (the sum of its items' fees)").replace(
                    "%1", panel.yuan(fen)
                )
                out.append(f"<p>{esc(label)}{esc(total)}</p>")

        # 6 legal bases of its items
        out.append(f"<h3>6 {esc(titles[5])}</h3>")
        try:
            basis = package.legal_basis(catalog)
        except KeyError:
            basis = ()
        out.append(_list(basis) if basis else "<p>—</p>")
        return "".join(out)


def render_package(panel: Any, package: Any, catalog: Any) -> str:
    """The HTML of ``package``'s disclosures; ``panel`` gives titles and money words."""
    return PackageDisclosure().render(panel, package, catalog)


def _per_type(values: dict[str | None, int]) -> list[tuple[str | None, int]]:
    """One line when every project type has the same value, else one per type."""
    if len(set(values.values())) <= 1:
        return [(None, v) for v in list(values.values())[:1]]
    return list(values.items())


def _label(kind: str | None, names: dict[str, str]) -> str:
    return f"{names.get(kind, kind)}: " if kind else ""
