"""The content pages: the landing page, one index per region (contacts, measures, guides,
cards) and one page per guide. Numbers are tel: links; every fact names its source and date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.cards.resolve import usable_phones
from vnr_desktop.core.models import Contact, Guide, Measure, Provenance
from vnr_desktop.core.site.addresses import card_dir, guide_page, region_dir
from vnr_desktop.core.site.html import both, date_nb, en, esc, page, rel

STATUS = {
    "i_gang": ("I gang", "In progress"),
    "planlagt": ("Planlagt", "Planned"),
    "foreslatt": ("Foreslått", "Proposed"),
    "gjennomfort": ("Gjennomført", "Done"),
    "ukjent": ("Status ukjent", "Status unknown"),
}
AVAILABILITY = {
    "acute": ("Akutt / døgnåpent", "Emergency / around the clock"),
    "daytime": ("Dagtid", "Daytime"),
    "both": ("Akutt og dagtid", "Emergency and daytime"),
    "unknown": ("Kilden oppgir ikke åpningstid", "The source gives no opening hours"),
}


@dataclass(frozen=True)
class CardLink:
    card_id: str
    title: str
    formats: tuple[tuple[str, str], ...]
    """(format id, label) for each format with a page."""


@dataclass(frozen=True)
class SiteContacts:
    """Every contact a guide may name (by ``bundle:id``), and the bundles with a page here."""

    contacts: dict[str, Contact]
    on_site: frozenset[str]


def _source(content: BundleContent, prov: Provenance) -> str:
    doc = next((s for s in content.manifest.sources if s.id == prov.source), None)
    name = doc.title if doc else prov.source
    return (
        f'<p class="meta">Kilde: {esc(name)}, {esc(prov.section)}. Per {date_nb(prov.as_of)}. '
        f"{en(f'Source as of {prov.as_of.isoformat()}')}</p>"
    )


def _contact(content: BundleContent, c: Contact) -> str:
    phones, reason = usable_phones(c)
    rows = []
    for p in phones:
        label = f"{esc(p.label)}: " if p.label else ""
        hours = f" <span class='hours'>({esc(p.hours)})</span>" if p.hours else ""
        sms = " (SMS)" if p.sms and not p.voice else ""
        rows.append(
            f'<li>{label}<a class="tel" href="{esc(p.tel_uri)}">{esc(p.number)}</a>{sms}{hours}</li>'
        )
    numbers = (
        f'<ul class="phones">{"".join(rows)}</ul>'
        if rows
        else f"<p>Ingen nummer å vise: {esc(reason or '')} {en('No number to show.')}</p>"
    )
    nb, en_text = AVAILABILITY[c.availability]
    extra = [f"<dt>Tilgjengelig</dt><dd>{esc(nb)} {en(en_text)}</dd>"]
    if c.web:
        href = c.web if c.web.startswith(("http://", "https://")) else f"https://{c.web}"
        extra.append(f'<dt>Nett</dt><dd><a href="{esc(href)}">{esc(c.web)}</a></dd>')
    if c.email:
        extra.append(f'<dt>E-post</dt><dd><a href="mailto:{esc(c.email)}">{esc(c.email)}</a></dd>')
    if c.address:
        extra.append(f"<dt>Adresse</dt><dd>{esc(c.address)}</dd>")
    desc = f"<p>{esc(c.description)}</p>" if c.description else ""
    return (
        f'<article class="contact" id="{esc(c.id)}" aria-labelledby="h-{esc(c.id)}">'
        f'<h3 id="h-{esc(c.id)}">{esc(c.name)}</h3>{numbers}{desc}'
        f'<dl class="facts">{"".join(extra)}</dl>{_source(content, c.provenance)}</article>'
    )


def _measure(content: BundleContent, m: Measure) -> str:
    nb, en_text = STATUS[m.status]
    who = f"<p>Ansvar: {esc(', '.join(m.responsible))}</p>" if m.responsible else ""
    when = f"<p>Frist: {date_nb(m.deadline)}</p>" if m.deadline else ""
    period = f"<p>Periode: {esc(m.period)}</p>" if m.period and not m.deadline else ""
    status_text = f"<p>{esc(m.status_text)}</p>" if m.status_text else ""
    number = f"{esc(m.number)} " if m.number.strip() else ""
    return (
        f'<article class="measure" id="{esc(m.id)}"><h3>{number}{esc(m.title)}</h3>'
        f'<p><span class="status status-{m.status}">{esc(nb)}</span> {en(en_text)}</p>'
        f"{status_text}{who}{when}{period}{_source(content, m.provenance)}</article>"
    )


def region_index(content: BundleContent, cards: Sequence[CardLink]) -> tuple[str, bytes]:
    """``<region>/index.html``."""
    region = content.id
    path = region_dir(region) + "index.html"
    m = content.manifest
    contacts = "".join(_contact(content, c) for c in content.contacts)
    measures = "".join(_measure(content, x) for x in content.measures)
    guides = "".join(
        f'<li><a href="{esc(rel(path, guide_page(region, g.id)))}">{esc(g.title)}</a></li>'
        for g in content.guides
    )
    card_items = "".join(
        f"<li>{esc(c.title)}: "
        + ", ".join(
            f'<a href="{esc(rel(path, card_dir(region, c.card_id, f)))}">{esc(label)}</a>'
            for f, label in c.formats
        )
        + "</li>"
        for c in cards
    )
    sections = [
        ("kontakter", "Telefonnumre og kontakter", "Phone numbers and contacts", contacts),
        ("tiltak", "Tiltak i handlingsplanen", "Measures in the action plan", measures),
        ("veiledere", "Veiledere", "Guides", f'<ul class="plain">{guides}</ul>' if guides else ""),
        ("kort", "Tiltakskort og plakater", "Action cards and posters", f"<ul>{card_items}</ul>"),
    ]
    toc = "".join(
        f'<li><a href="#{sid}">{esc(nb)}</a></li>' for sid, nb, _, html in sections if html
    )
    body = [
        f"<h1>{esc(m.title)} {en('Domestic violence: ' + m.title.split(' – ')[0])}</h1>",
        f'<p class="meta">Innhold: {esc(region)} v{m.version}, utgitt {date_nb(m.issued)}. '
        f"Utgiver: {esc(m.publisher)}. {en(f'Content version {m.version}, issued {m.issued}.')}</p>",
        f"<p>{esc(m.description)}</p>" if m.description else "",
        f'<nav aria-label="Innhold på siden / On this page"><ul>{toc}</ul></nav>',
    ]
    for sid, nb, en_text, html in sections:
        if html:
            body.append(
                f'<section aria-labelledby="{sid}"><h2 id="{sid}">{both(nb, en_text)}</h2>'
                f"{html}</section>"
            )
    crumbs = [("Forside", "")]
    return path, page(path, title=f"{m.title} – VNR", body="".join(body), crumbs=crumbs)


def guide(content: BundleContent, g: Guide, site: SiteContacts) -> tuple[str, bytes]:
    """``<region>/veiledere/<guide>.html``."""
    region = content.id
    path = guide_page(region, g.id)
    parts = [f"<h1>{esc(g.title)}</h1>"]
    if g.summary:
        parts.append(f"<p>{esc(g.summary)}</p>")
    for i, s in enumerate(g.sections):
        parts.append(f'<section aria-labelledby="s{i}"><h2 id="s{i}">{esc(s.title)}</h2>')
        if s.intro:
            parts.append(f"<p>{esc(s.intro)}</p>")
        for b in s.blocks:
            if b.heading:
                parts.append(f"<h3>{esc(b.heading)}</h3>")
            if b.text:
                parts.append(f"<p>{esc(b.text)}</p>")
            if b.items:
                parts.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in b.items) + "</ul>")
        for ref in s.legal_refs:
            title = f" ({esc(ref.title)})" if ref.title else ""
            summary = f": {esc(ref.summary)}" if ref.summary else ""
            parts.append(f"<p>{esc(ref.law)} {esc(ref.section)}{title}{summary}</p>")
        if s.contacts:
            links = "".join(_contact_link(path, region, ref, site) for ref in s.contacts)
            parts.append(f"<p>Kontakter {en('Contacts')}:</p><ul>{links}</ul>")
        parts.append("</section>")
    parts.append(_source(content, g.provenance))
    crumbs = [("Forside", ""), (esc(content.manifest.title), region_dir(region))]
    return path, page(path, title=f"{g.title} – VNR", body="".join(parts), crumbs=crumbs)


def _contact_link(path: str, region: str, ref: str, site: SiteContacts) -> str:
    bundle, sep, item = ref.partition(":")
    if not sep:
        bundle, item = region, ref
    contact = site.contacts.get(f"{bundle}:{item}")
    if contact is None:
        return f"<li>{esc(item)} ({esc(bundle)})</li>"
    if bundle in site.on_site:
        href = f"{rel(path, region_dir(bundle))}#{item}"
        return f'<li><a href="{esc(href)}">{esc(contact.name)}</a></li>'
    # In a bundle this feed does not publish (the national one): its numbers right here.
    phones, _ = usable_phones(contact)
    numbers = ", ".join(
        f'<a class="tel" href="{esc(p.tel_uri)}">{esc(p.number)}</a>' for p in phones
    )
    return f"<li>{esc(contact.name)}{': ' + numbers if numbers else ''}</li>"


def landing(contents: Sequence[BundleContent]) -> tuple[str, bytes]:
    """``index.html``: the regions in this feed and how to check a printed card."""
    path = "index.html"
    items = "".join(
        f'<li><a href="{esc(rel(path, region_dir(c.id)))}">{esc(c.manifest.title)}</a> '
        f'<span class="meta">(v{c.version}, {date_nb(c.manifest.issued)})</span></li>'
        for c in contents
    )
    body = (
        f"<h1>Hjelpetelefoner, tiltak og tiltakskort {en('Helplines, measures and action cards')}</h1>"
        "<p>Her finner du kommunens telefonnumre, tiltak og veiledere om vold i nære relasjoner, "
        "og de trykte tiltakskortene som PDF.</p>"
        f'<section aria-labelledby="omr"><h2 id="omr">{both("Områder", "Regions")}</h2>'
        f"<ul>{items}</ul></section>"
        f'<section aria-labelledby="q"><h2 id="q">'
        f"{both('Er det trykte kortet mitt oppdatert?', 'Is my printed card current?')}</h2>"
        "<p>Skann QR-koden nederst på kortet. Siden du kommer til, sier om kortet ditt er den "
        "gjeldende versjonen, og hva som er endret hvis ikke.</p>"
        f"{en('Scan the QR code at the foot of the card: the page says whether your printed card is current, and what changed if not.', 'p')}"
        "</section>"
    )
    return path, page(path, title="Vold i nære relasjoner – VNR", body=body)


def not_found(contents: Sequence[BundleContent]) -> tuple[str, bytes]:
    """``404.html``: nginx and ``feed serve`` show it at any address, so its links are
    root-relative (the publish_url's path): the same site wherever the folder is served."""
    path = "404.html"
    home = next((c.manifest.publish_url for c in contents if c.manifest.publish_url), "/")
    base = urlsplit(home).path or "/"
    body = (
        f"<h1>Fant ikke siden {en('Page not found')}</h1>"
        f'<p>Siden finnes ikke (lenger). Gå til <a href="{esc(base)}">forsiden</a> for å finne '
        f"kortet og numrene. {en('Go to the front page to find the card and the numbers.')}</p>"
    )
    return path, page(path, title="Fant ikke siden – VNR", body=body, base=base)
