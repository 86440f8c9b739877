"""Content resolution: a card definition + a region + the installed content -> what to print.

Numbers come only from content. A regional slot ("the region's krisesenter") is filled by the
region's contact of that category tagged ``primary``, then by the national bundle's contact of
that category; where neither has a usable number, the slot prints its national fallback and a
clearly marked blank line for the local number, and the gap is reported as a warning. A number
from a contact with an unresolved conflict is never printed, nor a value a conflict decision
rejected.

The rooms around this one: ``resolved`` (what a resolved card holds), ``content`` (reading the
installed content), ``guide_text`` (source notes left out), ``own_numbers`` (the user's own).
Their public names are re-exported here, where callers have always found them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from vnr_desktop.core.cards.content import NATIONAL, InstalledContent, usable_phones
from vnr_desktop.core.cards.definitions import (
    BlockPick,
    CardDefinition,
    Element,
    FamilyLayout,
    GuideContent,
    LText,
    NumberEntry,
    find_section,
    ltext,
)
from vnr_desktop.core.cards.errors import CardError, CardRequestError
from vnr_desktop.core.cards.formats import FormatSpec, format_spec
from vnr_desktop.core.cards.guide_text import strip_source_notes, without_source_notes
from vnr_desktop.core.cards.hours import (
    acute_order,
    around_the_clock,
    coverage_caveat,
    hours_in,
    hours_text,
)
from vnr_desktop.core.cards.loader import CardCatalog
from vnr_desktop.core.cards.own_numbers import own_number_lines
from vnr_desktop.core.cards.resolved import (
    OWN_VERSION_MARK,
    BundleUse,
    GuideBlock,
    NumberLine,
    ResolvedCard,
    ResolvedElement,
    ResolvedPanel,
    includes_own_numbers,
)
from vnr_desktop.core.ids import PRIMARY_TAG
from vnr_desktop.core.models import Contact, Guide, GuideSection

if TYPE_CHECKING:
    from vnr_desktop.core.library import Library

__all__ = [
    "NATIONAL",
    "OWN_VERSION_MARK",
    "PRIMARY_TAG",
    "SLOT_COUNTERPARTS",
    "BundleUse",
    "GuideBlock",
    "NumberLine",
    "ResolvedCard",
    "ResolvedElement",
    "ResolvedPanel",
    "card_regions",
    "includes_own_numbers",
    "own_number_lines",
    "region_name",
    "resolve_card",
    "strip_source_notes",
    "usable_phones",
]

SLOT_COUNTERPARTS: dict[str, tuple[str, ...]] = {
    "barnevern": ("barnevernvakt",),
    "barnevernvakt": ("barnevern",),
}
"""A slot the region has no number for is filled by the region's number for the same service's
acute (or daytime) counterpart before it is left blank: Gjøvik's barnevern is reached through
its barnevernvakt. Acute panels print the counterpart's hours when it does not answer around
the clock."""


class _Resolver:
    def __init__(
        self,
        catalog: CardCatalog,
        card: CardDefinition,
        content: InstalledContent,
        spec: FormatSpec,
        lang: str,
    ) -> None:
        self.catalog = catalog
        self.card = card
        self.content = content
        self.spec = spec
        self.lang = lang
        self.warnings: list[str] = []
        self.guide_ref: str | None = None
        self.guide: Guide | None = None

    def t(self, value: LText | None) -> str | None:
        return None if value is None else ltext(value, self.lang)

    # ------------------------------------------------------------------ guides

    def choose_guide(self) -> None:
        region = self.content.region
        for choice in self.card.guides:
            if choice.regions and region not in choice.regions:
                continue
            guide = self.content.guide(choice.ref)
            if guide is None:
                if choice.regions:
                    self.warnings.append(
                        f"{self.card.id}: guide {choice.ref} for {region} is not installed; "
                        "using the next choice"
                    )
                continue
            self.guide_ref, self.guide = choice.ref, guide
            self.content.used.add(choice.ref.split(":", 1)[0])
            return
        if self.card.guides:
            refs = ", ".join(c.ref for c in self.card.guides)
            raise CardError(
                f"card {self.card.id!r} for {region}: none of its guides is installed ({refs})"
            )

    def guide_element(self, g: GuideContent, panel_id: str) -> ResolvedElement:
        assert self.guide is not None and self.guide_ref is not None
        section = find_section(self.guide, g.section, g.section_title)
        if section is None:
            titled = f" titled {g.section_title!r}" if g.section_title else ""
            raise CardError(
                f"card {self.card.id!r}, panel {panel_id!r}: guide {self.guide_ref} has no "
                f"{g.section!r} section{titled}"
            )
        cls = self.spec.content_class
        inline = cls in g.inline
        picks = g.picks.get(self.guide_ref, {}).get(cls)  # type: ignore[call-overload]
        blocks = self._pick_blocks(section, picks, inline, panel_id)
        intro = strip_source_notes(section.intro) if cls in g.intro and section.intro else None
        return ResolvedElement(kind="guide", intro=intro, blocks=tuple(blocks))

    def _pick_blocks(
        self, section: GuideSection, picks: list[BlockPick] | None, inline: bool, panel_id: str
    ) -> list[GuideBlock]:
        if picks is None:
            return [
                without_source_notes(GuideBlock(b.heading, b.text, tuple(b.items), inline))
                for b in section.blocks
            ]
        out: list[GuideBlock] = []
        for pick in picks:
            if pick.heading is not None:
                block = next((b for b in section.blocks if b.heading == pick.heading), None)
                what = f"heading {pick.heading!r}"
            else:
                idx = pick.index
                assert idx is not None  # BlockPick names its heading or its index
                block = section.blocks[idx] if idx < len(section.blocks) else None
                what = f"block {idx}"
            if block is None:
                raise CardError(
                    f"card {self.card.id!r}, panel {panel_id!r}: {self.guide_ref} "
                    f"{section.kind} has no {what} (update the card's picks)"
                )
            items = list(block.items)
            if isinstance(pick.items, int):
                items = items[: pick.items]
            elif isinstance(pick.items, list):
                missing = [i for i in pick.items if i >= len(items)]
                if missing:
                    raise CardError(
                        f"card {self.card.id!r}, panel {panel_id!r}: {self.guide_ref} "
                        f"{section.kind} {what} has no item {missing[0]}"
                    )
                items = [items[i] for i in pick.items]
            out.append(
                GuideBlock(
                    heading=block.heading if pick.show_heading else None,
                    text=block.text if pick.text else None,
                    items=tuple(items),
                    inline=inline,
                )
            )
        return [without_source_notes(b) for b in out]

    # ------------------------------------------------------------------ numbers

    def contact_line(
        self, contact: Contact, ref: str, entry: NumberEntry, label: str, acute: bool = False
    ) -> list[NumberLine]:
        phones, reason = usable_phones(contact)
        bundle_id = ref.split(":", 1)[0]
        caveat = coverage_caveat(contact, self.content.coverage(bundle_id), self.lang)
        note = " · ".join(x for x in (self.t(entry.note), caveat) if x) or None
        if acute:
            phones = acute_order(contact, phones)
        if not phones:
            if entry.web and contact.web:
                return [
                    NumberLine(label=label, web=_short_web(contact.web), note=note, contact_ref=ref)
                ]
            self.warnings.append(
                f"{self.card.id} ({self.content.region}): {label}: no number printed ({reason})"
            )
            return [NumberLine(label=label, blank=True, note=note, contact_ref=ref)]
        chosen = phones if entry.phones == "all" else phones[:1]
        lines = []
        for phone in chosen:
            hours = hours_in(phone.hours, self.lang) if entry.hours and phone.hours else None
            always = around_the_clock(contact, phone)
            if (acute and always is not True) or always is False:
                # A number that does not answer around the clock says when it does, on every
                # panel; on an acute one also when its hours are unknown.
                hours = hours_text(contact, phone, self.lang)
            line_label = label
            if entry.phones == "all" and len(chosen) > 1 and phone.label and not entry.hours:
                line_label = f"{label} ({phone.label.lower()})"
            lines.append(
                NumberLine(
                    label=line_label,
                    number=phone.display,
                    hours=hours,
                    note=note,
                    contact_ref=ref,
                    acute=acute,
                    around_the_clock=always,
                )
            )
        return lines

    def entry_lines(self, entry: NumberEntry, acute: bool = False) -> list[NumberLine]:
        if entry.contact is not None:
            contact = self.content.contact(entry.contact)
            self.content.used.add(entry.contact.split(":", 1)[0])
            label = self.t(entry.label) or contact.name
            return self.contact_line(contact, entry.contact, entry, label, acute)
        return self.slot_lines(entry, acute)

    def slot_lines(self, entry: NumberEntry, acute: bool = False) -> list[NumberLine]:
        region = self.content.region
        shared = self.catalog.shared
        categories = entry.slot_categories
        counterparts = [
            c for cat in categories for c in SLOT_COUNTERPARTS.get(cat, ()) if c not in categories
        ]
        bundles = [region] if region == NATIONAL else [region, NATIONAL]
        gaps: list[str] = []
        for bundle_id in bundles:
            for category in (*categories, *counterparts):
                contact = self.content.primary(bundle_id, category)
                if contact is None:
                    continue
                phones, reason = usable_phones(contact)
                if not phones:
                    gaps.append(f"{bundle_id}:{contact.id} ({reason})")
                    continue
                label = self.t(entry.label) or ltext(shared.slot_labels[category], self.lang)  # type: ignore[index]
                self.content.used.add(bundle_id)
                return self.contact_line(contact, f"{bundle_id}:{contact.id}", entry, label, acute)
        first = categories[0]
        label = self.t(entry.label) or ltext(shared.slot_labels[first], self.lang)  # type: ignore[index]
        fallback: NumberLine | None = None
        if entry.fallback is not None:
            contact = self.content.contact(entry.fallback)
            self.content.used.add(entry.fallback.split(":", 1)[0])
            phones, reason = usable_phones(contact)
            fb_label = self.t(entry.fallback_label) or contact.name
            if acute:
                phones = acute_order(contact, phones)
            if phones:
                always = around_the_clock(contact, phones[0])
                hours = (
                    hours_in(phones[0].hours, self.lang)
                    if entry.hours and phones[0].hours
                    else None
                )
                if acute and always is not True:
                    hours = hours_text(contact, phones[0], self.lang)
                fallback = NumberLine(
                    label=fb_label,
                    number=phones[0].display,
                    hours=hours,
                    contact_ref=entry.fallback,
                    acute=acute,
                    around_the_clock=always,
                )
            else:
                gaps.append(f"{entry.fallback} ({reason})")
        where = "; ".join(gaps) if gaps else "no contact of that category"
        fb = f"; printed {fallback.label} {fallback.number} instead" if fallback else ""
        self.warnings.append(
            f"{self.card.id} ({region}): no local number for {'/'.join(categories)} "
            f'[{where}]{fb}; the card has a blank line "{ltext(shared.strings["local_number"], self.lang)}" '
            "for the municipality to fill in"
        )
        return [NumberLine(label=label, blank=True, fallback=fallback, note=self.t(entry.note))]

    # ------------------------------------------------------------------ elements

    def element(
        self, element: Element, panel_id: str, acute: bool = False
    ) -> ResolvedElement | None:
        cls = self.spec.content_class
        if element.formats is not None and cls not in element.formats:
            return None
        if element.text is not None:
            return ResolvedElement(
                kind="text", text=self.t(element.text), emphasis=element.emphasis
            )
        if element.bullets is not None:
            return ResolvedElement(
                kind="bullets",
                bullets=tuple(ltext(b, self.lang) for b in element.bullets),
                emphasis=element.emphasis,
            )
        if element.guide is not None:
            return self.guide_element(element.guide, panel_id)
        assert element.numbers is not None
        lines: list[NumberLine] = []
        for entry in element.numbers.entries:
            lines += self.entry_lines(entry, acute)
        # A slot's national fallback that the same list already prints on its own line is
        # not repeated under the blank line.
        own = {line.number for line in lines if line.number}
        lines = [
            replace(line, fallback=None)
            if line.fallback is not None and line.fallback.number in own
            else line
            for line in lines
        ]
        columns = element.numbers.columns.get(cls, 1)  # type: ignore[call-overload]
        return ResolvedElement(kind="numbers", lines=tuple(lines), columns=columns)


def _short_web(url: str) -> str:
    """``https://www.atv-stiftelsen.no/`` -> ``atv-stiftelsen.no`` (for print)."""
    out = url.split("://", 1)[-1]
    if out.startswith("www."):
        out = out[4:]
    return out.rstrip("/")


