"""The card definition model: what goes on each tiltakskort, validated like bundle content.

A card definition (one YAML file in the repository's ``cards/`` folder) names the card's
audience, its panels and what fills each panel: guide sections (SE / SPØR / AVKLAR / HANDLE),
contacts by ``bundle:id``, and regional slots ("the region's krisesenter") that are resolved
for the region the user prints for. Layouts place the panels on the sides of each format.

Phone numbers never appear in a definition: they always come from content. Prose that is not
in the content (panel headings, the English card's text) is written here, in bokmål and, where
a card is offered in English, in English.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from vnr_desktop.core.clean_text import clean_multiline
from vnr_desktop.core.models import REF_PATTERN, Audience, Guide, GuideSection, SectionKind

CardLanguage = Literal["nb", "en"]
LANGUAGES: tuple[CardLanguage, ...] = ("nb", "en")

FormatId = Literal["id1", "a7", "a6-fold", "a4-poster", "a3-poster"]
FORMAT_IDS: tuple[FormatId, ...] = ("id1", "a7", "a6-fold", "a4-poster", "a3-poster")

Family = Literal["id1", "a7", "fold", "poster"]
"""A layout family: formats in one family share a layout (A3 is A4 scaled)."""

ContentClass = Literal["id1", "a7", "fold", "poster"]
"""How much room there is: a pocket card, an A7 card, the four A7 panels of the A6 fold, a
poster. Elements and guide picks can differ per class."""

FAMILY_SIDES: dict[str, tuple[str, ...]] = {
    "id1": ("front", "back"),
    "a7": ("front", "back"),
    "fold": ("cover", "inside_left", "inside_right", "back"),
    "poster": ("page",),
}
"""The sides every layout of a family has."""

FAMILY_OPTIONAL_SIDES: dict[str, tuple[str, ...]] = {"poster": ("page2",)}
"""Sides a layout may add: a poster whose content does not fit one page at the floor (16 pt
on A4) goes on two sheets hung side by side, "1/2" and "2/2" in the title band."""

Tone = Literal["se", "spor", "avklar", "handle", "numbers", "info", "alert", "plain"]

SlotCategory = Literal[
    "police",
    "legevakt",
    "barnevernvakt",
    "barnevern",
    "krisesenter",
    "familievern",
    "overgrepsmottak",
    "barnehus",
]
SLOT_CATEGORIES: tuple[str, ...] = (
    "police",
    "legevakt",
    "barnevernvakt",
    "barnevern",
    "krisesenter",
    "familievern",
    "overgrepsmottak",
    "barnehus",
)

RESERVED_PANELS = frozenset({"title", "footer", "meta", "qr"})
"""Panels every card has without defining them: the title band, the provenance footer (text
and QR code), and its two halves on their own (``meta`` text, ``qr`` code) for tight sides."""

CardId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,31}$")]
PanelId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
ContactRef = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=120)]
Prose = Annotated[
    str, StringConstraints(min_length=1, max_length=2000), AfterValidator(clean_multiline)
]
"""Card text: no character a reader cannot see (core.clean_text)."""

# A localised text: a plain string is bokmål; a mapping gives each language.
LText = Prose | dict[CardLanguage, Prose]


def ltext_languages(value: LText) -> set[str]:
    return {"nb"} if isinstance(value, str) else set(value)


def ltext(value: LText, lang: str) -> str:
    """The text in ``lang``; the loader has checked every declared language is present."""
    if isinstance(value, str):
        if lang != "nb":
            raise KeyError(lang)
        return value
    return value[lang]  # type: ignore[index]


class DefModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --------------------------------------------------------------------------- guide content


class BlockPick(DefModel):
    """One block of a guide section to print, found by its heading (or position)."""

    heading: Prose | None = Field(default=None, description="the block's heading, exactly")
    index: int | None = Field(default=None, ge=0, description="position when it has no heading")
    items: int | list[Annotated[int, Field(ge=0)]] | None = Field(
        default=None, description="the first N items, or these item positions; all when absent"
    )
    text: bool = Field(default=True, description="print the block's text paragraph")
    show_heading: bool = True

    @model_validator(mode="after")
    def _found_by_one_thing(self) -> BlockPick:
        if (self.heading is None) == (self.index is None):
            raise ValueError("a block pick names either its heading or its index")
        if isinstance(self.items, int) and self.items < 1:
            raise ValueError("items must be at least 1 (leave the block out instead)")
        return self


class GuideContent(DefModel):
    """A guide section (SE, SPØR, ...) from the guide the card uses for the region."""

    section: SectionKind
    section_title: Prose | None = Field(
        default=None, description="the section's title, when the guide has several of that kind"
    )
    intro: list[ContentClass] = Field(
        default=["a7", "fold", "poster"], description="content classes that print the intro"
    )
    inline: list[ContentClass] = Field(
        default=["id1"], description="content classes that run items on in one paragraph"
    )
    picks: dict[ContactRef, dict[ContentClass, list[BlockPick]]] = Field(
        default={},
        description="per guide ref, per content class: the blocks to print (all when absent)",
    )


# --------------------------------------------------------------------------- numbers


class NumberEntry(DefModel):
    """One line of numbers: a contact by ref, or the region's contact of a category (slot)."""

    contact: ContactRef | None = None
    slot: SlotCategory | list[SlotCategory] | None = None
    label: LText | None = Field(default=None, description="short label; default from the slot")
    fallback: ContactRef | None = Field(
        default=None,
        description="national contact printed (with a blank local line) when the slot is empty",
    )
    fallback_label: LText | None = None
    phones: Literal["first", "all"] = "first"
    hours: bool = Field(default=False, description="print the phone's opening hours")
    web: bool = Field(default=False, description="print the web address when there is no number")
    note: LText | None = None

    @model_validator(mode="after")
    def _contact_or_slot(self) -> NumberEntry:
        if (self.contact is None) == (self.slot is None):
            raise ValueError("a number entry has either contact or slot")
        if self.fallback and self.slot is None:
            raise ValueError("fallback belongs to slot entries")
        return self

    @property
    def slot_categories(self) -> tuple[str, ...]:
        if self.slot is None:
            return ()
        return (self.slot,) if isinstance(self.slot, str) else tuple(self.slot)


