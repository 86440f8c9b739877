"""Content model: bundles, contacts, guides, plans, measures and resources.

Every model is strict (no type coercion) and rejects unknown fields, so a typo in a bundle's
YAML is an error with a location, not silently ignored data. Ids are stable across versions:
updates, favourites and print history refer to them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from vnr_desktop.core.clean_text import clean_line, clean_multiline
from vnr_desktop.core.phones import PhoneFormatError, PhoneNumber, parse_phone

# --------------------------------------------------------------------------- base types

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*$"
REF_PATTERN = r"^([a-z][a-z0-9-]*:)?[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*$"
BUNDLE_ID_PATTERN = r"^[a-z][a-z0-9-]{1,31}$"

ItemId = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80)]
"""An item id, unique within its bundle (e.g. ``krisesenter``, ``tiltak.12``)."""

ItemRef = Annotated[str, StringConstraints(pattern=REF_PATTERN, min_length=1, max_length=120)]
"""A reference to an item: a bare id within the same bundle, or ``bundle:id`` across bundles."""

BundleId = Annotated[str, StringConstraints(pattern=BUNDLE_ID_PATTERN)]
Text = Annotated[
    str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(clean_multiline)
]
"""Multi-line text (descriptions, notes): tab and line feed allowed, no other invisible
character (core.clean_text)."""
ShortText = Annotated[
    str, StringConstraints(min_length=1, max_length=500), AfterValidator(clean_line)
]
"""One line of text (names, labels, hours, numbers): no invisible character at all."""
Kommunenummer = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]

Language = Literal["nb", "nn", "en", "se"]

MAX_BUNDLE_VERSION = 2**31 - 1


class StrictModel(BaseModel):
    """Base for every content model: strict types, unknown fields rejected, immutable.

    Every string of every field is clean text (core.clean_text), whatever its type: a field
    added later without ``Text``/``ShortText`` still refuses characters a reader cannot see.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _every_string_is_clean(cls, value: object) -> object:
        _check_strings(value)
        return value


def _check_strings(value: object) -> None:
    if isinstance(value, str):
        clean_multiline(value)
    elif isinstance(value, list | tuple):
        for v in value:
            _check_strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_strings(k)
            _check_strings(v)


# --------------------------------------------------------------------------- provenance


DatePrecision = Literal["day", "month", "year"]
"""How much of a date the source states: a full date, a month ("desember 2008"), or only a
year for an undated document known by its plan period (shown "2021 (kilden er udatert)")."""

ProvenanceKind = Literal["source", "general-knowledge"]
"""Where a statement comes from: a source document of the bundle, or general knowledge the
project adds (today's legal reference, an official kommunenummer) and says so to the reader."""


class SourceDocument(StrictModel):
    """A document the bundle's facts were taken from."""

    id: ItemId
    title: ShortText
    publisher: ShortText
    date: date
    date_precision: DatePrecision = Field(
        default="day", description="how much of `date` the document states"
    )
    url: ShortText | None = None
    note: Text | None = None


class Provenance(StrictModel):
    """Where a fact came from and as of when. Required on every contact and item."""

    source: ItemId = Field(description="id of a SourceDocument in the bundle manifest")
    section: ShortText = Field(description="section, appendix or page in the source")
    as_of: date = Field(description="the date the source states the fact was true")
    as_of_precision: DatePrecision = Field(
        default="day",
        description="'year' when the source is undated and only its year is known",
    )
    note: Text | None = None


class ConflictValue(StrictModel):
    """One of the values the sources give for a disputed fact."""

    value: ShortText
    source: ItemId
    section: ShortText
    note: Text | None = None


class ConflictDecision(StrictModel):
    """Which value is shown and printed, and why."""

    chosen: ShortText
    reason: Text


class Conflict(StrictModel):
    """Sources disagree about a fact (or one contains a typo).

    A conflict without a decision stops ``bundle build``: a known-wrong value must never reach
    a card.
    """

    field: ShortText = Field(description="what is disputed, e.g. 'phones[0]' or 'address'")
    values: list[ConflictValue] = Field(min_length=2)
    decision: ConflictDecision | None = None

    @model_validator(mode="after")
    def _decision_is_one_of_the_values(self) -> Conflict:
        if self.decision is not None:
            options = {v.value for v in self.values}
            if self.decision.chosen not in options:
                raise ValueError(
                    f"decision.chosen {self.decision.chosen!r} is not one of the values "
                    f"{sorted(options)}"
                )
        return self