def region_name(library: Library, region: str, catalog: CardCatalog, lang: str) -> str:
    bundle = library.bundle(region)
    if bundle is None:
        raise CardRequestError(f"unknown region {region!r}")
    if bundle.manifest.is_national:
        return ltext(catalog.shared.strings["whole_country"], lang)
    return bundle.title.split(" – ")[0].strip()


def card_regions(library: Library) -> list[str]:
    """Regions a card can be printed for: every installed bundle (nasjonal last)."""
    ids = [b.id for b in library.bundles()]
    return sorted(ids, key=lambda b: (b == NATIONAL, b))


def resolve_card(
    library: Library,
    catalog: CardCatalog,
    card_id: str,
    region: str,
    fmt: str,
    lang: str | None = None,
    own_contacts: Sequence[Contact] = (),
) -> ResolvedCard:
    """Everything a card prints for ``region`` in ``fmt``, with warnings about gaps.

    ``own_contacts`` (the user's own, from ``UserData.own_contacts()``) join the card's
    ``own_numbers`` panel under their own heading.
    """
    card = catalog.card(card_id)
    spec = format_spec(fmt)
    lang = lang or card.default_language
    if lang not in card.languages:
        raise CardRequestError(
            f"card {card_id!r} is not available in {lang!r} (languages: {', '.join(card.languages)})"
        )
    if library.bundle(region) is None:
        known = ", ".join(card_regions(library))
        raise CardRequestError(f"unknown region {region!r} (installed: {known})")
    content = InstalledContent(library, region)
    resolver = _Resolver(catalog, card, content, spec, lang)
    resolver.choose_guide()
    layout = catalog.layout(card, spec.family)
    panels = _resolve_panels(resolver, layout)
    content.used.add(region)
    bundles = _bundles_used(library, content)
    own_panel, own_lines, own_columns = _own_numbers(resolver, panels, own_contacts)
    return ResolvedCard(
        card_id=card_id,
        region=region,
        region_name=region_name(library, region, catalog, lang),
        lang=lang,
        format=fmt,
        spec=spec,
        title=ltext(card.title, lang),
        short_title=ltext(card.short_title, lang),
        subtitle=resolver.t(card.subtitle),
        panels=panels,
        layout=layout,
        bundles=bundles,
        strings={k: ltext(v, lang) for k, v in catalog.shared.strings.items()},
        warnings=resolver.warnings,
        own_panel=own_panel,
        own_lines=tuple(own_lines),
        own_columns=own_columns,
    )