class NumbersContent(DefModel):
    entries: list[NumberEntry] = Field(min_length=1)
    columns: dict[ContentClass, Annotated[int, Field(ge=1, le=3)]] = {}


# --------------------------------------------------------------------------- panels


class Element(DefModel):
    """One thing in a panel. Exactly one of text, bullets, guide, numbers."""

    text: LText | None = None
    bullets: list[LText] | None = None
    guide: GuideContent | None = None
    numbers: NumbersContent | None = None
    emphasis: bool = Field(default=False, description="bold text")
    formats: list[ContentClass] | None = Field(
        default=None, description="only in these content classes (all when absent)"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Element:
        kinds = [k for k in ("text", "bullets", "guide", "numbers") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError(
                "an element has exactly one of text, bullets, guide, numbers "
                f"(found {', '.join(kinds) or 'none'})"
            )
        return self


class Panel(DefModel):
    heading: LText | None = None
    subheading: LText | None = None
    hide_heading: list[ContentClass] = Field(
        default=[], description="content classes where the heading band is left out (room)"
    )
    tone: Tone = "plain"
    acute: bool = Field(
        default=False,
        description="a panel for acute situations (headed akutt, døgnåpen, nød, haster): its "
        "numbers answer around the clock, or the card prints their hours",
    )
    content: list[Element] = Field(min_length=1)


# --------------------------------------------------------------------------- layouts


class Row(DefModel):
    """A row of panels side by side. Height: millimetres, ``fit`` (content) or ``rest``.

    Widths are whole-number weights (content YAML has no floats): ``[3, 1]`` gives the first
    panel three quarters of the row.
    """

    panels: list[PanelId] = Field(min_length=1)
    widths: list[Annotated[int, Field(ge=1, le=1000)]] | None = None
    height: Annotated[int, Field(ge=1, le=500)] | Literal["fit", "rest"] = "rest"

    @model_validator(mode="after")
    def _widths_match(self) -> Row:
        if self.widths is not None and len(self.widths) != len(self.panels):
            raise ValueError("widths needs one weight per panel")
        return self


class FamilyLayout(DefModel):
    orientation: Literal["portrait", "landscape"] | None = Field(
        default=None, description="posters only; pocket formats have a fixed orientation"
    )
    sides: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$")], list[Row]]


class CardDefinition(DefModel):
    id: CardId
    order: int = Field(ge=0, le=1000)
    title: LText
    short_title: LText
    subtitle: LText | None = None
    audience: list[Audience] = Field(min_length=1)
    languages: list[CardLanguage] = Field(default=["nb"], min_length=1)
    template: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")] | None = None
    guides: list[GuideChoice] = []
    panels: dict[PanelId, Panel] = Field(min_length=1)
    layouts: dict[Family, FamilyLayout] = {}
    left_out: list[LeftOut] = Field(
        default=[],
        description="items of the paper original left out on some formats, with the reason",
    )
    own_numbers: PanelId | None = Field(
        default=None,
        description="the panel of numbers that the user's own numbers join, under their own "
        "heading, when the user includes them (placed in every layout)",
    )

    @property
    def default_language(self) -> str:
        return self.languages[0]


class LeftOut(DefModel):
    """Items of the paper original this card leaves out on some formats, and why.

    ``items`` are written as the paper card prints them (tests/facts/paper_card_*.yaml holds the
    inventories); acute triggers and risk factors may never be left out.
    """

    formats: list[ContentClass] = Field(min_length=1)
    reason: Prose
    items: list[Prose] = Field(min_length=1)


class GuideChoice(DefModel):
    """A guide the card may use: the first whose regions match (or has none) is used."""

    ref: ContactRef
    regions: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,31}$")]] = []

    @model_validator(mode="after")
    def _qualified(self) -> GuideChoice:
        if ":" not in self.ref:
            raise ValueError("a guide ref names its bundle: 'bundle:guide-id'")
        return self


CardDefinition.model_rebuild()


# --------------------------------------------------------------------------- shared texts


class SharedStrings(DefModel):
    """Texts every card prints (footer, blank lines) and slot labels, per language."""

    strings: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")], LText]
    slot_labels: dict[SlotCategory, LText]
    templates: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")], dict[Family, FamilyLayout]
    ]


REQUIRED_STRINGS: tuple[str, ...] = (
    "content",
    "local_number",
    "no_number",
    "whole_country",
    "scan_for_latest",
    "own_numbers",
    "own_numbers_included",
)
"""Keys of ``strings`` in _shared.yaml that the renderer prints."""


def is_qualified_ref(ref: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9-]*:", ref))


def find_section(guide: Guide, kind: str, title: str | None = None) -> GuideSection | None:
    """The guide's first section of ``kind`` (with ``title``, when given): what a card's
    ``guide`` element names (``section`` / ``section_title``)."""
    for section in guide.sections:
        if section.kind == kind and (title is None or section.title == title):
            return section
    return None
