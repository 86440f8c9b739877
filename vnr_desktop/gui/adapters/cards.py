"""The GUI's one door to core cards (runs on the ``render`` lane with its own library connection)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vnr_desktop.core.cards.duplex_test import render_duplex_test
from vnr_desktop.core.cards.formats import BLEED_MM
from vnr_desktop.core.cards.history import record_render
from vnr_desktop.core.cards.render import list_cards as core_list
from vnr_desktop.core.cards.render import output_name, render_cards
from vnr_desktop.core.library import open_library

if TYPE_CHECKING:
    from vnr_desktop.core.cards.render import Duplex
    from vnr_desktop.core.models import Contact
    from vnr_desktop.core.userdata import UserData

FORMATS: tuple[str, ...] = ("id1", "a7", "a6-fold", "a4-poster", "a3-poster")
SHEET_FORMATS: frozenset[str] = frozenset({"id1", "a7"})
"""Formats that can be imposed several to an A4 sheet."""


@dataclass(frozen=True)
class CardChoice:
    id: str
    title: str
    subtitle: str
    languages: tuple[str, ...]
    formats: tuple[str, ...]


@dataclass(frozen=True)
class RenderRequest:
    card_id: str
    region: str
    fmt: str
    lang: str
    sheet: str | None = None
    duplex: Duplex = "long"
    duplex_offset: tuple[float, float] = (0.0, 0.0)
    own_contacts: tuple[Contact, ...] = ()
    """The user's own contacts to print under their own heading (none: the card as shipped)."""
    print_shop: bool = False
    """PDF/X-1a for a print shop (CMYK, black text, FOGRA39 output intent)."""


@dataclass(frozen=True)
class Rendered:
    """What the studio needs from a rendered card."""

    request: RenderRequest
    pdf: bytes
    warnings: tuple[str, ...]
    content_version: str
    content_hash: str
    language: str
    file_name: str
    raw: Any = None


def list_cards(lang: str) -> list[CardChoice]:
    return [
        CardChoice(c.id, c.title, c.subtitle or "", tuple(c.languages), tuple(c.formats))
        for c in core_list(lang=lang)
    ]


def _library(state: dict[str, Any], data_dir: Path) -> Any:
    lib = state.get("library")
    if lib is None:
        lib = open_library(data_dir, install_builtin=False)
        state["library"] = lib
    return lib


def close(state: dict[str, Any]) -> None:
    lib = state.pop("library", None)
    if lib is not None:
        lib.close()


def render(state: dict[str, Any], data_dir: Path, request: RenderRequest) -> Rendered:
    """One card, as the request asks (its language must be one the card offers)."""
    return next(render_many(state, data_dir, request, [request.card_id], strict_language=True))


def render_many(
    state: dict[str, Any],
    data_dir: Path,
    template: RenderRequest,
    card_ids: Sequence[str],
    *,
    strict_language: bool = False,
) -> Iterator[Rendered]:
    """These cards, each like ``template`` (core's render_cards: each card in the template's
    language when it offers it, else its own), one at a time."""

    for card in render_cards(
        _library(state, data_dir),
        card_ids,
        template.region,
        template.fmt,
        lang=template.lang,
        strict_language=strict_language,
        sheet=template.sheet,
        duplex=template.duplex,
        duplex_offset=template.duplex_offset,
        own_contacts=template.own_contacts,
        print_shop=template.print_shop,
    ):
        request = replace(template, card_id=card.card_id, lang=card.language)
        yield Rendered(
            request=request,
            pdf=card.pdf,
            warnings=tuple(card.warnings),
            content_version=card.content_version,
            content_hash=card.content_hash,
            language=card.language,
            file_name=output_name(
                card.card_id,
                request.region,
                request.fmt,
                card.language,
                request.sheet,
                request.print_shop,
            ),
            raw=card,
        )


def trim_inset_mm(request: RenderRequest) -> float:
    """The bleed around a single card's or poster's trim (an imposed sheet has none): left
    off when printing on a desktop printer, where crop marks show where to cut."""

    return 0.0 if request.sheet else BLEED_MM


def record_print(userdata: UserData, rendered: Rendered, output: str) -> None:
    """Remember what was printed (the sync issue uses it to ask for reprints)."""

    record_render(userdata, rendered.raw, output)


def duplex_test_page(duplex: str, offset_mm: tuple[float, float], lang: str) -> bytes:
    """The two-page duplex alignment test (front and back) with the current correction."""

    return render_duplex_test(duplex=duplex, offset_mm=offset_mm, lang=lang)
