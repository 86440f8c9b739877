"""Card pages: the current card (PDF, PNG, content version, date, what it says), and for every
printed version the page its QR code opens: "is my printed card current?", and if not, what
changed since."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnr_desktop.core.cards.formats import FORMATS
from vnr_desktop.core.cards.render import RenderedCard, prepare, render_card
from vnr_desktop.core.cards.resolve import NumberLine, ResolvedCard
from vnr_desktop.core.site.addresses import card_dir, card_version_dir, printed_version, region_dir
from vnr_desktop.core.site.html import date_nb, en, esc, page, rel, tel_links
from vnr_desktop.core.site.manifest import CardHistory, CardVersion

if TYPE_CHECKING:
    from vnr_desktop.core.library import Library

PNG_LONG_SIDE_PX = 1000


def _number_line(line: NumberLine) -> str:
    if line.blank:
        text = f"{line.label}: Lokalt nummer: ______"
    else:
        text = f"{line.label}: {line.number or line.web or ''}".rstrip(": ")
    if line.hours:
        text += f" ({line.hours})"
    if line.note:
        text += f" – {line.note}"
    if line.fallback is not None:
        text += f" / {_number_line(line.fallback)}"
    return text


def number_lines(rc: ResolvedCard) -> set[str]:
    """The lines of ``card_lines`` that are phone numbers (they become tel: links)."""
    return {
        _number_line(line)
        for panel in rc.panels.values()
        for el in panel.elements
        for line in el.lines
    }


def card_lines(rc: ResolvedCard) -> list[str]:
    """What the card prints, as plain lines in reading order (compared between versions)."""
    out = [rc.title] + ([rc.subtitle] if rc.subtitle else [])
    for panel in rc.panels.values():
        out += [t for t in (panel.heading, panel.subheading) if t]
        for el in panel.elements:
            out += [t for t in (el.intro, el.text) if t]
            out += list(el.bullets)
            for b in el.blocks:
                out += [t for t in (b.heading, b.text) if t] + list(b.items)
            out += [_number_line(line) for line in el.lines]
    return out


def text_key(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def png_pages(pdf: bytes) -> list[bytes]:
    """The PDF's pages as PNG (poppler's pdftoppm), or [] where poppler is not installed."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    with tempfile.TemporaryDirectory(prefix="vnr-site-") as tmp:
        src = Path(tmp) / "card.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            [tool, "-png", "-scale-to", str(PNG_LONG_SIDE_PX), str(src), str(Path(tmp) / "p")],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p-*.png"))]


@dataclass
class CardSite:
    """One card in one format for one region, rendered for the site."""

    rc: ResolvedCard
    rendered: RenderedCard
    version: str
    lines: list[str]

    @property
    def key(self) -> str:
        return f"{self.rc.region}/{self.rc.card_id}/{self.rc.format}"


def render_for_site(library: Library, card_id: str, region: str, fmt: str) -> CardSite:
    rc, _, _ = prepare(library, card_id, region, fmt)
    rendered = render_card(library, card_id, region, fmt)
    version = printed_version([(b.id, b.version) for b in rc.bundles])
    return CardSite(rc, rendered, version, card_lines(rc))


def _versions_text(bundles: list[tuple[str, int]]) -> str:
    return " + ".join(f"{b} v{v}" for b, v in bundles)


def _lines_html(lines: list[str], numbers: set[str] | None = None) -> str:
    """A list; lines in ``numbers`` (a card's number lines) get tel: links."""
    numbers = numbers or set()
    items = "".join(f"<li>{tel_links(x) if x in numbers else esc(x)}</li>" for x in lines)
    return f"<ul>{items}</ul>"


