"""The signed catalog of a feed, and publishing a static feed folder.

A feed is a plain folder (or the same files on any static web server)::

    catalog.json            what the feed holds (signed)
    catalog.json.minisig
    bundles/ID-VERSION.vnrb (+ .minisig each)

The catalog's ``sequence`` only grows: a client refuses a catalog with a lower number than the
last one it accepted from the same feed (rollback). ``expires`` lets a client notice a feed
that stopped being refreshed (freeze); it then warns but keeps working.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from vnr_desktop.core import atomic
from vnr_desktop.core.models import BUNDLE_ID_PATTERN
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.archive import EXTENSION, MAX_ARCHIVE_BYTES, read_archive
from vnr_desktop.core.sync.errors import CatalogError

CATALOG_NAME = "catalog.json"
SIGNATURE_SUFFIX = ".minisig"
MAX_CATALOG_BYTES = 1024 * 1024
CATALOG_FORMAT: Final = "vnr-catalog"
DEFAULT_VALID_DAYS = 90

FeedId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]
RelPath = Annotated[
    str,
    StringConstraints(
        pattern=r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$", max_length=200
    ),
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CatalogBundle(_Strict):
    id: Annotated[str, StringConstraints(pattern=BUNDLE_ID_PATTERN)]
    version: int = Field(ge=1)
    title: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    issued: _dt.date
    size: int = Field(ge=1, le=MAX_ARCHIVE_BYTES)
    sha256: Sha256
    content_sha256: Sha256
    path: RelPath
    min_app_version: Annotated[str, StringConstraints(max_length=40)] | None = None
    changelog: Annotated[str, StringConstraints(max_length=4000)] | None = None

    @field_validator("path")
    @classmethod
    def _no_dot_segments(cls, value: str) -> str:
        if any(part in {".", ".."} for part in PurePosixPath(value).parts):
            raise ValueError("path must not contain '.' or '..' segments")
        return value


class Catalog(_Strict):
    format: Literal["vnr-catalog"]
    format_version: Literal[1]
    feed: FeedId
    sequence: int = Field(ge=1)
    issued: _dt.datetime
    expires: _dt.datetime
    publisher: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    bundles: list[CatalogBundle] = Field(max_length=500)

    @field_validator("bundles")
    @classmethod
    def _unique_ids(cls, value: list[CatalogBundle]) -> list[CatalogBundle]:
        ids = [b.id for b in value]
        if len(ids) != len(set(ids)):
            raise ValueError("a bundle id is listed twice")
        return value

    def bundle(self, bundle_id: str) -> CatalogBundle | None:
        return next((b for b in self.bundles if b.id == bundle_id), None)

    def is_expired(self, now: _dt.datetime | None = None) -> bool:
        return (now or _dt.datetime.now(_dt.UTC)) > self.expires

    def to_bytes(self) -> bytes:
        data = self.model_dump(mode="json")
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def parse_catalog(raw: bytes) -> Catalog:
    """Parse catalog bytes that have ALREADY been signature-checked."""
    if len(raw) > MAX_CATALOG_BYTES:
        raise CatalogError(
            "Katalogen er for stor og ble avvist.", "The catalog is too large and was refused."
        )
    try:
        catalog = Catalog.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors()
        problems = "; ".join(_plain_problem(e) for e in errors[:10])
        first = errors[0]
        where = ".".join(str(p) for p in first["loc"]) or "katalog"
        found = repr(first.get("input"))
        found = found if len(found) <= 60 else found[:57] + "..."
        raise CatalogError(
            f"Katalogen fra oppdateringskilden er ugyldig ({where}: {found} er "
            "ikke tillatt der). Ingenting er endret.",
            f"The catalog from the update source is invalid ({where}: {found} is "
            "not allowed there). Nothing was changed.",
            detail=problems,
        ) from None
    if catalog.issued.tzinfo is None or catalog.expires.tzinfo is None:
        raise CatalogError(
            "Katalogen mangler tidssone i datoene.", "The catalog's dates lack a time zone."
        )
    return catalog


_PATTERN_HELP = {
    "path": "a relative path of letters, digits, '.', '_', '-' and '/' (no '..')",
    "feed": "lower-case letters, digits, '.', '_' and '-'",
    "id": "a region id: lower-case letters, digits and '-'",
    "sha256": "64 lower-case hex digits",
    "content_sha256": "64 lower-case hex digits",
}


def _plain_problem(error: Mapping[str, Any]) -> str:
    """One validation problem in words: where, what was found, what is allowed (no regex)."""
    loc = [str(p) for p in error["loc"]]
    where = ".".join(loc)
    if error["type"] == "string_pattern_mismatch":
        allowed = _PATTERN_HELP.get(loc[-1], "another form")
        found = repr(error.get("input"))[:60]
        return f"{where}: {found} is not allowed here; expected {allowed}"
    return f"{where}: {error['msg']}"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- publish


@dataclass
class PublishResult:
    out_dir: Path
    catalog: Catalog
    written: list[Path]


def publish_feed(
    bundle_files: list[Path],
    secret: minisign.SecretKey,
    out_dir: Path,
    *,
    feed_id: str,
    publisher: str,
    sequence: int | None = None,
    valid_days: int = DEFAULT_VALID_DAYS,
    changelog: dict[str, str] | None = None,
    now: _dt.datetime | None = None,
    endorsement: Path | None = None,
    revocations: Path | None = None,
) -> PublishResult:
    """Write (or update) the static feed in ``out_dir`` with ``bundle_files``, signed.

    Bundles already in the feed and not replaced stay listed. The sequence number is the larger
    of the previous one + 1 and the current Unix time (so publishing from a fresh folder on
    another machine still moves forward), unless given explicitly.
    """
    now = (now or _dt.datetime.now(_dt.UTC)).replace(microsecond=0)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bundles").mkdir(exist_ok=True)
    changelog = changelog or {}

    previous: Catalog | None = None
    existing = out_dir / CATALOG_NAME
    if existing.is_file():
        try:
            previous = parse_catalog(existing.read_bytes())
        except CatalogError:
            previous = None
    if previous is not None and previous.feed != feed_id:
        raise CatalogError(
            f"Mappen {out_dir} har allerede en kanal med navnet {previous.feed!r}.",
            f"The folder {out_dir} already holds the feed {previous.feed!r}.",
        )

    written: list[Path] = []
    if endorsement is not None:
        written += _copy_endorsement(endorsement, secret, out_dir)
    if revocations is not None:
        written += _copy_revocations(revocations, out_dir)
    entries: dict[str, CatalogBundle] = {}
    if previous is not None:
        for b in previous.bundles:
            if (out_dir / b.path).is_file():
                entries[b.id] = b
    for src in bundle_files:
        entry, files = _add_bundle(Path(src), secret, out_dir, changelog)
        entries[entry.id] = entry
        written += files

    sequence = _next_sequence(previous, sequence)
    catalog = Catalog(
        format=CATALOG_FORMAT,
        format_version=1,
        feed=feed_id,
        sequence=sequence,
        issued=now,
        expires=now + _dt.timedelta(days=valid_days),
        publisher=publisher,
        bundles=sorted(entries.values(), key=lambda b: b.id),
    )
    raw = catalog.to_bytes()
    comment = minisign.default_trusted_comment(CATALOG_NAME, f"feed:{feed_id}\tsequence:{sequence}")
    sig = minisign.sign_bytes(secret, raw, comment)
    # Signature first, then the catalog: a client that catches the gap sees a mismatch and
    # retries later; it never accepts anything unsigned.
    previous_mtime = int(existing.stat().st_mtime) if existing.is_file() else None
    atomic.write_bytes(out_dir / (CATALOG_NAME + SIGNATURE_SUFFIX), sig.to_file_text().encode())
    atomic.write_bytes(existing, raw)
    if previous_mtime is not None and int(existing.stat().st_mtime) <= previous_mtime:
        # Web servers such as nginx derive the ETag from mtime (in seconds) and size: a second
        # catalog of the same size in the same second would look unchanged (304) to clients.
        os.utime(existing, (previous_mtime + 1, previous_mtime + 1))
    written += [existing, out_dir / (CATALOG_NAME + SIGNATURE_SUFFIX)]
    return PublishResult(out_dir, catalog, written)


def _next_sequence(previous: Catalog | None, sequence: int | None) -> int:
    """The given number, checked to move forward, or max(previous + 1, the Unix time)."""
    floor = previous.sequence + 1 if previous else 1
    if sequence is None:
        return max(floor, int(time.time()))
    if sequence < floor:
        raise CatalogError(
            f"Sekvensnummeret {sequence} er lavere enn forrige katalogs ({floor - 1}); "
            "klientene ville avvist katalogen.",
            f"Sequence {sequence} is not above the previous catalog's ({floor - 1}); "
            "clients would refuse it.",
        )
    return sequence


def _copy_endorsement(endorsement: Path, secret: minisign.SecretKey, out_dir: Path) -> list[Path]:
    """keys/<KEY ID>.pub (+ .minisig): a root's endorsement of the signing key, byte for byte."""
    pub = minisign.load_public_key(endorsement)
    if pub.key_id != secret.key_id:
        raise CatalogError(
            "Nøkkelbekreftelsen gjelder en annen nøkkel enn den som signerer.",
            "The endorsement is for another key than the signing key.",
        )
    keys_dir = out_dir / "keys"
    keys_dir.mkdir(exist_ok=True)
    written: list[Path] = []
    for src, name in (
        (endorsement, f"{pub.id_hex}.pub"),
        (endorsement.with_name(endorsement.name + SIGNATURE_SUFFIX), f"{pub.id_hex}.pub.minisig"),
    ):
        atomic.write_bytes(keys_dir / name, src.read_bytes())
        written.append(keys_dir / name)
    return written