# --------------------------------------------------------------------------- municipalities


class Municipality(StrictModel):
    number: Kommunenummer = Field(description="official kommunenummer, four digits")
    name: ShortText
    number_provenance: ProvenanceKind = Field(
        default="source", description="'general-knowledge' when no source prints the number"
    )
    name_provenance: ProvenanceKind = Field(
        default="source", description="'general-knowledge' when no source prints the name"
    )


# --------------------------------------------------------------------------- contacts

ContactCategory = Literal[
    "emergency",  # 112, 113, 110
    "police",
    "legevakt",
    "barnevern",
    "barnevernvakt",
    "krisesenter",
    "familievern",
    "overgrepsmottak",
    "barnehus",  # Statens barnehus
    "helpline",
    "competence_team",
    "support_organisation",
    "municipal_service",
    "health_service",  # BUP, DPS, helsestasjon
    "conflict_council",  # konfliktrådet
    "nav",
    "violence_help",  # help for people who use violence (ATV, Sinnemestring...)
    "other",
]

Audience = Literal[
    "children",
    "young_people",
    "adults",
    "older",
    "violence_users",
    "professionals",
    "everyone",
]

Availability = Literal["acute", "daytime", "both", "unknown"]


class Phone(StrictModel):
    """A phone number as printed in the source, with its label and opening hours."""

    number: ShortText = Field(description="display form as printed, e.g. '61 18 95 44'")
    label: ShortText | None = None
    hours: ShortText | None = Field(default=None, description="e.g. 'hele døgnet', 'man–fre 09–15'")
    sms: bool = False
    voice: bool = True

    @field_validator("number")
    @classmethod
    def _number_has_valid_form(cls, value: str) -> str:
        try:
            parse_phone(value)
        except PhoneFormatError as exc:
            raise ValueError(str(exc)) from None
        return value

    @property
    def parsed(self) -> PhoneNumber:
        return parse_phone(self.number)

    @property
    def digits(self) -> str:
        """Normalised digits, country code included for foreign numbers (``+46...``)."""
        return self.parsed.digits

    @property
    def display(self) -> str:
        """The form a person sees (``61 17 55 60``, ``952 63 610``); ``number`` keeps the
        source's spelling."""
        return self.parsed.display

    @property
    def tel_uri(self) -> str:
        return self.parsed.tel_uri


class Contact(StrictModel):
    """A service or person to call. Never without provenance."""

    kind: Literal["contact"] = "contact"
    id: ItemId
    name: ShortText
    aliases: list[ShortText] = []
    category: ContactCategory
    description: Text | None = None
    phones: list[Phone] = []
    no_phone_reason: Text | None = Field(
        default=None,
        description="required when phones is empty: why the source gives no number",
    )
    email: ShortText | None = None
    web: ShortText | None = None
    address: ShortText | None = None
    serves: list[Audience] = Field(min_length=1)
    availability: Availability = "unknown"
    anonymous: bool | None = Field(default=None, description="None: the source does not say")
    languages: list[ShortText] = []
    municipalities: list[Kommunenummer] = Field(
        default=[], description="kommunenummer covered; empty means the bundle's whole coverage"
    )
    provenance: Provenance
    conflicts: list[Conflict] = []
    tags: list[ShortText] = []

    @model_validator(mode="after")
    def _phone_or_reason(self) -> Contact:
        if not self.phones and not self.no_phone_reason:
            raise ValueError(
                "a contact without phones must say why in no_phone_reason "
                "(never fill in a number from memory)"
            )
        return self


# --------------------------------------------------------------------------- guides

GuideAudience = Literal[
    "child",
    "young_person",
    "adult",
    "older",
    "violence_user",
    "professional",
    "everyone",
]

Situation = Literal[
    "child_exposed",
    "child_witness",
    "child_sexual_abuse",
    "adult",
    "older_at_risk",
    "violence_user",
    "honour_violence",
    "negative_social_control",
    "forced_marriage",
    "fgm",
    "general",
]

