"""What a check, an update, an import and an export report: plain messages in bokmål and
English, and dicts for ``--json``."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from vnr_desktop.core.library import InstallResult
from vnr_desktop.core.sync.catalog import Catalog, CatalogBundle
from vnr_desktop.core.sync.changes import BundleChanges, StalePrint
from vnr_desktop.core.sync.errors import SyncError


def date_nb(value: _dt.date | _dt.datetime) -> str:
    return value.strftime("%d.%m.%Y")


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text)[:4]) or (0,)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class FeedStatus:
    """How fresh the content from one feed is (for the status bar and the about box)."""

    feed_id: str
    sequence: int
    issued: _dt.datetime
    expires: _dt.datetime
    checked_at: str
    expired: bool

    @property
    def message(self) -> str:
        if self.expired:
            return f"Innhold bekreftet {date_nb(self.issued)}, kan være utdatert"
        return f"Innhold bekreftet {date_nb(self.issued)}"

    @property
    def message_en(self) -> str:
        if self.expired:
            return f"Content confirmed {self.issued:%Y-%m-%d}, may be out of date"
        return f"Content confirmed {self.issued:%Y-%m-%d}"


@dataclass(frozen=True)
class PlannedUpdate:
    entry: CatalogBundle
    installed_version: int | None

    @property
    def bundle_id(self) -> str:
        return self.entry.id

    def as_dict(self) -> dict[str, object]:
        return {
            "bundle": self.entry.id,
            "installed_version": self.installed_version,
            "version": self.entry.version,
            "size": self.entry.size,
            "changelog": self.entry.changelog,
        }


@dataclass(frozen=True)
class Skipped:
    bundle_id: str
    reason: str
    reason_en: str

    def as_dict(self) -> dict[str, str]:
        return {"bundle": self.bundle_id, "reason": self.reason, "reason_en": self.reason_en}


@dataclass
class CheckResult:
    source: str
    catalog: Catalog
    not_modified: bool
    updates: list[PlannedUpdate]
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    requests: int = 0
    bytes_received: int = 0
    site_problems: list[str] = field(default_factory=list)
    site_problems_en: list[str] = field(default_factory=list)
    """The feed's website differs from its signed site manifest (content is not affected)."""
    expired: bool = False
    revoked_notes: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))
    """The warnings about installed bundles signed by a revoked key (part of ``warnings``)."""

    @property
    def feed_id(self) -> str:
        return self.catalog.feed

    @property
    def message(self) -> str:
        if not self.updates:
            text = "Innholdet er oppdatert; ingenting nytt."
        else:
            names = ", ".join(f"{u.bundle_id} v{u.entry.version}" for u in self.updates)
            text = f"Oppdatering tilgjengelig: {names}."
        return " ".join([text, *self.warnings, *self.site_problems])

    @property
    def message_en(self) -> str:
        if not self.updates:
            text = "Content is up to date; nothing new."
        else:
            names = ", ".join(f"{u.bundle_id} v{u.entry.version}" for u in self.updates)
            text = f"Update available: {names}."
        return " ".join([text, *self.warnings_en, *self.site_problems_en])

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "feed": self.catalog.feed,
            "sequence": self.catalog.sequence,
            "issued": self.catalog.issued.isoformat(),
            "expires": self.catalog.expires.isoformat(),
            "not_modified": self.not_modified,
            "updates": [u.as_dict() for u in self.updates],
            "skipped": [s.as_dict() for s in self.skipped],
            "warnings": self.warnings,
            "site_problems": self.site_problems,
            "message": self.message,
            "message_en": self.message_en,
            "requests": self.requests,
            "bytes_received": self.bytes_received,
        }


@dataclass(frozen=True)
class Failure:
    bundle_id: str
    error: SyncError

    def as_dict(self) -> dict[str, str]:
        return {"bundle": self.bundle_id, **self.error.as_dict()}


@dataclass
class UpdateResult:
    source: str
    installed: list[InstallResult] = field(default_factory=list)
    changes: list[BundleChanges] = field(default_factory=list)
    stale_prints: list[StalePrint] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    bytes_received: int = 0
    check: CheckResult | None = None

    @property
    def changed(self) -> list[InstallResult]:
        return [r for r in self.installed if r.status in {"installed", "updated"}]

    @property
    def message(self) -> str:
        parts: list[str] = []
        if self.changed:
            parts.append(
                "Oppdatert: "
                + ", ".join(
                    f"{r.bundle_id} v{r.version}"
                    + (f" (fra v{r.previous_version})" if r.previous_version else "")
                    for r in self.changed
                )
                + "."
            )
        elif not self.failed:
            parts.append("Ingenting nytt å installere.")
        if self.stale_prints:
            parts.append(
                f"{len(self.stale_prints)} trykte kort har utdatert innhold og bør skrives ut på nytt."
            )
        for f in self.failed:
            parts.append(f"{f.bundle_id}: {f.error.message}")
        return " ".join(parts + self.warnings)

    @property
    def message_en(self) -> str:
        parts: list[str] = []
        if self.changed:
            parts.append(
                "Updated: " + ", ".join(f"{r.bundle_id} v{r.version}" for r in self.changed) + "."
            )
        elif not self.failed:
            parts.append("Nothing new to install.")
        if self.stale_prints:
            parts.append(
                f"{len(self.stale_prints)} printed cards are out of date and should be reprinted."
            )
        for f in self.failed:
            parts.append(f"{f.bundle_id}: {f.error.message_en}")
        return " ".join(parts + self.warnings_en)

    def change_lines(self) -> list[str]:
        out: list[str] = []
        for c in self.changes:
            old = f"v{c.old_version}" if c.old_version else "ny"
            out.append(f"{c.bundle_id} ({old} -> v{c.new_version}):")
            out += [f"  {line}" for line in c.lines()]
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "installed": [
                {
                    "bundle": r.bundle_id,
                    "version": r.version,
                    "status": r.status,
                    "previous_version": r.previous_version,
                }
                for r in self.installed
            ],
            "changes": [c.as_dict() for c in self.changes],
            "stale_prints": [s.as_dict() for s in self.stale_prints],
            "skipped": [s.as_dict() for s in self.skipped],
            "failed": [f.as_dict() for f in self.failed],
            "warnings": self.warnings,
            "message": self.message,
            "message_en": self.message_en,
            "bytes_received": self.bytes_received,
        }


@dataclass(frozen=True)
class ExportResult:
    region: str
    version: int
    out_dir: Path
    files: list[Path]
    with_catalog: bool

    @property
    def message(self) -> str:
        return (
            f"{self.region} v{self.version} er eksportert til {self.out_dir}. "
            "Mappen kan importeres med «Importer fra mappe…» og sjekkes med minisign."
        )

    @property
    def message_en(self) -> str:
        return f"{self.region} v{self.version} was exported to {self.out_dir}."