def current_page(
    cs: CardSite, history: CardHistory, files: dict[str, list[str]]
) -> tuple[str, bytes]:
    """``<region>/<card>/<format>/index.html``; ``files`` = {"pdf": [name], "png": [names]}."""
    rc = cs.rc
    base = card_dir(rc.region, rc.card_id, rc.format)
    path = base + "index.html"
    spec = FORMATS[rc.format]
    cur = history.versions[history.current]
    pdf = files["pdf"][0]
    links = [f'<li><a href="{esc(pdf)}">Last ned PDF {en("Download PDF")}</a></li>']
    figures = []
    sides = ["Forsiden", "Baksiden"] if len(files["png"]) == 2 else ["Side 1", "Side 2", "Side 3"]
    for i, png in enumerate(files["png"]):
        label = sides[i] if i < len(sides) else f"Side {i + 1}"
        links.append(f'<li><a href="{esc(png)}">{label} som PNG-bilde</a></li>')
        figures.append(
            f'<figure><img src="{esc(png)}" alt="{label} av kortet. Teksten står under bildene." '
            f'loading="lazy"><figcaption>{label} {en("(image)")}</figcaption></figure>'
        )
    older = sorted(
        (v for v in history.versions if v != history.current),
        key=lambda v: history.versions[v].published,
        reverse=True,
    )
    older_html = "".join(
        f'<li><a href="{esc(rel(path, card_version_dir(rc.region, rc.card_id, rc.format, v)))}">'
        f"{esc(_versions_text(history.versions[v].bundles))}, "
        f"{date_nb(history.versions[v].issued)}</a></li>"
        for v in older
    )
    here = card_version_dir(rc.region, rc.card_id, rc.format, history.current)
    older_block = ""
    if older_html:
        older_block = f"<h3>Tidligere versjoner {en('Earlier versions')}</h3><ul>{older_html}</ul>"
    body = f"""<h1>{esc(rc.title)} – {esc(rc.region_name)} {en(f"Action card, {spec.id}")}</h1>
<p class="meta">Format: {esc(spec.label)}</p>
<dl class="facts"><dt>Gjeldende versjon</dt><dd>{esc(_versions_text(cur.bundles))}</dd>
<dt>Dato</dt><dd>{date_nb(cur.issued)}</dd></dl>
<ul class="files">{"".join(links)}</ul>
<section aria-labelledby="q"><h2 id="q">Er det trykte kortet mitt oppdatert? \
{en("Is my printed card current?")}</h2>
<p>Nederst på kortet står innholdet kortet er laget fra. Står det \
«{esc(_versions_text(cur.bundles))}, {date_nb(cur.issued)}», er kortet oppdatert. \
Skann QR-koden på kortet, så får du svaret for akkurat ditt kort. Står det noe annet \
nederst på kortet ditt, kan innholdet være endret: sammenlign med PDF-en, eller skriv ut \
kortet på nytt.</p>
{en("The foot of the card names its content version. Scan the card's QR code for the answer for your card; if your card names another version, compare it with the PDF or print it again.", "p")}
<p><a href="{esc(rel(path, here))}">Siden for gjeldende versjon</a></p>
{older_block}
</section>
<section aria-labelledby="t"><h2 id="t">Dette står på kortet {en("What the card says")}</h2>
{_lines_html(cs.lines, number_lines(rc))}</section>
<section aria-labelledby="b"><h2 id="b">Bilder av kortet {en("Pictures of the card")}</h2>
{"".join(figures) or "<p>Ingen bilder (PDF-en over er kortet).</p>"}</section>"""
    crumbs = [("Forside", ""), (esc(rc.region_name), region_dir(rc.region))]
    title = f"{rc.title} ({spec.id}) – {rc.region_name}"
    return path, page(path, title=title, body=body, crumbs=crumbs)


def _changes_section(
    history: CardHistory,
    printed: CardVersion,
    cur: CardVersion,
    texts: dict[str, list[str]],
    numbers: set[str],
) -> str:
    """What changed since ``printed``: the publisher's notes, lines gone, lines new."""
    old, new = texts.get(printed.text, []), texts.get(cur.text, [])
    removed = [x for x in old if x not in new]
    added = [x for x in new if x not in old]
    notes = [
        f"{b} v{dict(v.bundles).get(b, '?')}: {note}"
        for _, v in sorted(history.versions.items(), key=lambda kv: kv[1].published)
        if v.published > printed.published
        for b, note in sorted(v.notes.items())
    ]
    parts = []
    if notes:
        parts.append(f"<h3>Fra utgiveren {en('From the publisher')}</h3>{_lines_html(notes)}")
    if removed:
        parts.append(
            f"<h3>Står ikke lenger på kortet {en('No longer on the card')}</h3><ul>"
            + "".join(f"<li><del>{esc(x)}</del></li>" for x in removed)
            + "</ul>"
        )
    if added:
        parts.append(
            f"<h3>Nytt eller endret {en('New or changed')}</h3><ul>"
            + "".join(
                f"<li><ins>{tel_links(x) if x in numbers else esc(x)}</ins></li>" for x in added
            )
            + "</ul>"
        )
    return (
        f'<section class="changes" aria-labelledby="c"><h2 id="c">Dette er endret siden '
        f"kortet ditt ble laget {en('What changed since your card was made')}</h2>"
        + ("".join(parts) or "<p>Rekkefølgen eller oppsettet er endret.</p>")
        + "</section>"
    )


