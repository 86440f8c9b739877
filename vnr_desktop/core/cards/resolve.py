"""Content resolution: a card definition + a region + the installed content -> what to print.

Numbers come only from content. A regional slot ("the region's krisesenter") is filled by the
region's contact of that category tagged ``primary``, then by the national bundle's contact of
that category; where neither has a usable number, the slot prints its national fallback and a
clearly marked blank line for the local number, and the gap is reported as a warning. A number
from a contact with an unresolved conflict is never printed, nor a value a conflict decision
rejected.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from vnr_desktop.core.cards.definitions import (
    CardDefinition,
    Element,
    FamilyLayout,
    GuideContent,
    LText,
    NumberEntry,
    ltext,
)
from vnr_desktop.core.cards.formats import FormatSpec, format_spec
from vnr_desktop.core.cards.hours import (
    acute_order,
    around_the_clock,
    coverage_caveat,
    hours_in,
    hours_text,
)
from vnr_desktop.core.cards.loader import CardCatalog, CardError, CardRequestError
from vnr_desktop.core.models import Contact, Guide, GuideSection, Phone
from vnr_desktop.core.phones import PhoneFormatError, normalise_phone, phones_to_show
from vnr_desktop.core.userdata import USER_SOURCE_ID

if TYPE_CHECKING:
    from vnr_desktop.core.library import Library

NATIONAL = "nasjonal"
PRIMARY_TAG = "primary"
SLOT_COUNTERPARTS: dict[str, tuple[str, ...]] = {
    "barnevern": ("barnevernvakt",),
    "barnevernvakt": ("barnevern",),
}
"""A slot the region has no number for is filled by the region's number for the same service's
acute (or daytime) counterpart before it is left blank: Gjøvik's barnevern is reached through
its barnevernvakt. Acute panels print the counterpart's hours when it does not answer around
the clock."""

_SOURCE_NOTE = re.compile(
    r"\s*\((?=[^()]*(?:-planen|[Vv]edlegg\s+\d|[Kk]ilde))[^()]*\)",
)
"""A parenthesised source note in guide text ("(Hallingdal-planen, Vedlegg 2)", "(Gjøvik-
planen)"): it tells a reader of the app where a fact came from, never the reader of a card."""


def strip_source_notes(text: str) -> str:
    """Guide text as a card prints it: without source notes."""
    return _SOURCE_NOTE.sub("", text)


OWN_VERSION_MARK = "egne numre"
"""Added to a card's content version (with a digest of the own numbers) when it prints the
user's own numbers: the print history then knows to re-resolve it with them."""


@dataclass(frozen=True)
class NumberLine:
    """One printed line of the numbers: a label and a number, or a marked blank line."""

    label: str
    number: str | None = None
    hours: str | None = None
    web: str | None = None
    note: str | None = None
    blank: bool = False
    """Print a marked blank line ("Nummer mangler: ______") instead of a number."""
    contact_ref: str | None = None
    fallback: NumberLine | None = None
    """For an empty slot: the national number printed under the blank line."""
    acute: bool = False
    """Printed in an acute panel: answers around the clock, or ``hours`` says when."""
    around_the_clock: bool | None = None
    """What the content says about this number's hours (None: unknown)."""

    def numbers(self) -> list[str]:
        out = [self.number] if self.number else []
        if self.fallback is not None:
            out += self.fallback.numbers()
        return out


@dataclass(frozen=True)
class GuideBlock:
    heading: str | None
    text: str | None
    items: tuple[str, ...]
    inline: bool


@dataclass(frozen=True)
class ResolvedElement:
    kind: str  # text | bullets | guide | numbers
    text: str | None = None
    bullets: tuple[str, ...] = ()
    intro: str | None = None
    blocks: tuple[GuideBlock, ...] = ()
    lines: tuple[NumberLine, ...] = ()
    columns: int = 1
    emphasis: bool = False


@dataclass(frozen=True)
class ResolvedPanel:
    id: str
    heading: str | None
    subheading: str | None
    tone: str
    elements: tuple[ResolvedElement, ...]


@dataclass(frozen=True)
class BundleUse:
    id: str
    version: int
    issued: _dt.date
    content_hash: str