SectionKind = Literal[
    "se",  # signs
    "spor",  # how to ask
    "avklar",  # what to do: document, consult, involve leader
    "handle",  # acute situations, whom to call
    "duties",  # legal duties
    "definitions",
    "forms",  # forms of violence
    "risk_factors",
    "info",
]


class LegalRef(StrictModel):
    """A legal reference: as a source cites it (``provenance: source``, the default), or today's
    reference added by the project (``provenance: general-knowledge``), which the reader sees
    labelled as such. A source's reference to a repealed or renumbered provision stays as the
    source printed it, marked ``outdated``."""

    law: ShortText = Field(description="e.g. 'straffeloven', 'barnevernsloven'")
    section: ShortText = Field(description="e.g. '§ 196'")
    title: ShortText | None = None
    summary: Text | None = None
    provenance: ProvenanceKind = "source"
    outdated: bool = Field(
        default=False, description="the source cites a repealed or renumbered provision"
    )

    @model_validator(mode="after")
    def _general_knowledge_is_current(self) -> LegalRef:
        if self.outdated and self.provenance == "general-knowledge":
            raise ValueError("a reference from general knowledge is today's, never outdated")
        return self


class Block(StrictModel):
    """A piece of a guide section: an optional heading, some text and/or a bullet list."""

    heading: ShortText | None = None
    text: Text | None = None
    items: list[Text] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Block:
        if not (self.heading or self.text or self.items):
            raise ValueError("a block needs a heading, text or items")
        return self


class GuideSection(StrictModel):
    kind: SectionKind
    title: ShortText
    intro: Text | None = None
    blocks: list[Block] = []
    contacts: list[ItemRef] = Field(default=[], description="contacts to show with this section")
    legal_refs: list[LegalRef] = []


class Guide(StrictModel):
    kind: Literal["guide"] = "guide"
    id: ItemId
    title: ShortText
    aliases: list[ShortText] = []
    summary: Text | None = None
    audience: list[GuideAudience] = Field(min_length=1)
    situations: list[Situation] = Field(min_length=1)
    sections: list[GuideSection] = Field(min_length=1)
    language: Language = "nb"
    provenance: Provenance
    tags: list[ShortText] = []


# --------------------------------------------------------------------------- plans and measures

MeasureStatus = Literal["i_gang", "planlagt", "foreslatt", "gjennomfort", "ukjent"]
MEASURE_PROGRESS: tuple[MeasureStatus, ...] = (
    "ukjent",
    "foreslatt",
    "planlagt",
    "i_gang",
    "gjennomfort",
)
"""Status codes from least to most advanced (core/measures.py holds the rules that use it)."""
Scope = Literal["local", "regional", "national"]


class FocusArea(StrictModel):
    """An innsatsområde (or chapter) of a plan."""

    id: ItemId
    title: ShortText
    goal: Text | None = None


class Plan(StrictModel):
    kind: Literal["plan"] = "plan"
    id: ItemId
    title: ShortText
    aliases: list[ShortText] = []
    period_start: int = Field(ge=1990, le=2100)
    period_end: int = Field(ge=1990, le=2100)
    municipalities: list[Kommunenummer] = []
    owner: ShortText | None = Field(default=None, description="who adopted the plan")
    adopted: date | None = None
    revised: date | None = None
    summary: Text | None = None
    goals: list[Text] = []
    focus_areas: list[FocusArea] = []
    provenance: Provenance

    @model_validator(mode="after")
    def _period_in_order(self) -> Plan:
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        return self


