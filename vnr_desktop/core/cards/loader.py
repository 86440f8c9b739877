"""Load and validate the card definitions folder (``cards/``: _shared.yaml + one file per card).

Like bundle sources, problems come back as located Diagnostics (file, line, column, field path,
plain message); nothing here raises for bad YAML. ``check_against_library`` adds the checks
that need content: every referenced contact and guide exists, every picked block exists.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from vnr_desktop.core.bundle_source import DiagnosticCollector
from vnr_desktop.core.cards.definitions import (
    FAMILY_OPTIONAL_SIDES,
    FAMILY_SIDES,
    LANGUAGES,
    REQUIRED_STRINGS,
    RESERVED_PANELS,
    CardDefinition,
    FamilyLayout,
    GuideContent,
    SharedStrings,
    find_section,
    ltext_languages,
)
from vnr_desktop.core.cards.errors import CardError, CardRequestError
from vnr_desktop.core.diagnostics import Diagnostic
from vnr_desktop.core.models import Contact, Guide
from vnr_desktop.core.resources import cards_dir
from vnr_desktop.core.yaml_safe import LoadedYaml, YamlLoadError, load_yaml_file

if TYPE_CHECKING:
    from vnr_desktop.core.library import Library

SHARED_FILE = "_shared.yaml"


@dataclass
class CardCatalog:
    """Every valid card definition, the shared texts, and a digest of the definition files."""

    shared: SharedStrings
    cards: dict[str, CardDefinition]
    files: dict[str, str]
    digests: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def card(self, card_id: str) -> CardDefinition:
        try:
            return self.cards[card_id]
        except KeyError:
            known = ", ".join(self.cards)
            raise CardRequestError(f"unknown card {card_id!r} (cards: {known})") from None

    def layout(self, card: CardDefinition, family: str) -> FamilyLayout:
        if family in card.layouts:
            return card.layouts[family]
        if card.template is not None:
            template = self.shared.templates.get(card.template, {})
            if family in template:
                return template[family]
        raise CardError(f"card {card.id!r} has no layout for {family}")

    def digest(self, card_id: str) -> str:
        """sha256 of the card's own file plus the shared file: part of each card's hash."""
        return self.digests[card_id]


@dataclass
class CatalogLoadResult:
    catalog: CardCatalog | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def ok(self) -> bool:
        return self.catalog is not None and not self.errors


def _load_doc(path: Path, shown: str, out: DiagnosticCollector) -> LoadedYaml | None:
    try:
        doc = load_yaml_file(path, shown)
    except YamlLoadError as exc:
        out.diagnostics.append(
            Diagnostic("error", exc.message, exc.file, exc.line, exc.column, code="yaml")
        )
        return None
    if not isinstance(doc.data, dict):
        out.add("error", "a card file must be a mapping of fields", doc)
        return None
    return doc


def load_catalog(root: Path | None = None, *, display_root: str = "cards") -> CatalogLoadResult:
    """Load and validate every card definition in ``root`` (default: the shipped cards)."""
    root = Path(root) if root is not None else cards_dir()
    out = DiagnosticCollector()

    shared_path = root / SHARED_FILE
    shared: SharedStrings | None = None
    shared_bytes = b""
    if not shared_path.is_file():
        out.add("error", f"{SHARED_FILE} is missing", None, file=f"{display_root}/{SHARED_FILE}")
    else:
        shared_bytes = shared_path.read_bytes()
        doc = _load_doc(shared_path, f"{display_root}/{SHARED_FILE}", out)
        if doc is not None:
            try:
                shared = SharedStrings.model_validate(doc.data)
            except ValidationError as exc:
                out.validation_errors(exc, doc, ())
            else:
                _check_shared(shared, doc, out)

    cards: dict[str, CardDefinition] = {}
    files: dict[str, str] = {}
    digests: dict[str, str] = {}
    for path in sorted(root.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        shown = f"{display_root}/{path.name}"
        doc = _load_doc(path, shown, out)
        if doc is None:
            continue
        try:
            card = CardDefinition.model_validate(doc.data)
        except ValidationError as exc:
            out.validation_errors(exc, doc, ())
            continue
        if path.stem != card.id:
            out.add(
                "error", f"the file of card {card.id!r} must be named {card.id}.yaml", doc, ("id",)
            )
            continue
        if shared is not None:
            before = len(out.diagnostics)
            _check_card(card, shared, doc, out)
            if any(d.severity == "error" for d in out.diagnostics[before:]):
                continue
        cards[card.id] = card
        files[card.id] = shown
        digests[card.id] = hashlib.sha256(shared_bytes + b"\0" + path.read_bytes()).hexdigest()

    orders: dict[int, str] = {}
    for card in cards.values():
        if card.order in orders:
            out.add(
                "error",
                f"cards {orders[card.order]!r} and {card.id!r} have the same order {card.order}",
                None,
                file=files[card.id],
            )
        orders[card.order] = card.id

    if shared is None:
        return CatalogLoadResult(None, out.diagnostics)
    ordered = dict(sorted(cards.items(), key=lambda kv: (kv[1].order, kv[0])))
    catalog = CardCatalog(shared, ordered, files, digests, out.diagnostics)
    return CatalogLoadResult(catalog, out.diagnostics)


@lru_cache(maxsize=1)
def _shipped_catalog() -> CatalogLoadResult:
    return load_catalog()


def shipped_catalog() -> CardCatalog:
    """The card definitions this app ships (loaded once). Invalid definitions are an error."""
    result = _shipped_catalog()
    if not result.ok or result.catalog is None:
        problems = "\n".join(str(d) for d in result.errors)
        raise CardError(f"the shipped card definitions are invalid:\n{problems}")
    return result.catalog


# --------------------------------------------------------------------------- checks


_TEXT_KEYS = {
    "title",
    "short_title",
    "subtitle",
    "heading",
    "subheading",
    "text",
    "label",
    "fallback_label",
    "note",
}


_NOT_TEXT = {"picks", "guides", "layouts", "section_title"}
"""Keys whose strings match content (block headings, refs), not texts the card prints."""


def _check_languages(card: CardDefinition, doc: LoadedYaml, out: DiagnosticCollector) -> None:
    """Every text the card prints exists in every language the card is offered in."""
    wanted = set(card.languages)

    def walk(value: Any, path: tuple[str | int, ...], key: str | None) -> None:
        if (
            key in _TEXT_KEYS
            and isinstance(value, str | dict)
            and not (isinstance(value, dict) and not set(value) <= set(LANGUAGES))
        ):
            have = ltext_languages(value)
            missing = sorted(wanted - have)
            if missing:
                out.add(
                    "error",
                    f"text has no {', '.join(missing)} version; card {card.id!r} is offered in "
                    f"{', '.join(card.languages)}",
                    doc,
                    path,
                    code="language",
                )
            return
        if key == "bullets" and isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i), "text")
            return
        if isinstance(value, dict):
            for k, sub in value.items():
                if k in _NOT_TEXT:
                    continue
                walk(sub, (*path, k), str(k))
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                walk(sub, (*path, i), None)

    walk(doc.data, (), None)


def _check_shared(shared: SharedStrings, doc: LoadedYaml, out: DiagnosticCollector) -> None:
    for key in REQUIRED_STRINGS:
        if key not in shared.strings:
            out.add("error", f"strings.{key} is missing", doc, ("strings",), code="shared")
    for key, value in shared.strings.items():
        missing = sorted(set(LANGUAGES) - ltext_languages(value))
        if missing:
            out.add(
                "error",
                f"strings.{key} has no {', '.join(missing)} version",
                doc,
                ("strings", key),
                code="language",
            )
    for key, value in shared.slot_labels.items():
        missing = sorted(set(LANGUAGES) - ltext_languages(value))
        if missing:
            out.add(
                "error",
                f"slot_labels.{key} has no {', '.join(missing)} version",
                doc,
                ("slot_labels", key),
                code="language",
            )
    for name, families in shared.templates.items():
        for family, layout in families.items():
            _check_layout_shape(family, layout, None, doc, ("templates", name, family), out)


def _check_layout_shape(
    family: str,
    layout: FamilyLayout,
    panels: set[str] | None,
    doc: LoadedYaml,
    path: tuple[str | int, ...],
    out: DiagnosticCollector,
) -> None:
    expected = set(FAMILY_SIDES[family])
    optional = FAMILY_OPTIONAL_SIDES.get(family, ())
    if not expected <= set(layout.sides) <= expected | set(optional):
        extra = f" (and may have {', '.join(optional)})" if optional else ""
        out.add(
            "error",
            f"a {family} layout has the sides {', '.join(FAMILY_SIDES[family])}{extra} "
            f"(found {', '.join(layout.sides) or 'none'})",
            doc,
            (*path, "sides"),
            code="layout",
        )
    if family == "poster" and layout.orientation is None:
        out.add("error", "a poster layout needs orientation", doc, path, code="layout")
    if family != "poster" and layout.orientation is not None:
        out.add(
            "error",
            "only posters choose an orientation",
            doc,
            (*path, "orientation"),
            code="layout",
        )
    for side, rows in layout.sides.items():
        rests = sum(1 for r in rows if r.height == "rest")
        if rests != 1:
            out.add(
                "error",
                f"side {side!r} needs exactly one row with height: rest",
                doc,
                (*path, "sides", side),
                code="layout",
            )
        if panels is None:
            continue
        for r, row in enumerate(rows):
            for p, panel in enumerate(row.panels):
                if panel not in panels and panel not in RESERVED_PANELS:
                    out.add(
                        "error",
                        f"panel {panel!r} is not defined (panels: "
                        f"{', '.join(sorted(panels | RESERVED_PANELS))})",
                        doc,
                        (*path, "sides", side, r, "panels", p),
                        code="layout",
                    )


def _has_numbers(card: CardDefinition, panel_id: str) -> bool:
    return any(e.numbers is not None for e in card.panels[panel_id].content)


ACUTE_WORDS = ("akutt", "døgnåpen", "haster", "fare nå", "nød", "danger", "urgent", "emergency")
"""A panel of numbers headed with one of these must be ``acute: true`` (issue 12, item 5)."""


def _check_acute(card: CardDefinition, doc: LoadedYaml, out: DiagnosticCollector) -> None:
    for pid, panel in card.panels.items():
        if panel.acute or not _has_numbers(card, pid):
            continue
        texts = [panel.heading, panel.subheading]
        heading = " ".join(
            (t if isinstance(t, str) else " ".join(t.values())) for t in texts if t is not None
        ).lower()
        if any(re.search(rf"\b{w}", heading) for w in ACUTE_WORDS):
            out.add(
                "error",
                f"panel {pid!r} is headed {heading!r}: mark it acute: true, so that it prints "
                "only around-the-clock numbers or their hours",
                doc,
                ("panels", pid),
                code="acute",
            )


def _check_card(
    card: CardDefinition, shared: SharedStrings, doc: LoadedYaml, out: DiagnosticCollector
) -> None:
    _check_languages(card, doc, out)
    _check_acute(card, doc, out)
    if card.template is not None and card.template not in shared.templates:
        out.add(
            "error",
            f"template {card.template!r} does not exist in {SHARED_FILE} "
            f"({', '.join(shared.templates)})",
            doc,
            ("template",),
            code="layout",
        )
        return
    panels = set(card.panels)
    bad = panels & RESERVED_PANELS
    if bad:
        out.add("error", f"panel ids {', '.join(sorted(bad))} are reserved", doc, ("panels",))
    _check_layouts(card, shared, doc, out)
    _check_elements(card, shared, doc, out)


def _own_numbers_panel(
    card: CardDefinition, doc: LoadedYaml, out: DiagnosticCollector
) -> str | None:
    """The card's own_numbers panel, when it names a panel with numbers (else an error)."""
    own = card.own_numbers
    if own is not None and (own not in card.panels or not _has_numbers(card, own)):
        out.add(
            "error",
            f"own_numbers must name a panel of this card with a numbers element (not {own!r})",
            doc,
            ("own_numbers",),
            code="layout",
        )
        return None
    return own