def _resolve_panels(resolver: _Resolver, layout: FamilyLayout) -> dict[str, ResolvedPanel]:
    """The card's panels that ``layout`` places, in the card's order."""
    card, spec = resolver.card, resolver.spec
    placed = {p for rows in layout.sides.values() for row in rows for p in row.panels}
    panels: dict[str, ResolvedPanel] = {}
    for panel_id, panel in card.panels.items():
        if panel_id not in placed:
            continue
        elements = []
        for element in panel.content:
            resolved = resolver.element(element, panel_id, panel.acute)
            if resolved is not None:
                elements.append(resolved)
        hidden = spec.content_class in panel.hide_heading
        panels[panel_id] = ResolvedPanel(
            id=panel_id,
            heading=None if hidden else resolver.t(panel.heading),
            subheading=None if hidden else resolver.t(panel.subheading),
            tone=panel.tone,
            elements=tuple(elements),
        )
    return panels


def _bundles_used(library: Library, content: InstalledContent) -> list[BundleUse]:
    """The bundles the card's content came from: the region's first, the national one last."""
    region = content.region
    bundles: list[BundleUse] = []
    for bundle_id in sorted(content.used, key=lambda b: (b != region, b == NATIONAL, b)):
        installed = library.bundle(bundle_id)
        if installed is None:
            raise CardError(f"the card needs bundle {bundle_id!r}, which is not installed")
        bundles.append(
            BundleUse(installed.id, installed.version, installed.issued, installed.content_hash)
        )
    return bundles


def _own_numbers(
    resolver: _Resolver, panels: dict[str, ResolvedPanel], own_contacts: Sequence[Contact]
) -> tuple[str | None, list[NumberLine], int]:
    """The panel the user's own numbers join, their lines and their columns."""
    if not own_contacts:
        return None, [], 1
    card, spec = resolver.card, resolver.spec
    own_panel = card.own_numbers
    if own_panel is None:
        raise CardRequestError(
            f"card {card.id!r} has no place for own numbers (own_numbers in cards/{card.id}.yaml)"
        )
    if own_panel not in panels:
        raise CardError(
            f"card {card.id!r}: own_numbers panel {own_panel!r} is not placed in the "
            f"{spec.family} layout"
        )
    own_lines = own_number_lines(
        own_contacts,
        warnings=resolver.warnings,
        where=f"{card.id} ({resolver.content.region})",
    )
    own_columns = 1
    first = next((e.numbers for e in card.panels[own_panel].content if e.numbers is not None), None)
    if first is not None:
        own_columns = first.columns.get(spec.content_class, 1)  # type: ignore[call-overload]
    if not own_lines:
        return None, own_lines, own_columns
    return own_panel, own_lines, own_columns