class Measure(StrictModel):
    """A tiltak: who does what by when, and how far it has come."""

    kind: Literal["measure"] = "measure"
    id: ItemId
    plan: ItemId
    number: ShortText = Field(description="the measure's number as the plan prints it")
    title: Text
    aliases: list[ShortText] = []
    focus_area: ItemId | None = Field(default=None, description="id of a FocusArea of the plan")
    section: ShortText | None = Field(default=None, description="the plan's avsnitt or chapter")
    goal: Text | None = None
    description: Text | None = None
    target_group: ShortText | None = None
    responsible: list[ShortText] = []
    deadline: date | None = None
    period: ShortText | None = Field(default=None, description="e.g. '2024–2027', 'årlig'")
    status: MeasureStatus = "ukjent"
    part_statuses: list[MeasureStatus] = Field(
        default=[],
        description="the status code of each part, in order, when the source gives one per part",
    )
    status_text: Text | None = None
    scope: Scope = "local"
    provenance: Provenance

    @model_validator(mode="after")
    def _status_is_least_advanced_part(self) -> Measure:
        # A measure is never shown as further along than its least advanced part.
        if self.part_statuses:
            least = min(self.part_statuses, key=MEASURE_PROGRESS.index)
            if self.status != least:
                raise ValueError(
                    f"status {self.status!r} must be the least advanced of part_statuses "
                    f"({least!r}); never show a rosier status than a part has"
                )
        return self


# --------------------------------------------------------------------------- resources

ResourceKind = Literal["programme", "training", "website", "brochure", "tool", "other"]


class Resource(StrictModel):
    """A programme, training offer or information resource a plan names (ICDP, TIBIR...)."""

    kind: Literal["resource"] = "resource"
    id: ItemId
    name: ShortText
    aliases: list[ShortText] = []
    resource_kind: ResourceKind
    description: Text | None = None
    audience: list[Audience] = []
    web: ShortText | None = None
    provider: ShortText | None = None
    provenance: Provenance


Item = Contact | Guide | Plan | Measure | Resource
ITEM_MODELS: dict[str, type[Item]] = {
    "contact": Contact,
    "guide": Guide,
    "plan": Plan,
    "measure": Measure,
    "resource": Resource,
}
"""Each item kind (``Item.kind``, the library's ``items.kind`` column) and its model: the one
kind -> model table (content files list them under the plural, ``bundle_content.ITEM_LISTS``)."""
ITEM_KINDS: tuple[str, ...] = tuple(ITEM_MODELS)

# --------------------------------------------------------------------------- manifest


class Manifest(StrictModel):
    id: BundleId
    title: ShortText
    version: int = Field(
        ge=1,
        # SQLite stores it as a 64-bit integer; a larger one failed the install (OverflowError).
        le=MAX_BUNDLE_VERSION,
        description="increases with every published change",
    )
    issued: date
    coverage: Literal["national"] | list[Municipality]
    language: Language = "nb"
    description: Text | None = None
    publisher: ShortText
    sources: list[SourceDocument] = Field(min_length=1)
    min_app_version: ShortText | None = None
    aliases: list[ShortText] = []
    publish_url: ShortText | None = Field(
        default=None,
        description="where the publisher serves the feed folder and its website (https; http "
        "for tests); cards from this bundle carry a QR code to their page there",
    )

    @field_validator("publish_url")
    @classmethod
    def _publish_url_is_web_address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in {"https", "http"} or not parts.hostname:
            raise ValueError("publish_url must be an https:// address (http:// only for tests)")
        if parts.query or parts.fragment or any(ch.isspace() for ch in value):
            raise ValueError("publish_url must be a plain address without spaces, ? or #")
        return value if value.endswith("/") else value + "/"

    @field_validator("coverage")
    @classmethod
    def _coverage_not_empty(
        cls, value: Literal["national"] | list[Municipality]
    ) -> Literal["national"] | list[Municipality]:
        if isinstance(value, list):
            if not value:
                raise ValueError("coverage needs at least one municipality or 'national'")
            numbers = [m.number for m in value]
            dupes = sorted({n for n in numbers if numbers.count(n) > 1})
            if dupes:
                raise ValueError(f"municipality listed twice: {', '.join(dupes)}")
        return value

    @property
    def is_national(self) -> bool:
        return self.coverage == "national"

    @property
    def municipalities(self) -> list[Municipality]:
        return [] if isinstance(self.coverage, str) else list(self.coverage)


def item_title(item: Item) -> str:
    """The display title of any item."""
    if isinstance(item, Contact | Resource):
        return item.name
    if isinstance(item, Measure):
        return f"{item.number} {item.title}" if not re.match(r"^\s*$", item.number) else item.title
    return item.title
