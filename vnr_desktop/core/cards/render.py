"""Render cards to PDF: one card (trim + 3 mm bleed, TrimBox/BleedBox set) or imposed sheets.

Each side is drawn once into a PDF form XObject and placed where needed, so an imposed sheet
costs little more than a single card. Output is deterministic: ReportLab's invariant mode and a
creation date taken from the content (the newest bundle's issued date), never the clock.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypedDict, Unpack

from vnr_desktop.core import atomic
from vnr_desktop.core.cards.definitions import FORMAT_IDS, CardDefinition, ltext
from vnr_desktop.core.cards.errors import CardRequestError
from vnr_desktop.core.cards.fit import CardPlan, plan_card
from vnr_desktop.core.cards.formats import BLEED_MM, MM
from vnr_desktop.core.cards.imposition import render_mixed_sheet, render_sheet
from vnr_desktop.core.cards.loader import CardCatalog, shipped_catalog
from vnr_desktop.core.cards.pdfcanvas import (
    FOLD_PAGES,
    define_forms,
    fold_marks,
    form_name,
    new_canvas,
    pages_of,
    set_boxes,
    side_size,
)
from vnr_desktop.core.cards.qr import card_payload
from vnr_desktop.core.cards.resolve import ResolvedCard, resolve_card

__all__ = ["FOLD_PAGES", "new_canvas", "render_card", "render_to_file", "side_size"]

if TYPE_CHECKING:
    from vnr_desktop.core.library import Library
    from vnr_desktop.core.models import Contact

Duplex = Literal["long", "short"]


class SheetOptions(TypedDict, total=False):
    """render_card's keyword options besides the language and the catalogue."""

    sheet: str | None
    duplex: Duplex
    duplex_offset: tuple[float, float]
    own_contacts: Sequence[Contact]
    print_shop: bool


class RenderOptions(SheetOptions, total=False):
    """All of render_card's keyword options."""

    lang: str | None
    catalog: CardCatalog | None


@dataclass(frozen=True)
class RenderedCard:
    pdf: bytes
    card_id: str
    region: str
    format: str
    language: str
    content_version: str
    content_hash: str
    warnings: tuple[str, ...]
    qr_payload: str
    """The address the card's QR code opens ("" when the card carries none)."""
    printed_numbers: tuple[str, ...]
    sheet: str | None = None
    duplex: str = "long"
    issued: _dt.date | None = None
    body_pt: float = 0.0
    number_pt: float = 0.0
    own_numbers: tuple[str, ...] = ()
    """The user's own numbers among ``printed_numbers`` (printed under their own heading)."""
    print_shop: bool = False
    """PDF/X-1a in CMYK with a FOGRA39 output intent (see printshop.py)."""


@dataclass(frozen=True)
class CardInfo:
    id: str
    title: str
    short_title: str
    subtitle: str | None
    audience: tuple[str, ...]
    languages: tuple[str, ...]
    formats: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "short_title": self.short_title,
            "subtitle": self.subtitle,
            "audience": list(self.audience),
            "languages": list(self.languages),
            "formats": list(self.formats),
        }


def list_cards(catalog: CardCatalog | None = None, lang: str = "nb") -> list[CardInfo]:
    """Every card the app can print, in display order."""
    catalog = catalog or shipped_catalog()
    out = []
    for card in catalog.cards.values():
        use = card_language(card, lang)
        out.append(
            CardInfo(
                id=card.id,
                title=ltext(card.title, use),
                short_title=ltext(card.short_title, use),
                subtitle=ltext(card.subtitle, use) if card.subtitle else None,
                audience=tuple(card.audience),
                languages=tuple(card.languages),
                formats=FORMAT_IDS,
            )
        )
    return out


# --------------------------------------------------------------------------- single card


