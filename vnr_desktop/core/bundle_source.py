"""Load and validate a bundle source folder (manifest.yaml + content YAML files).

``load_bundle_dir`` never raises for bad content: it returns every problem it finds as a
located Diagnostic (file, line, column, field path, plain message), and the content only when
there is no error.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vnr_desktop.core.bundle_content import ITEM_LISTS, BundleContent
from vnr_desktop.core.diagnostics import Diagnostic, format_path
from vnr_desktop.core.ids import PRIMARY_TAG
from vnr_desktop.core.models import Contact, Guide, Manifest, Measure, StrictModel
from vnr_desktop.core.phones import PhoneNumber, rejected_numbers
from vnr_desktop.core.yaml_safe import (
    DEFAULT_ENGINE,
    LoadedYaml,
    YamlLoadError,
    load_yaml_file,
)

MAX_FILES = 500

ExternalIds = Callable[[str], set[str] | None]
"""Given a bundle id, the item ids it holds, or None when that bundle is not available."""


@dataclass
class SourceLoadResult:
    bundle: BundleContent | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        return self.bundle is not None and not self.errors


def _plain_message(err: Mapping[str, Any]) -> str:
    """Pydantic's message, rephrased for a content editor where that helps."""
    kind = err.get("type", "")
    loc = err.get("loc", ())
    name = loc[-1] if loc else ""
    value = err.get("input")
    if kind == "extra_forbidden":
        return f"unknown field {name!r} (check the spelling; see CONTENT.md for the fields)"
    if kind == "missing":
        return f"required field {name!r} is missing"
    if kind == "string_type" and isinstance(value, int | float):
        return f'expected text, got the number {value}: put it in quotes, e.g. "{value}"'
    if kind == "string_type" and isinstance(value, dict):
        return (
            "expected text, got a mapping: a ': ' inside the text makes YAML read a key; "
            "put the whole text in quotes"
        )
    if kind == "string_type" and isinstance(value, _dt.date):
        return f"expected text, got the date {value}: put it in quotes"
    if kind in {"date_type", "date_from_datetime_parsing", "date_parsing"}:
        return f"expected a date written as YYYY-MM-DD, got {value!r}"
    if kind == "literal_error":
        return (
            f"{value!r} is not allowed here: {err.get('msg', '').removeprefix('Input should be ')}"
        )
    if kind == "string_pattern_mismatch" and name in {"id", "source", "plan", "focus_area"}:
        return (
            f"{value!r} is not a valid id: use lowercase letters, digits, '-', '_' and '.' "
            "(e.g. 'krisesenter' or 'tiltak.12')"
        )
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


