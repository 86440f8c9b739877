"""Content items as Qt rich text (HTML subset) for the reading views.

Links use two schemes the views handle: ``item:<ref>`` opens an item, ``copy:<number>`` copies a
phone number. Phone numbers are shown in their one display form (core.phones), and only the
numbers core.phones.phones_to_show allows (never a rejected or outdated one).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from vnr_desktop.core import dates, measures
from vnr_desktop.core.dates import as_of_text
from vnr_desktop.core.ids import USER_SOURCE_ID
from vnr_desktop.core.phones import phone_or_none, phones_to_show
from vnr_desktop.gui import labels
from vnr_desktop.gui.theme import Colors

translate = QCoreApplication.translate

if TYPE_CHECKING:
    import datetime as dt

    from vnr_desktop.core.models import (
        Conflict,
        Contact,
        Guide,
        GuideSection,
        Item,
        LegalRef,
        Measure,
        Phone,
        Plan,
    )
    from vnr_desktop.core.phones import ShownPhones
    from vnr_desktop.gui.content import Snapshot

GRID_KINDS = ("se", "spor", "avklar", "handle")
NB_SECTION_CODES = {"se": "SE", "spor": "SPØR", "avklar": "AVKLAR", "handle": "HANDLE"}


def date_text(value: dt.date) -> str:
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
    )


def short_date(value: dt.date) -> str:
    return dates.date_text(value)


def phone_line(phone: Phone, *, copy_link: bool = True, size: str = "") -> str:
    # a number never breaks across lines (a narrow window wraps before it, not inside it)
    number = f"<b style='white-space:nowrap;{size}'>{escape(phone.display)}</b>"
    parts = [number]
    if phone.label:
        parts.append(escape(phone.label))
    if phone.hours:
        parts.append(f"<i>{escape(phone.hours)}</i>")
    if phone.sms:
        parts.append(escape(translate("Render", "SMS")))
    if not phone.voice:
        parts.append(escape(translate("Render", "bare SMS")))
    line = " · ".join(parts)
    if copy_link:
        copy = translate("Render", "Kopier")
        line += f" &nbsp;<a href='copy:{escape(phone.display)}'>{escape(copy)}</a>"
    return line


def _chosen(value: str) -> str:
    """A conflict's chosen value; a number in the display form."""

    number = phone_or_none(value)
    return value if number is None else number.display


def _shown(contact: Contact) -> ShownPhones:
    return phones_to_show(contact)


# --------------------------------------------------------------------------- guides


def guide_html(snapshot: Snapshot, ref: str, guide: Guide, c: Colors) -> str:
    bundle_id = ref.partition(":")[0]
    out = [f"<h1>{escape(guide.title)}</h1>"]
    if guide.summary:
        out.append(f"<p>{escape(guide.summary)}</p>")
    grid = sorted(
        (s for s in guide.sections if s.kind in GRID_KINDS), key=lambda s: GRID_KINDS.index(s.kind)
    )
    rest = [s for s in guide.sections if s.kind not in GRID_KINDS]
    colours = {"se": c.se, "spor": c.spor, "avklar": c.avklar, "handle": c.handle}
    if grid:
        out.append("<table width='100%' cellspacing='8' cellpadding='12' border='0'>")
        for i in range(0, len(grid), 2):
            pair = grid[i : i + 2]
            out.append("<tr>")
            for section in pair:
                span = " colspan='2'" if len(pair) == 1 else ""
                width = "100%" if len(pair) == 1 else "50%"
                out.append(
                    f"<td width='{width}'{span} valign='top' bgcolor='{colours[section.kind]}'"
                    f" style='border: 1px solid {c.border}'>"
                    f"{_section_html(snapshot, bundle_id, section, c)}</td>"
                )
            out.append("</tr>")
        out.append("</table>")
    for section in rest:
        out.append(f"<div>{_section_html(snapshot, bundle_id, section, c)}</div>")
    out.append(_provenance_html(snapshot, ref, guide))
    return "\n".join(out)


def _section_html(snapshot: Snapshot, bundle_id: str, section: GuideSection, c: Colors) -> str:
    code = labels.label(labels.section_labels(), section.kind)
    title = section.title
    # Content titles often start with the Norwegian code already ("SE – tegn hos barnet").
    codes = {code.upper(), NB_SECTION_CODES.get(section.kind, "")} - {""}
    heading = title if any(title.upper().startswith(c) for c in codes) else f"{code} – {title}"
    out = [f"<h2>{escape(heading)}</h2>"]
    if section.intro:
        out.append(f"<p>{escape(section.intro)}</p>")
    for block in section.blocks:
        if block.heading:
            out.append(f"<p><b>{escape(block.heading)}</b></p>")
        if block.text:
            out.append(f"<p>{escape(block.text)}</p>")
        if block.items:
            out.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in block.items) + "</ul>")
    for legal in section.legal_refs:
        line = f"<b>{escape(legal.law)} {escape(legal.section)}</b>"
        if legal.title:
            line += f" – {escape(legal.title)}"
        note = _legal_ref_note(legal)
        if note:
            line += f" <i style='color:{c.muted}'>({escape(note)})</i>"
        out.append(f"<p>{line}</p>")
        if legal.summary:
            out.append(f"<p>{escape(legal.summary)}</p>")
    if section.contacts:
        contacts_heading = translate("Render", "Kontakter")
        out.append(f"<p><b>{escape(contacts_heading)}</b></p><ul>")
        for raw in section.contacts:
            ref = snapshot.resolve(raw, bundle_id)
            contact = snapshot.item(ref)
            if contact is None or contact.kind != "contact":
                missing = translate("Render", "Kontakten finnes ikke i innholdet:")
                out.append(f"<li>{escape(missing)} {escape(raw)}</li>")
                continue
            shown = _shown(contact)
            numbers = "<br/>".join(phone_line(p) for p in shown.shown)
            if not numbers:
                numbers = escape(shown.reason or "")
            out.append(
                f"<li><a href='item:{escape(ref)}'>{escape(contact.name)}</a><br/>{numbers}</li>"
            )
        out.append("</ul>")
    return "".join(out)


