"""Turn any content item into the document that search indexes.

A document has display fields (title, phones, body for snippets) and the text of each indexed
column. Column text carries the ASCII stand-ins of its words (see text.py) so "gjovik" finds
Gjøvik; the display fields keep the text exactly as the content prints it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vnr_desktop.core.models import (
    Contact,
    Guide,
    Item,
    Manifest,
    Measure,
    Plan,
    Resource,
    item_title,
)
from vnr_desktop.core.phones import phones_to_show
from vnr_desktop.core.search.text import clean, variant_text, words

KIND_WORDS: dict[str, str] = {
    "contact": "kontakt telefon",
    "guide": "veileder",
    "plan": "handlingsplan plan",
    "measure": "tiltak",
    "resource": "ressurs",
}
"""Norwegian words for each kind, indexed so "tiltak krisesenter" finds measures."""

CATEGORY_WORDS: dict[str, str] = {
    "emergency": "nødnummer akutt",
    "police": "politi",
    "legevakt": "legevakt",
    "barnevern": "barnevern barneverntjenesten",
    "barnevernvakt": "barnevernvakt barnevernsvakt",
    "krisesenter": "krisesenter",
    "familievern": "familievern familievernkontor",
    "overgrepsmottak": "overgrepsmottak",
    "barnehus": "barnehus",
    "helpline": "hjelpetelefon",
    "competence_team": "kompetanseteam",
    "support_organisation": "støtte",
    "municipal_service": "kommune",
    "health_service": "helse",
    "conflict_council": "konfliktråd",
    "nav": "nav",
    "violence_help": "voldsutøver",
    "other": "",
}
"""Words for each contact category: the category is content too (a krisesenter is one)."""

_GUIDE_AUDIENCE = {
    "child": "children",
    "young_person": "young_people",
    "adult": "adults",
    "older": "older",
    "violence_user": "violence_users",
    "professional": "professionals",
    "everyone": "everyone",
}
"""Guide audiences (singular) mapped onto the contact vocabulary (plural) used by filters."""


@dataclass(frozen=True)
class ItemDocument:
    ref: str
    bundle_id: str
    item_id: str
    kind: str
    title: str
    body: str
    aliases: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    """Display forms, as printed."""
    phone_digits: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    """Audience values (contact vocabulary: children, adults, ...); empty: not stated."""
    municipalities: tuple[str, ...] = ()
    """kommunenummer the item covers; empty: everywhere (national) or not stated."""
    place_names: tuple[str, ...] = ()
    extra_words: str = ""
    label: str = ""
    """The measure's number as printed ("2.1"), for exact-number queries."""
    usable_phones: tuple[str, ...] = ()
    """The numbers that may be shown and dialled (core.phones.phones_to_show)."""
    flags: tuple[str, ...] = ()
    """``outdated`` (marked outdated in the content), ``nophone`` (a contact without a usable
    number)."""
    ends: int = 0
    """The last year of the plan period (a plan's, or a measure's plan); 0: not stated."""

    # -------------------------------------------------------------- indexed columns
    # Original text is indexed as printed (unicode61 lower-cases it); the accent-free and ASCII
    # spellings of its words are appended (title, aliases, places) or kept in their own column
    # (body), so snippets can be cut from the stored body exactly as printed.

    @property
    def title_column(self) -> str:
        return f"{self.title} {variant_text(self.title)}".strip()

    @property
    def aliases_column(self) -> str:
        text = " ; ".join(self.aliases)
        return f"{text} {variant_text(text)}".strip()

    @property
    def extra_column(self) -> str:
        """Phone numbers (digits and printed groups), places covered, kind and category words."""
        text = " ".join([*self.phones, *self.place_names, self.extra_words])
        return " ".join([*self.phone_digits, text, variant_text(text)]).strip()

    @property
    def body_variants_column(self) -> str:
        return variant_text(self.body)

    @property
    def tags_column(self) -> str:
        """Filter terms (kind, audience): never matched by what the user types."""
        return " ".join([kind_tag(self.kind), *(audience_tag(a) for a in self.audience)])

    @property
    def match_words(self) -> str:
        """Distinct lower-case words of the title-like fields, for ranking in Python."""
        text = " ".join([self.title, *self.aliases, *self.place_names, self.extra_words])
        return " ".join(dict.fromkeys(words(text)))

    def columns(self) -> tuple[str, str, str, str, str, str]:
        """Text of the indexed columns: title, aliases, extra, body, body variants, tags."""
        return (
            self.title_column,
            self.aliases_column,
            self.extra_column,
            self.body,
            self.body_variants_column,
            self.tags_column,
        )


def kind_tag(kind: str) -> str:
    return "xkind" + kind.replace("_", "")


def audience_tag(audience: str) -> str:
    return "xaud" + audience.replace("_", "")