class DiagnosticCollector:
    """Located diagnostics gathered while checking YAML sources (bundles and card definitions)."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def add(
        self,
        severity: str,
        message: str,
        doc: LoadedYaml | None,
        path: tuple[str | int, ...] = (),
        code: str = "invalid",
        file: str | None = None,
    ) -> None:
        line = column = None
        if doc is not None:
            pos = doc.position(path)
            if pos:
                line, column = pos
        self.diagnostics.append(
            Diagnostic(
                severity="error" if severity == "error" else "warning",
                message=message,
                file=file or (doc.file if doc else ""),
                line=line,
                column=column,
                path=format_path(path),
                code=code,
            )
        )

    def validation_errors(
        self, exc: ValidationError, doc: LoadedYaml, prefix: tuple[str | int, ...]
    ) -> None:
        for err in exc.errors():
            loc = tuple(
                p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))
            )
            # Union members add a tag to loc (e.g. "list[Municipality]"): drop those.
            loc = tuple(
                p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("literal")))
            )
            self.add("error", _plain_message(err), doc, (*prefix, *loc), code="schema")


def _content_files(root: Path) -> list[Path]:
    files = [
        p
        for p in root.rglob("*")
        if p.suffix in {".yaml", ".yml"}
        and p.name not in {"manifest.yaml", "manifest.yml"}
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return sorted(files)


def load_bundle_dir(
    root: Path,
    *,
    strict: bool = False,
    external_ids: ExternalIds | None = None,
    display_root: str | None = None,
    engine: str = DEFAULT_ENGINE,
) -> SourceLoadResult:
    """Load and validate the bundle source folder ``root``.

    ``strict`` (used by ``bundle build``) turns unresolved conflicts into errors.
    ``external_ids`` resolves ``bundle:id`` references to other bundles.
    ``engine``: the YAML parser (core/yaml_safe.py; SHIPPED_ENGINE for the built-in bundles).
    """
    out = DiagnosticCollector()
    root = Path(root)
    shown = display_root if display_root is not None else str(root)

    def rel(p: Path) -> str:
        return str(Path(shown) / p.relative_to(root))

    if not root.is_dir():
        out.add(
            "error",
            "not a folder (a bundle source is a folder with manifest.yaml)",
            None,
            file=shown,
        )
        return SourceLoadResult(None, out.diagnostics)

    manifest = _load_manifest(root / "manifest.yaml", rel, out, engine)

    files = _content_files(root)
    if len(files) > MAX_FILES:
        out.add(
            "error",
            f"the bundle has {len(files)} content files; at most {MAX_FILES}",
            None,
            file=shown,
        )
        files = files[:MAX_FILES]

    items = _LoadedItems()
    for path in files:
        items.load_file(path, rel(path), out, engine)

    if manifest is None:
        return SourceLoadResult(None, out.diagnostics)

    content = BundleContent(manifest=manifest, **items.lists)  # type: ignore[arg-type]
    _cross_check(
        content,
        items.origin,
        out,
        strict=strict,
        external_ids=external_ids,
        check_refs=not items.unreadable,
        failed_ids=items.failed_ids,
    )
    has_errors = any(d.severity == "error" for d in out.diagnostics)
    return SourceLoadResult(None if has_errors else content, out.diagnostics)


def _load_manifest(
    manifest_path: Path, rel: Callable[[Path], str], out: DiagnosticCollector, engine: str
) -> Manifest | None:
    """The folder's manifest.yaml, or None (with the reason in ``out``)."""
    if not manifest_path.is_file():
        out.add("error", "manifest.yaml is missing", None, file=rel(manifest_path), code="manifest")
        return None
    try:
        doc = load_yaml_file(manifest_path, rel(manifest_path), engine)
    except YamlLoadError as exc:
        out.diagnostics.append(
            Diagnostic("error", exc.message, exc.file, exc.line, exc.column, code="yaml")
        )
        return None
    if not isinstance(doc.data, dict):
        out.add("error", "manifest.yaml must be a mapping of fields", doc)
        return None
    try:
        return Manifest.model_validate(doc.data)
    except ValidationError as exc:
        out.validation_errors(exc, doc, ())
        return None


@dataclass
class _LoadedItems:
    """The valid items of a source folder's content files, and where each came from."""

    lists: dict[str, list[StrictModel]] = field(
        default_factory=lambda: {key: [] for key in ITEM_LISTS}
    )
    origin: dict[int, tuple[LoadedYaml, tuple[str | int, ...]]] = field(default_factory=dict)
    # Ids of items that failed validation, and whether a whole file was unreadable: reference
    # checks then stay quiet rather than burying the real error under follow-on "dangling" ones.
    failed_ids: set[str] = field(default_factory=set)
    unreadable: bool = False

    def load_file(
        self, path: Path, shown: str, out: DiagnosticCollector, engine: str = DEFAULT_ENGINE
    ) -> None:
        try:
            doc = load_yaml_file(path, shown, engine)
        except YamlLoadError as exc:
            out.diagnostics.append(
                Diagnostic("error", exc.message, exc.file, exc.line, exc.column, code="yaml")
            )
            self.unreadable = True
            return
        if doc.data is None:
            out.add("warning", "the file is empty", doc, code="empty")
            return
        if not isinstance(doc.data, dict):
            out.add(
                "error",
                f"a content file must be a mapping with keys among {', '.join(ITEM_LISTS)}",
                doc,
            )
            return
        for key, value in doc.data.items():
            if key not in ITEM_LISTS:
                out.add(
                    "error",
                    f"unknown section {key!r}: a content file may hold {', '.join(ITEM_LISTS)}",
                    doc,
                    (key,),
                )
                continue
            if not isinstance(value, list):
                out.add("error", f"{key!r} must be a list (items start with '- ')", doc, (key,))
                continue
            self.load_list(doc, key, value, out)

    def load_list(
        self, doc: LoadedYaml, key: str, value: list[Any], out: DiagnosticCollector
    ) -> None:
        model = ITEM_LISTS[key]
        for index, raw in enumerate(value):
            if not isinstance(raw, dict):
                out.add("error", "each item must be a mapping of fields", doc, (key, index))
                continue
            try:
                item = model.model_validate(raw)
            except ValidationError as exc:
                out.validation_errors(exc, doc, (key, index))
                if isinstance(raw.get("id"), str):
                    self.failed_ids.add(raw["id"])
                continue
            self.lists[key].append(item)
            self.origin[id(item)] = (doc, (key, index))