def _check_layouts(
    card: CardDefinition, shared: SharedStrings, doc: LoadedYaml, out: DiagnosticCollector
) -> None:
    """Every family has a layout; it places defined panels, the own numbers' panel included."""
    panels = set(card.panels)
    used: set[str] = set()
    own = _own_numbers_panel(card, doc, out)
    for family in FAMILY_SIDES:
        if family in card.layouts:
            layout = card.layouts[family]
            path: tuple[str | int, ...] = ("layouts", family)
        elif card.template is not None and family in shared.templates[card.template]:
            layout = shared.templates[card.template][family]
            path = ("template",)
        else:
            out.add(
                "error",
                f"no layout for {family} (give one or a template that has it)",
                doc,
                ("layouts",),
                code="layout",
            )
            continue
        _check_layout_shape(family, layout, panels, doc, path, out)
        placed = {p for rows in layout.sides.values() for row in rows for p in row.panels}
        used.update(placed)
        if own is not None and own not in placed:
            out.add(
                "error",
                f"own_numbers panel {own!r} is not placed in the {family} layout: the user's "
                "own numbers would have nowhere to go",
                doc,
                ("own_numbers",),
                code="layout",
            )
    for panel in sorted(panels - used):
        out.add(
            "warning",
            f"panel {panel!r} is not placed in any layout",
            doc,
            ("panels", panel),
            code="layout",
        )


