"""What an update changed, item by item, and which printed cards it made stale.

``diff_content(old, new)`` compares two versions of a bundle by item id (ids are stable across
versions) and says each difference in one plain line: "Krisesenteret: telefon 61 00 00 01 ->
61 00 00 02". ``stale_prints`` reads the print history and lists the cards printed from content
that has since changed, so the user is asked to reprint them.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.dates import date_text
from vnr_desktop.core.models import Item, item_title
from vnr_desktop.core.phones import phone_or_none
from vnr_desktop.core.userdata import PrintRecord

ChangeKind = str  # "added" | "removed" | "changed"

_FIELD_NB: dict[str, str] = {
    "name": "navn",
    "title": "tittel",
    "address": "adresse",
    "email": "e-post",
    "web": "nettside",
    "category": "kategori",
    "availability": "tilgjengelighet",
    "anonymous": "anonym",
    "serves": "målgruppe",
    "languages": "språk",
    "municipalities": "kommuner",
    "aliases": "andre navn",
    "tags": "merker",
    "status": "status",
    "status_text": "statusbeskrivelse",
    "deadline": "frist",
    "responsible": "ansvarlig",
    "period": "periode",
    "description": "beskrivelse",
    "summary": "sammendrag",
    "goal": "mål",
    "goals": "mål",
    "sections": "innhold",
    "provenance": "kilde",
    "conflicts": "kildekonflikter",
    "no_phone_reason": "grunn til manglende nummer",
    "focus_area": "innsatsområde",
    "focus_areas": "innsatsområder",
    "number": "nummer",
    "target_group": "målgruppe",
    "scope": "nivå",
    "section": "avsnitt",
    "owner": "eier",
    "adopted": "vedtatt",
    "revised": "revidert",
    "period_start": "periodestart",
    "period_end": "periodeslutt",
    "audience": "målgruppe",
    "situations": "situasjoner",
    "language": "språk",
    "resource_kind": "type",
    "provider": "tilbyder",
}
_LONG_TEXT = {
    "description",
    "summary",
    "goal",
    "status_text",
    "no_phone_reason",
    "sections",
    "goals",
}
_STATUS_NB = {
    "i_gang": "i gang",
    "planlagt": "planlagt",
    "foreslatt": "foreslått",
    "gjennomfort": "gjennomført",
    "ukjent": "ukjent",
}
_KIND_NB = {
    "contact": "kontakt",
    "guide": "veileder",
    "plan": "plan",
    "measure": "tiltak",
    "resource": "ressurs",
}


@dataclass(frozen=True)
class ItemChange:
    bundle_id: str
    item_id: str
    kind: str
    title: str
    change: ChangeKind
    details: tuple[str, ...] = ()
    """One plain Norwegian phrase per changed field ("telefon A -> B")."""

    @property
    def ref(self) -> str:
        return f"{self.bundle_id}:{self.item_id}"

    def line(self) -> str:
        if self.change == "added":
            return f"{self.title}: ny {_KIND_NB.get(self.kind, self.kind)}"
        if self.change == "removed":
            return f"{self.title}: fjernet"
        return f"{self.title}: " + "; ".join(self.details)

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "kind": self.kind,
            "title": self.title,
            "change": self.change,
            "details": list(self.details),
            "line": self.line(),
        }


@dataclass(frozen=True)
class BundleChanges:
    bundle_id: str
    old_version: int | None
    new_version: int
    items: tuple[ItemChange, ...] = ()

    @property
    def phones_changed(self) -> bool:
        return any(
            i.kind == "contact"
            and (i.change != "changed" or any("telefon" in d for d in i.details))
            for i in self.items
        )

    def lines(self) -> list[str]:
        return [i.line() for i in self.items]

    def as_dict(self) -> dict[str, object]:
        return {
            "bundle": self.bundle_id,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "items": [i.as_dict() for i in self.items],
        }


def _as_of(prov: dict[str, Any]) -> str:
    """A provenance's as-of date as precisely as its source states it (core/dates.py)."""
    try:
        day = _dt.date.fromisoformat(str(prov.get("as_of")))
    except ValueError:
        return _short(prov.get("as_of"))
    return date_text(day, prov.get("as_of_precision", "day"))