def check_content(
    content: BundleContent,
    *,
    strict: bool = False,
    external_ids: ExternalIds | None = None,
) -> list[Diagnostic]:
    """The cross-checks ``load_bundle_dir`` runs on a source folder, run on parsed content.

    Used for content that arrives already parsed (a signed bundle archive): diagnostics carry
    field paths but no file positions.
    """
    collector = DiagnosticCollector()
    _cross_check(content, {}, collector, strict=strict, external_ids=external_ids)
    return collector.diagnostics


Where = Callable[..., tuple[LoadedYaml | None, tuple[str | int, ...]]]
"""Given an item and a field path below it: the YAML document and full path it came from."""


def _cross_check(
    content: BundleContent,
    origin: dict[int, tuple[LoadedYaml, tuple[str | int, ...]]],
    out: DiagnosticCollector,
    *,
    strict: bool,
    external_ids: ExternalIds | None,
    check_refs: bool = True,
    failed_ids: frozenset[str] | set[str] = frozenset(),
) -> None:
    manifest = content.manifest
    source_ids = {s.id for s in manifest.sources}
    coverage = {m.number for m in manifest.municipalities}

    def where(item: object, *sub: str | int) -> tuple[LoadedYaml | None, tuple[str | int, ...]]:
        doc, path = origin.get(id(item), (None, ()))
        return doc, (*path, *sub)

    ids = _check_ids_and_provenance(content, source_ids, where, out)
    plans = {p.id: p for p in content.plans}
    for measure in content.measures:
        if check_refs and measure.plan not in failed_ids:
            _check_measure(measure, plans, where, out)

    for contact in content.contacts:
        _check_contact(contact, source_ids, coverage, where, out, strict=strict)

    _check_primaries(content.contacts, where, out)

    contact_ids = {c.id for c in content.contacts} | set(failed_ids)
    if check_refs:
        for guide in content.guides:
            _check_guide_refs(guide, content.id, contact_ids, ids, where, out, external_ids)


def _check_ids_and_provenance(
    content: BundleContent, source_ids: set[str], where: Where, out: DiagnosticCollector
) -> set[str]:
    """Ids are unique; every item names a listed source and an as_of not in the future.

    Returns the bundle's item ids."""
    manifest = content.manifest
    today = _dt.date.today()
    seen: dict[str, object] = {}
    for item in content.items():
        doc, path = where(item, "id")
        if item.id in seen:
            first_doc, first_path = where(seen[item.id])
            first_pos = first_doc.position(first_path) if first_doc else None
            first_item = seen[item.id]
            name = getattr(first_item, "name", None) or getattr(first_item, "title", None)
            first = (
                f"first used at {first_doc.file}:{first_pos[0]}"
                if first_doc and first_pos
                else f"already used by the {type(first_item).__name__.lower()}"
                + (f" {name!r}" if name else "")
                + " in this bundle"
            )
            out.add(
                "error",
                f"duplicate id {item.id!r} ({first})",
                doc,
                path,
                code="duplicate-id",
            )
        else:
            seen[item.id] = item

        prov = item.provenance
        if prov.source not in source_ids:
            doc, path = where(item, "provenance", "source")
            out.add(
                "error",
                f"source {prov.source!r} is not listed in manifest.yaml sources "
                f"({', '.join(sorted(source_ids))})",
                doc,
                path,
                code="provenance",
            )
        if prov.as_of > today:
            doc, path = where(item, "provenance", "as_of")
            out.add("error", f"as_of {prov.as_of} is in the future", doc, path, code="provenance")
        elif prov.as_of > manifest.issued:
            doc, path = where(item, "provenance", "as_of")
            out.add(
                "warning",
                f"as_of {prov.as_of} is after the bundle's issued date {manifest.issued}",
                doc,
                path,
                code="provenance",
            )
    return set(seen)


def _check_primaries(contacts: Iterable[Contact], where: Where, out: DiagnosticCollector) -> None:
    """At most one contact per category is tagged primary."""
    primaries: dict[str, Contact] = {}
    for contact in contacts:
        if PRIMARY_TAG in contact.tags:
            if contact.category in primaries:
                doc, path = where(contact, "tags")
                out.add(
                    "error",
                    f"two contacts are tagged primary for {contact.category!r}: "
                    f"{primaries[contact.category].id!r} and {contact.id!r}",
                    doc,
                    path,
                    code="primary",
                )
            else:
                primaries[contact.category] = contact