def _check_elements(
    card: CardDefinition, shared: SharedStrings, doc: LoadedYaml, out: DiagnosticCollector
) -> None:
    """Guide elements name the card's guides; every slot has a label."""
    for pid, panel in card.panels.items():
        for e, element in enumerate(panel.content):
            if element.guide is not None and not card.guides:
                out.add(
                    "error",
                    "a guide element needs the card's guides list",
                    doc,
                    ("panels", pid, "content", e, "guide"),
                    code="guide",
                )
            if element.guide is not None:
                refs = {g.ref for g in card.guides}
                for ref in element.guide.picks:
                    if ref not in refs:
                        out.add(
                            "error",
                            f"picks for {ref!r}, which is not in the card's guides",
                            doc,
                            ("panels", pid, "content", e, "guide", "picks", ref),
                            code="guide",
                        )
            if element.numbers is not None:
                for n, entry in enumerate(element.numbers.entries):
                    for category in entry.slot_categories:
                        if category not in shared.slot_labels and entry.label is None:
                            out.add(
                                "error",
                                f"slot {category!r} has no label in {SHARED_FILE}",
                                doc,
                                ("panels", pid, "content", e, "numbers", "entries", n),
                                code="slot",
                            )


def check_against_library(catalog: CardCatalog, library: Library) -> list[Diagnostic]:
    """Checks that need the installed content: refs exist, picked blocks exist.

    Regions without an own guide fall back to the national one, so every guide choice whose
    bundle is installed must resolve.
    """
    check = _LibraryCheck(catalog, library)
    for card in catalog.cards.values():
        check.guides(card)
        check.contacts(card)
    return check.problems