def _short(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "(tom)"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, list):
        return ", ".join(_short(v) for v in value)
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _phone_label(p: dict[str, Any]) -> str:
    return f" ({p['label']})" if p.get("label") else ""


def _displayed(p: dict[str, Any]) -> dict[str, Any]:
    """The phone with its number in the one display form (core.phones): a respelling of the
    same number is no change, and the report shows numbers as everything else does."""
    number = phone_or_none(p["number"])
    return p if number is None else {**p, "number": number.display}


def _phone_details(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    old, new = [_displayed(p) for p in old], [_displayed(p) for p in new]
    old_by = {p["number"]: p for p in old}
    new_by = {p["number"]: p for p in new}
    removed = [p for p in old if p["number"] not in new_by]
    added = [p for p in new if p["number"] not in old_by]
    # Pair a removed and an added number with the same label (or position) as "A -> B".
    for a in list(removed):
        match = next((b for b in added if b.get("label") == a.get("label")), None)
        if match is None and len(removed) == len(added):
            match = added[0] if added else None
        if match is not None:
            out.append(f"telefon{_phone_label(a)} {a['number']} -> {match['number']}")
            removed.remove(a)
            added.remove(match)
    out += [f"telefon {p['number']}{_phone_label(p)} fjernet" for p in removed]
    out += [f"ny telefon {p['number']}{_phone_label(p)}" for p in added]
    for number, a in old_by.items():
        b = new_by.get(number)
        if b is None:
            continue
        if a.get("hours") != b.get("hours"):
            out.append(
                f"åpningstid for {number}: {_short(a.get('hours'))} -> {_short(b.get('hours'))}"
            )
        if a.get("label") != b.get("label"):
            out.append(
                f"betegnelse for {number}: {_short(a.get('label'))} -> {_short(b.get('label'))}"
            )
        if a.get("sms") != b.get("sms") or a.get("voice") != b.get("voice"):
            out.append(f"SMS/tale for {number} endret")
    return out


def _field_details(key: str, old: Any, new: Any) -> list[str]:
    if key == "phones":
        return _phone_details(old or [], new or [])
    label = _FIELD_NB.get(key, key)
    if key == "status":
        return [f"status {_STATUS_NB.get(old, old)} -> {_STATUS_NB.get(new, new)}"]
    if key == "provenance":
        if isinstance(old, dict) and isinstance(new, dict) and old.get("as_of") != new.get("as_of"):
            return [f"kilde per {_as_of(old)} -> {_as_of(new)}"]
        return ["kilde endret"]
    if key in _LONG_TEXT or isinstance(old, dict) or isinstance(new, dict):
        return [f"{label} endret"]
    if isinstance(old, list) or isinstance(new, list):
        o, n = list(old or []), list(new or [])
        if any(isinstance(x, dict) for x in o + n):
            return [f"{label} endret"]
        plus = [x for x in n if x not in o]
        minus = [x for x in o if x not in n]
        parts = []
        if plus:
            parts.append(f"{label}: lagt til {_short(plus)}")
        if minus:
            parts.append(f"{label}: fjernet {_short(minus)}")
        return parts or [f"{label}: ny rekkefølge"]
    return [f"{label} {_short(old)} -> {_short(new)}"]


def diff_items(bundle_id: str, old: Item, new: Item) -> ItemChange | None:
    a = old.model_dump(mode="json")
    b = new.model_dump(mode="json")
    if a == b:
        return None
    if a.get("kind") != b.get("kind"):
        return ItemChange(bundle_id, new.id, new.kind, item_title(new), "changed", ("ny type",))
    keys = list(dict.fromkeys([*a.keys(), *b.keys()]))
    # Phones first: they are what matters most on a card.
    keys.sort(key=lambda k: (k != "phones", k != "name", k != "status"))
    details: list[str] = []
    for key in keys:
        if a.get(key) != b.get(key):
            details += _field_details(key, a.get(key), b.get(key))
    return ItemChange(bundle_id, new.id, new.kind, item_title(new), "changed", tuple(details))


def diff_content(old: BundleContent | None, new: BundleContent) -> BundleChanges:
    """Every item added, removed or changed between two versions of one bundle."""
    if old is None:
        items = tuple(ItemChange(new.id, i.id, i.kind, item_title(i), "added") for i in new.items())
        return BundleChanges(new.id, None, new.version, items)
    old_items = {i.id: i for i in old.items()}
    new_items = {i.id: i for i in new.items()}
    changes: list[ItemChange] = []
    for item_id, item in new_items.items():
        before = old_items.get(item_id)
        if before is None:
            changes.append(ItemChange(new.id, item_id, item.kind, item_title(item), "added"))
            continue
        if before == item:
            continue
        change = diff_items(new.id, before, item)
        if change is not None:
            changes.append(change)
    for item_id, item in old_items.items():
        if item_id not in new_items:
            changes.append(ItemChange(new.id, item_id, item.kind, item_title(item), "removed"))
    order = {"contact": 0, "measure": 1, "plan": 2, "guide": 3, "resource": 4}
    changes.sort(key=lambda c: (order.get(c.kind, 9), c.title.lower()))
    return BundleChanges(new.id, old.version, new.version, tuple(changes))


# --------------------------------------------------------------------------- stale prints


@dataclass(frozen=True)
class StalePrint:
    record: PrintRecord
    reason: str
    """Plain Norwegian: why this card should be reprinted."""

    def as_dict(self) -> dict[str, object]:
        return {**self.record.as_dict(), "reason": self.reason}


@dataclass
class UpdatedBundle:
    bundle_id: str
    version: int
    content_hash: str
    national: bool = False
    changes: BundleChanges | None = None
    extra: dict[str, object] = field(default_factory=dict)


CardHash = Callable[[PrintRecord], str | None]
"""Given a print record, the hash its card would have if printed now (None: unknown card)."""


def printed_versions(content_version: str) -> dict[str, int]:
    """``"gjovik v3 + nasjonal v2"`` (as the cards module records it) -> {gjovik: 3, nasjonal: 2}."""
    return {m[0]: int(m[1]) for m in re.findall(r"([a-z][a-z0-9-]*) v(\d+)", content_version)}


def latest_prints(history: Iterable[PrintRecord]) -> list[PrintRecord]:
    """The latest print of each (card, region, format, language): older prints are replaced."""
    latest: dict[tuple[str, str, str, str], PrintRecord] = {}
    for rec in history:
        latest[(rec.card_id, rec.region, rec.format, rec.language)] = rec
    return list(latest.values())


def stale_prints(
    history: Iterable[PrintRecord],
    updated: Iterable[UpdatedBundle],
    *,
    card_hash: CardHash | None = None,
) -> list[StalePrint]:
    """Printed cards whose content changed in ``updated``.

    With ``card_hash`` (the cards module can compute a card's current content hash) a card is
    stale exactly when its hash changed; when it returns None, by the versions below. Without it, conservatively: a card printed for a
    region whose bundle changed version, or any card when a national bundle changed a contact
    (every card prints national numbers).
    """
    updated = list(updated)
    by_id = {u.bundle_id: u for u in updated}
    national = [
        u for u in updated if u.national and (u.changes is None or u.changes.phones_changed)
    ]
    out: list[StalePrint] = []
    for rec in latest_prints(history):
        if card_hash is not None:
            current = card_hash(rec)
            if current is not None:
                if current != rec.content_hash:
                    out.append(StalePrint(rec, "innholdet på kortet er endret"))
                continue
            # The card can no longer be made as printed (card or region gone): judge it by
            # the bundle versions it names, below.
        used = printed_versions(rec.content_version)
        if used:
            # The record names every bundle the card printed from, with its version.
            for bundle_id, version in used.items():
                u = by_id.get(bundle_id)
                if u is not None and u.version != version:
                    out.append(
                        StalePrint(
                            rec,
                            f"{bundle_id} er oppdatert til versjon {u.version} "
                            f"(kortet er trykt med versjon {version})",
                        )
                    )
                    break
            continue
        # Unknown format: the region's bundle, or any card when national contacts changed.
        u = by_id.get(rec.region)
        if u is not None and rec.content_hash != u.content_hash:
            out.append(StalePrint(rec, f"{u.bundle_id} er oppdatert til versjon {u.version}"))
            continue
        for n in national:
            if rec.region != n.bundle_id:
                out.append(
                    StalePrint(rec, f"nasjonale kontakter er endret ({n.bundle_id} v{n.version})")
                )
                break
    return out