def _check_measure(
    measure: Measure,
    plans: dict[str, Any],
    where: Where,
    out: DiagnosticCollector,
) -> None:
    plan = plans.get(measure.plan)
    if plan is None:
        doc, path = where(measure, "plan")
        out.add(
            "error",
            f"plan {measure.plan!r} does not exist in this bundle",
            doc,
            path,
            code="dangling",
        )
        return
    if measure.focus_area is not None:
        areas = {a.id for a in plan.focus_areas}
        if measure.focus_area not in areas:
            doc, path = where(measure, "focus_area")
            out.add(
                "error",
                f"focus_area {measure.focus_area!r} is not one of plan {plan.id!r}'s focus areas",
                doc,
                path,
                code="dangling",
            )


def _check_contact(
    contact: Contact,
    source_ids: set[str],
    coverage: set[str],
    where: Where,
    out: DiagnosticCollector,
    *,
    strict: bool,
) -> None:
    if not contact.phones:
        doc, path = where(contact, "phones")
        out.add(
            "warning",
            f"{contact.name} has no phone number in the source ({contact.no_phone_reason}); "
            "cards print the national fallback and a blank line for the local number",
            doc,
            path,
            code="missing-number",
        )
    for n, number in enumerate(contact.municipalities):
        if coverage and number not in coverage:
            doc, path = where(contact, "municipalities", n)
            out.add("error", f"kommunenummer {number} is not in the bundle's coverage", doc, path)
    digits_seen: dict[PhoneNumber, int] = {}
    for n, phone in enumerate(contact.phones):
        if phone.parsed in digits_seen:
            doc, path = where(contact, "phones", n, "number")
            out.add(
                "warning",
                f"the number {phone.number} is listed twice",
                doc,
                path,
                code="duplicate-number",
            )
        digits_seen[phone.parsed] = n
    for n, conflict in enumerate(contact.conflicts):
        for m, value in enumerate(conflict.values):
            if value.source not in source_ids:
                doc, path = where(contact, "conflicts", n, "values", m, "source")
                out.add(
                    "error",
                    f"source {value.source!r} is not listed in manifest.yaml sources",
                    doc,
                    path,
                )
        if conflict.decision is None:
            doc, path = where(contact, "conflicts", n)
            values = " / ".join(v.value for v in conflict.values)
            out.add(
                "error" if strict else "warning",
                f"unresolved conflict about {contact.name} {conflict.field}: {values}. "
                "Add a decision (chosen value and reason) before the bundle can be built",
                doc,
                path,
                code="unresolved-conflict",
            )
            continue
    rejected = rejected_numbers(contact.conflicts)
    for n, phone in enumerate(contact.phones):
        if phone.parsed in rejected:
            doc, path = where(contact, "phones", n, "number")
            out.add(
                "error",
                f"{phone.number} was rejected in a conflict decision but is still listed "
                "as a phone",
                doc,
                path,
                code="rejected-value-shown",
            )


def _check_guide_refs(
    guide: Guide,
    bundle_id: str,
    contact_ids: set[str],
    all_ids: set[str],
    where: Where,
    out: DiagnosticCollector,
    external_ids: ExternalIds | None,
) -> None:
    for s, section in enumerate(guide.sections):
        for r, ref in enumerate(section.contacts):
            doc, path = where(guide, "sections", s, "contacts", r)
            other, _, target = ref.rpartition(":")
            if not other or other == bundle_id:
                if target not in contact_ids:
                    what = "is not a contact" if target in all_ids else "does not exist"
                    out.add(
                        "error",
                        f"contact {ref!r} {what} in this bundle",
                        doc,
                        path,
                        code="dangling",
                    )
                continue
            known = external_ids(other) if external_ids else None
            if known is None:
                out.add(
                    "warning",
                    f"cannot check {ref!r}: bundle {other!r} is not available here",
                    doc,
                    path,
                    code="unchecked-ref",
                )
            elif target not in known:
                out.add(
                    "error",
                    f"contact {ref!r} does not exist in bundle {other!r}",
                    doc,
                    path,
                    code="dangling",
                )


def item_refs(content: BundleContent) -> Iterable[str]:
    """Every contact reference the bundle's guides make (for tests and tools)."""
    for guide in content.guides:
        for section in guide.sections:
            yield from section.contacts