# --------------------------------------------------------------------------- contacts


def contact_html(snapshot: Snapshot, ref: str, contact: Contact, c: Colors) -> str:
    out = [f"<h1>{escape(contact.name)}</h1>"]
    out.append(
        f"<p style='color:{c.muted}'>{escape(labels.label(labels.category_labels(), contact.category))}</p>"
    )
    if snapshot.is_stale(contact.provenance.as_of):
        stale_heading = translate("Render", "Opplysningene kan være utdatert")
        out.append(
            f"<table width='100%' cellpadding='10' bgcolor='{c.warning_bg}'><tr><td>"
            f"<b style='color:{c.warning_text}'>{escape(stale_heading)}</b><br/>"
            + escape(
                translate(
                    "Render",
                    "Kilden er fra {0}, mer enn {1} måneder siden. Sjekk nummeret før du "
                    "bruker det eller skriver det ut.",
                ).format(as_of_text(contact.provenance), snapshot.settings.age_warning_months)
            )
            + "</td></tr></table>"
        )
    if contact.description:
        out.append(f"<p>{escape(contact.description)}</p>")
    phone_heading = translate("Render", "Telefon")
    shown = _shown(contact)
    if shown.shown:
        out.append(f"<h2>{escape(phone_heading)}</h2>")
        for phone in shown.shown:
            out.append(f"<p>{phone_line(phone, size='font-size:large')}</p>")
    elif shown.reason:
        out.append(f"<h2>{escape(phone_heading)}</h2><p>{escape(shown.reason)}</p>")
    rows: list[tuple[str, str]] = []
    if contact.email:
        rows.append((translate("Render", "E-post"), escape(contact.email)))
    if contact.web:
        web = escape(contact.web)
        rows.append((translate("Render", "Nettside"), f"<a href='{web}'>{web}</a>"))
    if contact.address:
        rows.append((translate("Render", "Adresse"), escape(contact.address)))
    audiences = labels.audience_labels()
    rows.append(
        (
            translate("Render", "Hjelper"),
            escape(", ".join(labels.label(audiences, a) for a in contact.serves)),
        )
    )
    rows.append(
        (
            translate("Render", "Tilgjengelig"),
            escape(labels.label(labels.availability_labels(), contact.availability)),
        )
    )
    if contact.anonymous is not None:
        rows.append(
            (
                translate("Render", "Anonymt"),
                escape(
                    translate("Render", "Ja") if contact.anonymous else translate("Render", "Nei")
                ),
            )
        )
    if contact.languages:
        rows.append((translate("Render", "Språk"), escape(", ".join(contact.languages))))
    if contact.municipalities:
        names = {n: name for n, name, _b in snapshot.municipalities}
        rows.append(
            (
                translate("Render", "Gjelder"),
                escape(", ".join(names.get(n, n) for n in contact.municipalities)),
            )
        )
    out.append(_rows_html(rows))
    for conflict in contact.conflicts:
        if conflict.decision is not None:
            out.append(f"<p style='color:{c.muted}'>{escape(conflict_text(conflict))}</p>")
    out.append(_provenance_html(snapshot, ref, contact))
    return "\n".join(out)


def _legal_ref_note(legal: LegalRef) -> str | None:
    """The kind of a legal reference: a source's outdated one, or today's from general
    knowledge (core/provenance.py decides which)."""
    if legal.provenance == "general-knowledge":
        return translate("Render", "dagens henvisning – allmenn kunnskap, ikke fra kildedokumentet")
    if legal.outdated:
        return translate("Render", "slik kilden viser til den; henvisningen er utdatert")
    return None


def _coverage_html(snapshot: Snapshot, ref: str, c: Colors) -> str:
    """The plan's municipalities, saying which names and numbers no source prints."""
    bundle = snapshot.bundle(ref.partition(":")[0])
    if bundle is None or not bundle.municipalities:
        return ""
    names = ", ".join(f"{name} ({number})" for number, name in bundle.municipalities)
    out = f"<p><b>{escape(translate('Render', 'Kommuner'))}</b>: {escape(names)}</p>"
    if bundle.coverage_note:
        out += f"<p style='color:{c.muted}'><i>{escape(bundle.coverage_note)}</i></p>"
    return out