def _copy_revocations(revocations: Path, out_dir: Path) -> list[Path]:
    """revoked.json (+ .minisig), signed by a root: clients take it before the catalog."""
    written: list[Path] = []
    for src, name in (
        (revocations, "revoked.json"),
        (revocations.with_name(revocations.name + SIGNATURE_SUFFIX), "revoked.json.minisig"),
    ):
        if src.resolve() != (out_dir / name).resolve():
            atomic.write_bytes(out_dir / name, src.read_bytes())
        written.append(out_dir / name)
    return written


def _add_bundle(
    src: Path, secret: minisign.SecretKey, out_dir: Path, changelog: dict[str, str]
) -> tuple[CatalogBundle, list[Path]]:
    """Copy one bundle into bundles/, sign it, and describe it for the catalog."""
    data = src.read_bytes()
    h = read_archive(data).header
    rel = f"bundles/{h.id}-{h.version}{EXTENSION}"
    dest = out_dir / rel
    if dest.resolve() != src.resolve():
        atomic.write_bytes(dest, data)
    comment = minisign.default_trusted_comment(dest.name, f"bundle:{h.id}\tversion:{h.version}")
    minisign.sign_file(secret, dest, comment)
    entry = CatalogBundle(
        id=h.id,
        version=h.version,
        title=h.title,
        issued=_dt.date.fromisoformat(h.issued),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        content_sha256=h.content_sha256,
        path=rel,
        min_app_version=h.min_app_version,
        changelog=changelog.get(h.id) or changelog.get("*"),
    )
    return entry, [dest, dest.with_name(dest.name + SIGNATURE_SUFFIX)]


def copy_feed_subset(
    catalog_raw: bytes,
    catalog_sig: bytes,
    files: dict[str, Path],
    out_dir: Path,
) -> list[Path]:
    """Write an existing signed catalog and some of its bundle files to ``out_dir`` unchanged."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for rel, src in files.items():
        if not re.match(r"^[A-Za-z0-9._/-]+$", rel) or ".." in rel.split("/"):
            raise CatalogError("Ugyldig filsti i katalogen.", "Invalid file path in the catalog.")
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        sig = src.with_name(src.name + SIGNATURE_SUFFIX)
        shutil.copyfile(sig, dest.with_name(dest.name + SIGNATURE_SUFFIX))
        written += [dest, dest.with_name(dest.name + SIGNATURE_SUFFIX)]
    atomic.write_bytes(out_dir / (CATALOG_NAME + SIGNATURE_SUFFIX), catalog_sig)
    atomic.write_bytes(out_dir / CATALOG_NAME, catalog_raw)
    written += [out_dir / CATALOG_NAME, out_dir / (CATALOG_NAME + SIGNATURE_SUFFIX)]
    return written