def _join(parts: Iterable[str | None]) -> str:
    return "\n".join(clean(p) for p in parts if p)


def _body_and_extra(item: Item) -> tuple[str, list[str]]:
    parts: list[str | None] = []
    extra: list[str] = [KIND_WORDS.get(item.kind, "")]
    if isinstance(item, Contact):
        parts += [item.description, item.address, item.email, item.web]
        for phone in item.phones:
            parts += [phone.label, phone.hours]
        parts += [item.no_phone_reason, *item.languages]
        extra.append(CATEGORY_WORDS.get(item.category, ""))
    elif isinstance(item, Guide):
        parts.append(item.summary)
        for section in item.sections:
            parts += [section.title, section.intro]
            for block in section.blocks:
                parts += [block.heading, block.text, *block.items]
            for ref in section.legal_refs:
                parts += [f"{ref.law} {ref.section}", ref.title, ref.summary]
    elif isinstance(item, Measure):
        parts += [
            item.goal,
            item.description,
            item.target_group,
            item.section,
            "; ".join(item.responsible),
            item.period,
            item.status_text,
        ]
    elif isinstance(item, Plan):
        parts += [item.owner, item.summary, *item.goals]
        for area in item.focus_areas:
            parts += [area.title, area.goal]
    elif isinstance(item, Resource):
        parts += [item.description, item.provider, item.web]
    return _join(parts), extra


OUTDATED = "outdated"
NO_PHONE = "nophone"
_OUTDATED_MARKS = frozenset({"outdated", "utdatert"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def plan_ends(plans: Iterable[Plan]) -> dict[str, int]:
    """Each plan's last year, for its measures' documents."""
    return {plan.id: plan.period_end for plan in plans}


def _flags(item: Item, usable: tuple[str, ...]) -> tuple[str, ...]:
    flags: list[str] = []
    tags = {t.casefold() for t in getattr(item, "tags", ())}
    if tags & _OUTDATED_MARKS or str(getattr(item, "status", "")) in _OUTDATED_MARKS:
        flags.append(OUTDATED)
    if isinstance(item, Contact) and not usable:
        flags.append(NO_PHONE)
    return tuple(flags)


def _ends(item: Item, plan_end: Mapping[str, int]) -> int:
    if isinstance(item, Plan):
        return item.period_end
    if isinstance(item, Measure):
        if item.plan in plan_end:
            return plan_end[item.plan]
        years = [int(y) for y in _YEAR.findall(item.period or "")]
        return max(years, default=0)
    return 0


def _audience(item: Item) -> tuple[str, ...]:
    if isinstance(item, Contact):
        return tuple(item.serves)
    if isinstance(item, Guide):
        return tuple(_GUIDE_AUDIENCE[a] for a in item.audience)
    if isinstance(item, Resource):
        return tuple(item.audience)
    return ()


def item_document(
    bundle_id: str,
    item: Item,
    manifest: Manifest | None = None,
    plan_end: Mapping[str, int] | None = None,
) -> ItemDocument:
    """The search document of ``item`` in bundle ``bundle_id``.

    ``manifest`` gives the places a regional item covers (its municipalities' names and the
    bundle's aliases) so "barnevernvakt gjøvik" finds Gjøvik's barnevernvakt. ``plan_end``
    (plan id -> last year) dates a measure by its plan's period.
    """
    body, extra = _body_and_extra(item)
    phones: tuple[str, ...] = ()
    digits: tuple[str, ...] = ()
    usable: tuple[str, ...] = ()
    if isinstance(item, Contact):
        phones = tuple(p.display for p in phones_to_show(item).shown)
        digits = tuple(dict.fromkeys(p.digits.lstrip("+") for p in item.phones))
        usable = phones
    own: list[str] = []
    if isinstance(item, Contact | Plan):
        own = list(item.municipalities)
    coverage = manifest.municipalities if manifest is not None else []
    names_by_number = {m.number: m.name for m in coverage}
    municipalities = tuple(own or (m.number for m in coverage))
    places = [names_by_number[n] for n in municipalities if n in names_by_number]
    if manifest is not None and (not own or len(own) == len(coverage)):
        places += list(manifest.aliases)
    return ItemDocument(
        ref=f"{bundle_id}:{item.id}",
        bundle_id=bundle_id,
        item_id=item.id,
        kind=item.kind,
        title=clean(item_title(item)),
        body=body,
        aliases=tuple(clean(a) for a in item.aliases),
        phones=phones,
        phone_digits=digits,
        audience=_audience(item),
        municipalities=municipalities,
        place_names=tuple(dict.fromkeys(places)),
        extra_words=" ".join(w for w in extra if w),
        label=item.number.strip() if isinstance(item, Measure) else "",
        usable_phones=usable,
        flags=_flags(item, usable),
        ends=_ends(item, plan_end or {}),
    )
