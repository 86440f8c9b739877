"""The pages' shared shell: escaping, the page frame (landmarks, language, navigation), CSS.

Pages are plain HTML5 and one stylesheet in the site folder: no JavaScript, no fonts or files
from anywhere else. Norwegian bokmål first; English follows in elements marked ``lang="en"``.
Colours meet WCAG 2.1 AA contrast (4.5:1 for text) on their backgrounds.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
import re
from html import escape

from vnr_desktop.core.models import Phone
from vnr_desktop.core.site.addresses import STYLESHEET


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def en(text: str, tag: str = "span", cls: str = "en") -> str:
    """English text, marked for screen readers and styled as the second language."""
    return f'<{tag} lang="en" class="{cls}">{esc(text)}</{tag}>'


def both(nb: str, en_text: str) -> str:
    """``Kontakter`` with ``Contacts`` beside it (for headings and labels)."""
    return f"{esc(nb)} {en(en_text)}"


def date_nb(day: _dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def rel(from_page: str, to: str) -> str:
    """Relative link from the page at ``from_page`` to ``to`` (both relative to the root).

    A target ending in ``/`` stays a folder address (served as its index.html)."""
    start = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(to or ".", start)
    if to.endswith("/") or to == "":
        target = "./" if target == "." else target + "/"
    return target


_PHONE_LIKE = re.compile(r"(?<=: )\+?\d[\d ]{1,14}\d(?![\w.])")


def tel_links(text: str) -> str:
    """Escaped ``text`` with the phone numbers of a card's number lines ("Label: 61 18 95 44")
    as tel: links. Only a number right after ": " counts: a year or a § in prose is no
    number to call."""
    out, last = [], 0
    for m in _PHONE_LIKE.finditer(text):
        number = m.group(0).strip()
        if sum(ch.isdigit() for ch in number) < 3:
            continue
        try:
            uri = Phone(number=number).tel_uri
        except ValueError:
            continue
        out += [esc(text[last : m.start()]), f'<a class="tel" href="{esc(uri)}">{esc(number)}</a>']
        last = m.start() + len(m.group(0).rstrip())
    return "".join(out) + esc(text[last:])


def page(
    path: str,
    *,
    title: str,
    body: str,
    crumbs: list[tuple[str, str]] | None = None,
    base: str | None = None,
) -> bytes:
    """A whole page. ``crumbs`` are (label, target) links shown above the main content.

    ``base``: the site's absolute address, for a page served at any address (404.html)."""

    def link(target: str) -> str:
        return base + target if base is not None else rel(path, target)

    nav = ""
    if crumbs:
        links = "".join(
            f'<li><a href="{esc(link(target))}">{label}</a></li>' for label, target in crumbs
        )
        nav = f'<nav aria-label="Brødsmuler / Breadcrumbs"><ol class="crumbs">{links}</ol></nav>'
    html = f"""<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{esc(title)}</title>
<link rel="stylesheet" href="{esc(link(STYLESHEET))}">
</head>
<body>
<a class="skip" href="#main">Hopp til innholdet <span lang="en">(skip to content)</span></a>
<header class="site"><p class="brand"><a href="{esc(link(""))}">Vold i nære relasjoner \
– hjelpetelefoner og tiltakskort</a> {en("Domestic violence – helplines and action cards")}</p>
{nav}</header>
<main id="main">
{body}
</main>
<footer class="site"><p>Publisert med VNR Desktop. Sidene virker uten JavaScript og \
henter ingenting fra andre nettsteder. {
        en("Published with VNR Desktop. No JavaScript, nothing loaded from other sites.")
    }</p></footer>
</body>
</html>
"""
    return html.encode("utf-8")


CSS = """\
/* VNR feed site: one stylesheet, system fonts, no external requests. */
:root { --ink: #1b1b1b; --muted: #4a4a4a; --link: #0a4a85; --band: #12395b;
  --line: #c9cdd2; --ok-bg: #e6f4ea; --ok: #14532d; --bad-bg: #fdecea; --bad: #8a1c13;
  --note-bg: #fff4d6; --note: #5c3d00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Liberation Sans", Arial, sans-serif; overflow-wrap: anywhere; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 0.5rem; top: 0.5rem; background: #fff; padding: 0.5rem; z-index: 2; }
header.site { background: var(--band); color: #fff; padding: 0.75rem 1rem; }
header.site a { color: #fff; }
.brand { margin: 0; font-weight: 700; }
.brand .en { color: #dfe7ef; font-weight: 400; }
.crumbs { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 0.25rem 0.75rem; }
.crumbs li + li::before { content: "›"; margin-right: 0.75rem; color: #dfe7ef; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
footer.site { max-width: 52rem; margin: 2rem auto 0; padding: 1rem; border-top: 1px solid
  var(--line); color: var(--muted); font-size: 0.95rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--band);
  padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
.en { color: var(--muted); font-weight: 400; }
h1 .en, h2 .en, h3 .en { display: block; font-size: 0.8em; }
.meta { color: var(--muted); font-size: 0.95rem; }
ul.plain { list-style: none; padding: 0; }
.contact { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem;
  margin: 0.75rem 0; }
.contact h3 { margin-top: 0.25rem; }
.phones { list-style: none; padding: 0; margin: 0.25rem 0; }
.phones li { margin: 0.25rem 0; }
a.tel { font-size: 1.25rem; font-weight: 700; white-space: nowrap; }
.measure { border-left: 4px solid var(--line); padding: 0.25rem 0.75rem; margin: 0.75rem 0; }
.status { display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-weight: 700;
  background: #eef1f4; color: var(--ink); }
.status-gjennomfort { background: var(--ok-bg); color: var(--ok); }
.status-i_gang { background: #e5eef8; color: #0b3d6e; }
.verdict { padding: 0.75rem 1rem; border-radius: 6px; margin: 1rem 0; font-size: 1.15rem; }
.verdict p { margin: 0.25rem 0; }
.verdict.ok { background: var(--ok-bg); color: var(--ok); border: 2px solid var(--ok); }
.verdict.bad { background: var(--bad-bg); color: var(--bad); border: 2px solid var(--bad); }
.verdict.same { background: var(--note-bg); color: var(--note); border: 2px solid var(--note); }
.verdict .en { color: inherit; }
.files { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0; list-style: none; }
.files a { display: inline-block; padding: 0.4rem 0.8rem; border: 2px solid var(--link);
  border-radius: 6px; font-weight: 700; text-decoration: none; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: 0.95rem; }
.changes del { color: var(--bad); }
.changes ins { color: var(--ok); text-decoration: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
@media (max-width: 30rem) {
  main { padding: 0.75rem; }
  h1 { font-size: 1.4rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.4rem; }
}
"""