def _render_single(rc: ResolvedCard, plan: CardPlan, title: str, print_shop: bool) -> bytes:
    b = BLEED_MM * MM
    w_mm, h_mm = side_size(rc.spec, rc)
    pages = pages_of(rc)
    panel_w, panel_h = w_mm * MM, h_mm * MM
    trim_w = panel_w * len(pages[0])
    media = (trim_w + 2 * b, panel_h + 2 * b)
    buffer = io.BytesIO()
    c = new_canvas(
        buffer,
        media,
        title=title,
        subject=rc.content_version,
        day=rc.issued,
        lang=rc.lang,
        print_shop=print_shop,
    )
    define_forms(c, rc, plan)
    for page in pages:
        set_boxes(c, media, (b, b, b + trim_w, b + panel_h), art=not print_shop)
        for i, side in enumerate(page):
            c.saveState()
            c.translate(b + i * panel_w, b)
            c.doForm(form_name(rc, side))
            c.restoreState()
        for i in range(1, len(page)):
            fold_marks(c, b + i * panel_w, media[1], b)
        c.showPage()
    c.save()
    return buffer.getvalue()


# --------------------------------------------------------------------------- public API


def _catalog(catalog: CardCatalog | None) -> CardCatalog:
    return catalog if catalog is not None else shipped_catalog()


def qr_payload_for(library: Library, rc: ResolvedCard) -> str:
    """The QR code's address: this card's page on its publisher's site for the printed
    version, or "" when the region's bundle names no ``publish_url`` (built-in bundles)."""
    installed = library.bundle(rc.region)
    publish_url = installed.manifest.publish_url if installed is not None else None
    return card_payload(
        publish_url, rc.region, rc.card_id, rc.format, [(b.id, b.version) for b in rc.bundles]
    )


def prepare(
    library: Library,
    card_id: str,
    region: str,
    fmt: str,
    *,
    lang: str | None = None,
    catalog: CardCatalog | None = None,
    own_contacts: Sequence[Contact] = (),
) -> tuple[ResolvedCard, CardPlan, str]:
    """Resolve and lay out a card without writing a PDF (raises CardOverflowError)."""
    if fmt not in FORMAT_IDS:
        raise CardRequestError(f"unknown format {fmt!r} (formats: {', '.join(FORMAT_IDS)})")
    rc = resolve_card(library, _catalog(catalog), card_id, region, fmt, lang, own_contacts)
    payload = qr_payload_for(library, rc)
    plan = plan_card(rc, payload, lambda side: side_size(rc.spec, rc))
    return rc, plan, payload


def render_card(
    library: Library,
    card_id: str,
    region: str,
    fmt: str,
    *,
    sheet: str | None = None,
    duplex: Duplex = "long",
    lang: str | None = None,
    duplex_offset: tuple[float, float] = (0.0, 0.0),
    catalog: CardCatalog | None = None,
    own_contacts: Sequence[Contact] = (),
    print_shop: bool = False,
) -> RenderedCard:
    """Render one card for ``region`` in ``fmt`` to PDF bytes.

    ``sheet="a4"`` imposes the card on A4 with crop marks and mirrored backs for ``duplex``
    (long or short edge); ``duplex_offset`` (mm) shifts the backs to correct a printer's
    registration (measured with the duplex test page).

    ``own_contacts`` (``UserData.own_contacts()``, provenance source "egen") join the card's
    own-numbers panel under their own heading ("Egne numre (lagt inn av deg)"); numbers that
    are not valid are left out with a warning. The content version and hash then change with
    them, and the footer says the card includes own numbers.

    ``print_shop`` writes PDF/X-1a for a print shop: CMYK, text and QR in black ink only,
    a FOGRA39 output intent (see printshop.py).
    """
    if duplex not in ("long", "short"):
        raise CardRequestError(f"duplex must be 'long' or 'short', not {duplex!r}")
    rc, plan, payload = prepare(
        library,
        card_id,
        region,
        fmt,
        lang=lang,
        catalog=catalog,
        own_contacts=own_contacts,
    )
    title = f"{rc.title} – {rc.region_name}"
    if sheet is None:
        pdf = _render_single(rc, plan, title, print_shop)
    else:
        pdf = render_sheet(
            rc,
            plan,
            title,
            sheet=sheet,
            duplex=duplex,
            offset_mm=duplex_offset,
            print_shop=print_shop,
        )
    return RenderedCard(
        pdf=pdf,
        card_id=card_id,
        region=region,
        format=fmt,
        language=rc.lang,
        content_version=rc.content_version,
        content_hash=rc.content_hash,
        warnings=tuple(rc.warnings),
        qr_payload=payload,
        printed_numbers=tuple(rc.printed_numbers()),
        sheet=sheet,
        duplex=duplex,
        issued=rc.issued,
        body_pt=plan.body_pt,
        number_pt=plan.number_pt,
        own_numbers=tuple(rc.own_numbers()),
        print_shop=print_shop,
    )