class _LibraryCheck:
    """The diagnostics of ``check_against_library``, gathered card by card."""

    def __init__(self, catalog: CardCatalog, library: Library) -> None:
        self.catalog = catalog
        self.library = library
        self.installed = {b.id for b in library.bundles()}
        self.problems: list[Diagnostic] = []

    def add(self, severity: str, card_id: str, message: str, code: str) -> None:
        self.problems.append(
            Diagnostic(
                "error" if severity == "error" else "warning",
                message,
                self.catalog.files.get(card_id, card_id),
                code=code,
            )
        )

    def guides(self, card: CardDefinition) -> None:
        """Every installed guide choice has the sections and blocks the card picks."""
        for choice in card.guides:
            bundle_id = choice.ref.split(":", 1)[0]
            if bundle_id not in self.installed:
                self.add(
                    "warning",
                    card.id,
                    f"guide {choice.ref}: bundle {bundle_id!r} is not installed",
                    "unchecked-ref",
                )
                continue
            record = self.library.get(choice.ref)
            if record is None or not isinstance(record.item, Guide):
                self.add("error", card.id, f"guide {choice.ref} does not exist", "dangling")
                continue
            for pid, panel in card.panels.items():
                for element in panel.content:
                    if element.guide is not None:
                        self.guide_element(card, pid, choice.ref, record.item, element.guide)

    def guide_element(
        self, card: CardDefinition, pid: str, ref: str, guide: Guide, g: GuideContent
    ) -> None:
        section = find_section(guide, g.section, g.section_title)
        if section is None:
            self.add(
                "error",
                card.id,
                f"panel {pid}: guide {ref} has no {g.section!r} section"
                + (f" titled {g.section_title!r}" if g.section_title else ""),
                "dangling",
            )
            return
        for cls, picks in g.picks.get(ref, {}).items():
            for pick in picks:
                if pick.heading is not None:
                    found = [b for b in section.blocks if b.heading == pick.heading]
                    what = f"heading {pick.heading!r}"
                else:
                    idx = pick.index or 0
                    found = [section.blocks[idx]] if idx < len(section.blocks) else []
                    what = f"block {pick.index}"
                if not found:
                    self.add(
                        "error",
                        card.id,
                        f"panel {pid} ({cls}): {ref} {g.section} has no {what}",
                        "dangling",
                    )

    def contacts(self, card: CardDefinition) -> None:
        """Every contact a numbers element names (and its fallback) exists."""
        for pid, panel in card.panels.items():
            for element in panel.content:
                if element.numbers is None:
                    continue
                for entry in element.numbers.entries:
                    for ref in (entry.contact, entry.fallback):
                        if ref is not None:
                            self.contact(card, pid, ref)

    def contact(self, card: CardDefinition, pid: str, ref: str) -> None:
        bundle_id = ref.split(":", 1)[0] if ":" in ref else None
        if bundle_id is None:
            self.add(
                "error",
                card.id,
                f"panel {pid}: contact {ref!r} must name its bundle (bundle:id)",
                "dangling",
            )
            return
        if bundle_id not in self.installed:
            self.add(
                "warning",
                card.id,
                f"panel {pid}: cannot check {ref}: bundle {bundle_id!r} is not installed",
                "unchecked-ref",
            )
            return
        record = self.library.get(ref)
        if record is None or not isinstance(record.item, Contact):
            self.add("error", card.id, f"panel {pid}: contact {ref} does not exist", "dangling")