def version_page(
    cs: CardSite, history: CardHistory, version: str, texts: dict[str, list[str]]
) -> tuple[str, bytes]:
    """The page a printed card's QR code opens: is ``version`` current, and if not, what
    changed since it was printed."""
    rc = cs.rc
    path = card_version_dir(rc.region, rc.card_id, rc.format, version) + "index.html"
    printed = history.versions[version]
    cur = history.versions[history.current]
    mine = f"{_versions_text(printed.bundles)}, {date_nb(printed.issued)}"
    now = f"{_versions_text(cur.bundles)}, {date_nb(cur.issued)}"
    changes = ""
    if version == history.current:
        cls = "ok"
        verdict = (
            f"<p><strong>Ja, kortet ditt er oppdatert.</strong> Det er den gjeldende "
            f"versjonen ({esc(mine)}).</p>"
            + en(f"Yes, your printed card is current ({mine}).", "p")
        )
    elif printed.text == cur.text:
        cls = "same"
        verdict = (
            f"<p><strong>Kortet ditt er fortsatt riktig.</strong> Innholdet har fått ny "
            f"versjon ({esc(now)}), men det som står på dette kortet, er uendret.</p>"
            + en("Your printed card is still correct: nothing on it has changed.", "p")
        )
    else:
        cls = "bad"
        verdict = (
            f"<p><strong>Nei, kortet ditt er utdatert.</strong> Kortet ditt er {esc(mine)}; "
            f"gjeldende versjon er {esc(now)}. Skriv ut det nye kortet og kast det gamle.</p>"
            + en(f"No, your printed card is out of date. Current version: {now}.", "p")
        )
        changes = _changes_section(history, printed, cur, texts, number_lines(rc))
    current = card_dir(rc.region, rc.card_id, rc.format)
    body = f"""<h1>Er det trykte kortet mitt oppdatert? {en("Is my printed card current?")}</h1>
<p class="meta">{esc(rc.title)} – {esc(rc.region_name)}, {esc(FORMATS[rc.format].label)}</p>
<div class="verdict {cls}" role="status">{verdict}</div>
<dl class="facts"><dt>Ditt kort</dt><dd>{esc(mine)}</dd><dt>Gjeldende</dt><dd>{esc(now)}</dd></dl>
<p><a href="{esc(rel(path, current))}">Se og last ned gjeldende kort</a> \
{en("See and download the current card")}</p>
{changes}"""
    crumbs = [
        ("Forside", ""),
        (esc(rc.region_name), region_dir(rc.region)),
        (esc(rc.title), current),
    ]
    return path, page(
        path, title=f"Er kortet oppdatert? {rc.title} ({rc.format})", body=body, crumbs=crumbs
    )


def merge_history(
    previous: CardHistory | None, cs: CardSite, sequence: int, notes: dict[str, str]
) -> CardHistory:
    """The card's versions so far plus this publish's (a re-publish keeps its first record)."""
    versions = dict(previous.versions) if previous else {}
    if cs.version not in versions or versions[cs.version].text != text_key(cs.lines):
        # Notes only of the bundles that moved: a note stays in the catalog until the bundle
        # is published again, and must not be repeated for another bundle's change.
        before = dict(versions[previous.current].bundles) if previous else {}
        moved = [b.id for b in cs.rc.bundles if before.get(b.id) != b.version]
        versions[cs.version] = CardVersion(
            bundles=[(b.id, b.version) for b in cs.rc.bundles],
            issued=cs.rc.issued,
            published=sequence,
            text=text_key(cs.lines),
            notes={b: notes[b] for b in moved if b in notes},
        )
    return CardHistory(current=cs.version, versions=versions)