@dataclass
class ResolvedCard:
    card_id: str
    region: str
    region_name: str
    lang: str
    format: str
    spec: FormatSpec
    title: str
    short_title: str
    subtitle: str | None
    panels: dict[str, ResolvedPanel]
    layout: FamilyLayout
    bundles: list[BundleUse]
    strings: dict[str, str]
    warnings: list[str] = field(default_factory=list)
    own_panel: str | None = None
    """The panel the user's own numbers join (None: the card prints none)."""
    own_lines: tuple[NumberLine, ...] = ()
    """The user's own numbers, printed under their own heading, never among the content's."""
    own_columns: int = 1

    @property
    def bundles_version(self) -> str:
        """e.g. ``gjovik v1 + nasjonal v1``: the region's bundle first."""
        return " + ".join(f"{b.id} v{b.version}" for b in self.bundles)

    @property
    def own_digest(self) -> str | None:
        """sha256 of the own numbers as printed (None when the card prints none)."""
        if not self.own_lines:
            return None
        raw = json.dumps(
            [asdict(line) for line in self.own_lines], ensure_ascii=False, sort_keys=True
        )
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    @property
    def content_version(self) -> str:
        """e.g. ``gjovik v1 + nasjonal v1``; with own numbers ``... + egne numre 1a2b3c4d``
        (a digest of them, so the version changes when they do)."""
        digest = self.own_digest
        if digest is None:
            return self.bundles_version
        return f"{self.bundles_version} + {OWN_VERSION_MARK} {digest[:8]}"

    @property
    def issued(self) -> _dt.date:
        """The newest issued date of the bundles used: printed, and the PDF's creation date."""
        return max(b.issued for b in self.bundles)

    @property
    def content_hash(self) -> str:
        """sha256 of what the card prints (texts, numbers, bundle versions); not the layout.

        Two formats of the same content class (a7 and a6-fold) share a hash; the sync issue
        compares a printed card's hash with a fresh resolution to find stale cards.
        """
        payload = {
            "card": self.card_id,
            "region": self.region,
            "lang": self.lang,
            "class": self.spec.content_class,
            "title": self.title,
            "subtitle": self.subtitle,
            "panels": {k: asdict(v) for k, v in sorted(self.panels.items())},
            "bundles": [[b.id, b.version, b.content_hash] for b in self.bundles],
        }
        if self.own_lines:
            # Only when present: a card without own numbers keeps the hash it always had.
            payload["own"] = {
                "panel": self.own_panel,
                "lines": [asdict(line) for line in self.own_lines],
            }
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def printed_numbers(self) -> list[str]:
        """Every phone number the card prints, in order (for tests and the print dialog)."""
        out: list[str] = []
        for panel in self.panels.values():
            for element in panel.elements:
                for line in element.lines:
                    out += line.numbers()
        for line in self.own_lines:
            out += line.numbers()
        return out

    def own_numbers(self) -> list[str]:
        """The user's own numbers the card prints, in order."""
        return [n for line in self.own_lines for n in line.numbers()]


def includes_own_numbers(content_version: str) -> bool:
    """Was a card with this recorded content version printed with the user's own numbers?"""
    return f" + {OWN_VERSION_MARK} " in content_version


class _Content:
    """Read access to the installed content for one resolution (cached per call)."""

    def __init__(self, library: Library, region: str) -> None:
        self.library = library
        self.region = region
        self._contacts: dict[str, list[Contact]] = {}
        self.used: set[str] = set()
        self._coverage: dict[str, dict[str, str]] = {}

    def coverage(self, bundle_id: str) -> dict[str, str]:
        """The bundle's municipalities, kommunenummer -> name ({} for national bundles)."""
        if bundle_id not in self._coverage:
            names: dict[str, str] = {}
            for number, name, owner in self.library.municipalities():
                if owner == bundle_id:
                    names[number] = name
            self._coverage[bundle_id] = names
        return self._coverage[bundle_id]

    def contacts(self, bundle_id: str) -> list[Contact]:
        if bundle_id not in self._contacts:
            records = self.library.items(kind="contact", region=bundle_id)
            self._contacts[bundle_id] = [r.item for r in records]  # type: ignore[misc]
        return self._contacts[bundle_id]

    def contact(self, ref: str) -> Contact:
        bundle_id, _, item_id = ref.partition(":")
        for contact in self.contacts(bundle_id):
            if contact.id == item_id:
                return contact
        if self.library.bundle(bundle_id) is None:
            raise CardError(f"the card needs bundle {bundle_id!r}, which is not installed")
        raise CardError(f"contact {ref} does not exist in the installed content")

    def guide(self, ref: str) -> Guide | None:
        record = self.library.get(ref)
        if record is None or not isinstance(record.item, Guide):
            return None
        return record.item

    def primary(self, bundle_id: str, category: str) -> Contact | None:
        found = [c for c in self.contacts(bundle_id) if c.category == category]
        tagged = [c for c in found if PRIMARY_TAG in c.tags]
        if tagged:
            return tagged[0]
        if bundle_id == NATIONAL and len(found) == 1:
            return found[0]
        return None


def find_section(guide: Guide, kind: str, title: str | None = None) -> GuideSection | None:
    """The guide's first section of ``kind`` (with ``title``, when given)."""
    for section in guide.sections:
        if section.kind == kind and (title is None or section.title == title):
            return section
    return None