def conflict_text(conflict: Conflict) -> str:
    """A decided conflict in words: what it is about (never the field's name), the value shown
    and why. The rejected values are not repeated (a misprinted number is never shown)."""
    if conflict.decision is None:
        return ""
    return translate("Render", "Kildene er uenige om {0}. Vist: {1}. {2}").format(
        labels.conflict_subject(conflict.field),
        _chosen(conflict.decision.chosen),
        conflict.decision.reason,
    )


def _rows_html(rows: list[tuple[str, str]]) -> str:
    if not rows:
        return ""
    body = "".join(
        f"<tr><td valign='top'><b>{escape(k)}</b></td><td valign='top'>{v}</td></tr>"
        for k, v in rows
    )
    return f"<table cellpadding='4'>{body}</table>"


def _provenance_html(snapshot: Snapshot, ref: str, item: Item) -> str:
    bundle_id = ref.partition(":")[0]
    prov = item.provenance
    if prov.source == USER_SOURCE_ID:
        text = translate("Render", "Lagt inn av deg {0}.").format(short_date(prov.as_of))
        return f"<hr/><p style='font-size:small'>{escape(text)}</p>"
    else:
        doc = snapshot.source_of(ref)
        source = f"{doc.title} ({doc.publisher})" if doc else prov.source
    bundle = snapshot.bundle(bundle_id)
    content = f"{bundle.id} v{bundle.version}" if bundle else bundle_id
    text = translate("Render", "Kilde: {0}, {1}. Per {2}. Innhold: {3}.").format(
        source, prov.section, as_of_text(prov), content
    )
    return f"<hr/><p style='font-size:small'>{escape(text)}</p>"


# --------------------------------------------------------------------------- measures, plans


def measure_html(
    snapshot: Snapshot, ref: str, measure: Measure, plan: Plan | None, c: Colors
) -> str:
    out = [f"<h1>{escape(measure.number)} {escape(measure.title)}</h1>"]
    rows: list[tuple[str, str]] = []
    if plan is not None:
        rows.append((translate("Render", "Plan"), escape(plan.title)))
    names = labels.status_labels()
    status = labels.label(names, measure.status)
    mix = measures.mixed_statuses(measure)
    if mix:
        status = translate("Render", "{0} (deler: {1})").format(
            status, ", ".join(labels.label(names, s).lower() for s in mix)
        )
    if measures.is_overdue(measure, snapshot.today):
        status = translate("Render", "{0} – forsinket").format(status)
    rows.append((translate("Render", "Status"), escape(status)))
    if measure.status_text:
        rows.append((translate("Render", "Status i planen"), escape(measure.status_text)))
    if measure.responsible:
        rows.append((translate("Render", "Ansvarlig"), escape(", ".join(measure.responsible))))
    if measure.deadline:
        rows.append((translate("Render", "Frist"), escape(short_date(measure.deadline))))
    if measure.period:
        rows.append((translate("Render", "Periode"), escape(measure.period)))
    if measure.target_group:
        rows.append((translate("Render", "Målgruppe"), escape(measure.target_group)))
    if measure.goal:
        rows.append((translate("Render", "Mål"), escape(measure.goal)))
    if measure.section:
        rows.append((translate("Render", "Avsnitt"), escape(measure.section)))
    out.append(_rows_html(rows))
    if measure.description:
        out.append(f"<p>{escape(measure.description)}</p>")
    out.append(_provenance_html(snapshot, ref, measure))
    return "\n".join(out)


def item_html(snapshot: Snapshot, ref: str, c: Colors) -> str:
    """Any item: plans and resources get a simple page, the others their own."""
    item = snapshot.item(ref)
    if item is None:
        missing_item = translate("Render", "Fant ikke dette i innholdet.")
        return f"<p>{escape(missing_item)}</p>"
    if item.kind == "contact":
        return contact_html(snapshot, ref, item, c)
    if item.kind == "guide":
        return guide_html(snapshot, ref, item, c)
    if item.kind == "measure":
        plan = snapshot.item(snapshot.resolve(item.plan, ref.partition(":")[0]))
        return measure_html(snapshot, ref, item, plan if plan and plan.kind == "plan" else None, c)
    out: list[str] = []
    if item.kind == "plan":
        out.append(f"<h1>{escape(item.title)}</h1>")
        out.append(f"<p>{item.period_start}–{item.period_end}</p>")
        if item.summary:
            out.append(f"<p>{escape(item.summary)}</p>")
        if item.goals:
            out.append("<ul>" + "".join(f"<li>{escape(g)}</li>" for g in item.goals) + "</ul>")
        out.append(_coverage_html(snapshot, ref, c))
    else:
        out.append(f"<h1>{escape(item.name)}</h1>")
        if item.description:
            out.append(f"<p>{escape(item.description)}</p>")
        if item.web:
            web = escape(item.web)
            out.append(f"<p><a href='{web}'>{web}</a></p>")
    out.append(_provenance_html(snapshot, ref, item))
    return "\n".join(out)