def render_to_file(
    path: Path,
    library: Library,
    card_id: str,
    region: str,
    fmt: str,
    **kwargs: Unpack[RenderOptions],
) -> RenderedCard:
    """render_card, then write the PDF to ``path`` atomically."""
    rendered = render_card(library, card_id, region, fmt, **kwargs)
    atomic.write_bytes(path, rendered.pdf)
    return rendered


def output_name(
    card_id: str,
    region: str,
    fmt: str,
    lang: str,
    sheet: str | None = None,
    print_shop: bool = False,
) -> str:
    suffix = (f"-{sheet}" if sheet else "") + ("-trykkeri" if print_shop else "")
    lang_part = "" if lang == "nb" else f"-{lang}"
    return f"tiltakskort-{card_id}-{region}-{fmt}{suffix}{lang_part}.pdf"


def card_language(card: CardDefinition, wanted: str | None) -> str:
    """The language a card is printed in: ``wanted`` when the card offers it, else its own."""
    return wanted if wanted in card.languages else card.default_language


def render_cards(
    library: Library,
    card_ids: Sequence[str] | None,
    region: str,
    fmt: str,
    *,
    lang: str | None = None,
    strict_language: bool = False,
    catalog: CardCatalog | None = None,
    **kwargs: Unpack[SheetOptions],
) -> Iterator[RenderedCard]:
    """Render these cards (None: every card, in catalogue order) for ``region`` in ``fmt``:
    the one "render these cards" of the app (CLI, GUI batches, the feed's website).

    Each card is printed in ``lang`` when it offers it, else in its own language; with
    ``strict_language`` a card that does not offer ``lang`` is refused (one card asked for by
    name). Cards come one at a time, so a caller can stop between them.
    """
    catalog = _catalog(catalog)
    for card_id in card_ids if card_ids is not None else list(catalog.cards):
        card = catalog.card(card_id)
        use = (lang or card.default_language) if strict_language else card_language(card, lang)
        yield render_card(library, card_id, region, fmt, lang=use, catalog=catalog, **kwargs)


@dataclass(frozen=True)
class MixedSheet:
    """Every card of a region once, imposed on sheets (``render_mixed``)."""

    pdf: bytes
    region: str
    format: str
    sheet: str
    cards: tuple[str, ...]
    languages: tuple[str, ...]
    content_versions: tuple[str, ...]
    warnings: tuple[str, ...]
    print_shop: bool = False


def render_mixed(
    library: Library,
    region: str,
    fmt: str,
    *,
    sheet: str = "a4",
    duplex: Duplex = "long",
    lang: str = "nb",
    duplex_offset: tuple[float, float] = (0.0, 0.0),
    catalog: CardCatalog | None = None,
    print_shop: bool = False,
) -> MixedSheet:
    """Every card for ``region`` once, in catalogue order, on ``sheet`` (ID-1 on A4: the eight
    cards 8-up); cards not offered in ``lang`` come in their own language."""
    catalog = _catalog(catalog)
    items = []
    for card in catalog.cards.values():
        use = lang if lang in card.languages else card.default_language
        rc, plan, _ = prepare(library, card.id, region, fmt, lang=use, catalog=catalog)
        items.append((rc, plan))
    first = items[0][0]
    title = f"{len(items)} tiltakskort – {first.region_name}"
    pdf = render_mixed_sheet(
        items, title, sheet=sheet, duplex=duplex, offset_mm=duplex_offset, print_shop=print_shop
    )
    return MixedSheet(
        pdf=pdf,
        region=region,
        format=fmt,
        sheet=sheet,
        cards=tuple(rc.card_id for rc, _ in items),
        languages=tuple(rc.lang for rc, _ in items),
        content_versions=tuple(sorted({rc.content_version for rc, _ in items})),
        warnings=tuple(sorted({w for rc, _ in items for w in rc.warnings})),
        print_shop=print_shop,
    )