def usable_phones(
    contact: Contact, *, municipality: str | None = None
) -> tuple[list[Phone], str | None]:
    """The phones that may be printed, or none and the reason why not (core.phones decides)."""
    answer = phones_to_show(contact, municipality=municipality)
    return list(answer.shown), answer.reason


class _Resolver:
    def __init__(
        self,
        catalog: CardCatalog,
        card: CardDefinition,
        content: _Content,
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
        self, section: GuideSection, picks: list | None, inline: bool, panel_id: str
    ) -> list[GuideBlock]:
        if picks is None:
            return [
                _without_source_notes(GuideBlock(b.heading, b.text, tuple(b.items), inline))
                for b in section.blocks
            ]
        out: list[GuideBlock] = []
        for pick in picks:
            if pick.heading is not None:
                block = next((b for b in section.blocks if b.heading == pick.heading), None)
                what = f"heading {pick.heading!r}"
            else:
                idx = pick.index
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
        return [_without_source_notes(b) for b in out]

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


def _without_source_notes(block: GuideBlock) -> GuideBlock:
    return GuideBlock(
        heading=strip_source_notes(block.heading) if block.heading else block.heading,
        text=strip_source_notes(block.text) if block.text else block.text,
        items=tuple(strip_source_notes(i) for i in block.items),
        inline=block.inline,
    )


def own_number_lines(
    contacts: Sequence[Contact], *, warnings: list[str], where: str
) -> list[NumberLine]:
    """Lines for the user's own contacts (``UserData.own_contacts()``), in their order: the
    contact's name and number (opening hours are left out, as on most content lines).

    A number that is not a valid phone number is never printed (nor a contact marked outdated
    or with an unresolved conflict); each one left out is a warning.
    """
    lines: list[NumberLine] = []
    for contact in contacts:
        if contact.provenance.source != USER_SOURCE_ID:
            raise CardRequestError(
                f"{contact.id!r} is not one of the user's own contacts (provenance source "
                f"{contact.provenance.source!r}, not {USER_SOURCE_ID!r}): own numbers come "
                "from UserData.own_contacts()"
            )
        valid: list[Phone] = []
        for phone in contact.phones:
            try:
                normalise_phone(phone.number)
            except (PhoneFormatError, TypeError):
                warnings.append(
                    f"{where}: own contact {contact.name!r}: {phone.number!r} is not a valid "
                    "phone number and is not printed"
                )
                continue
            valid.append(phone)
        phones, reason = (
            usable_phones(contact.model_copy(update={"phones": valid}))
            if valid
            else ([], "no valid phone number")
        )
        if not phones:
            warnings.append(f"{where}: own contact {contact.name!r} is not printed ({reason})")
            continue
        for phone in phones:
            label = contact.name
            if len(phones) > 1 and phone.label:
                label = f"{contact.name} ({phone.label})"
            lines.append(
                NumberLine(
                    label=label,
                    number=phone.display,
                    contact_ref=f"{USER_SOURCE_ID}:{contact.id}",
                )
            )
    return lines


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
    content = _Content(library, region)
    resolver = _Resolver(catalog, card, content, spec, lang)
    resolver.choose_guide()
    layout = catalog.layout(card, spec.family)
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
    content.used.add(region)
    bundles: list[BundleUse] = []
    for bundle_id in sorted(content.used, key=lambda b: (b != region, b == NATIONAL, b)):
        installed = library.bundle(bundle_id)
        if installed is None:
            raise CardError(f"the card needs bundle {bundle_id!r}, which is not installed")
        bundles.append(
            BundleUse(installed.id, installed.version, installed.issued, installed.content_hash)
        )
    strings = {k: ltext(v, lang) for k, v in catalog.shared.strings.items()}
    own_panel: str | None = None
    own_lines: list[NumberLine] = []
    own_columns = 1
    if own_contacts:
        own_panel = card.own_numbers
        if own_panel is None:
            raise CardRequestError(
                f"card {card_id!r} has no place for own numbers (own_numbers in "
                f"cards/{card_id}.yaml)"
            )
        if own_panel not in panels:
            raise CardError(
                f"card {card_id!r}: own_numbers panel {own_panel!r} is not placed in the "
                f"{spec.family} layout"
            )
        cls = spec.content_class
        own_lines = own_number_lines(
            own_contacts,
            warnings=resolver.warnings,
            where=f"{card_id} ({region})",
        )
        first = next(
            (e.numbers for e in card.panels[own_panel].content if e.numbers is not None), None
        )
        if first is not None:
            own_columns = first.columns.get(cls, 1)  # type: ignore[call-overload]
        if not own_lines:
            own_panel = None
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
        strings=strings,
        warnings=resolver.warnings,
        own_panel=own_panel,
        own_lines=tuple(own_lines),
        own_columns=own_columns,
    )
