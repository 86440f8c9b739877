"""What a resolved card holds: its panels, number lines and the bundles it was resolved from.

``resolve.resolve_card`` builds these; the layout, the renderer and the feed site read them.
The content hash and content version computed here are what the print history compares.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from vnr_desktop.core.cards.definitions import FamilyLayout
from vnr_desktop.core.cards.formats import FormatSpec

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
        payload: dict[str, Any] = {
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
