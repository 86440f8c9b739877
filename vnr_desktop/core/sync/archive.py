"""Bundle archives (``.vnrb``): one deterministic file holding a validated bundle.

Layout (a gzip-compressed tar, readable with any tar tool)::

    bundle.json          header: format, id, version, title, issued, content_sha256
    content.json         the validated content, canonical JSON (what the app installs)
    source/manifest.yaml the editor's source files, as validated (for audit and re-editing)
    source/....yaml

The same source gives the same bytes on every machine: entries sorted, fixed times, owners and
modes, gzip header without name or time.

Reading never touches the disk and trusts nothing: the whole decompressed stream is capped,
entries must be plain files with safe relative names (no absolute paths, no ``..``, no links or
devices), each entry and the number of entries are capped, and names must be ones a bundle
holds. The signature is checked before this code ever runs (see updater.py).
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import re
import tarfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, TypeVar

from pydantic import ValidationError

from vnr_desktop.core import atomic, bundle_source
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import ExternalIds, load_bundle_dir
from vnr_desktop.core.diagnostics import Diagnostic
from vnr_desktop.core.sync.errors import ArchiveError, ContentInvalid, TooLarge, UnsafeArchive

if TYPE_CHECKING:
    from typing_extensions import Buffer

_T = TypeVar("_T")

FORMAT = "vnr-bundle"
FORMAT_VERSION = 1
EXTENSION = ".vnrb"

MAX_ARCHIVE_BYTES = 32 * 1024 * 1024
"""A bundle file (compressed) is refused above this size, before anything is read."""
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_CONTENT_JSON_BYTES = 64 * 1024 * 1024
MAX_SOURCE_FILE_BYTES = 2 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_ENTRIES = 1000

_SAFE_NAME = re.compile(r"^[^\x00-\x1f\\:*?\"<>|]+$")


@dataclass(frozen=True)
class BundleHeader:
    id: str
    version: int
    title: str
    issued: str
    content_sha256: str
    items: int
    min_app_version: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "issued": self.issued,
            "content_sha256": self.content_sha256,
            "items": self.items,
            "min_app_version": self.min_app_version,
        }


@dataclass
class BundleArchive:
    """A bundle archive read into memory (nothing validated beyond its structure)."""

    header: BundleHeader
    content_json: bytes
    source_files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class BuildResult:
    path: Path
    header: BundleHeader
    size: int
    warnings: list[Diagnostic]


class BuildRefused(ContentInvalid):
    """The source folder does not validate (strictly): nothing was written."""

    code = "build-refused"


# --------------------------------------------------------------------------- build


def _source_files(root: Path) -> list[Path]:
    """The files load_bundle_dir reads: manifest.yaml and content YAML, no hidden files."""
    files: list[Path] = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.suffix not in {".yaml", ".yml"}:
            continue
        if p.is_symlink():
            raise BuildRefused(
                f"{rel} er en symbolsk lenke: en pakke kan bare inneholde vanlige filer.",
                f"{rel} is a symbolic link: a bundle may only hold regular files.",
            )
        if p.is_file():
            files.append(p)
    return files


def _tar_entry(tar: tarfile.TarFile, name: str, data: bytes, mtime: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = mtime
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.REGTYPE
    tar.addfile(info, io.BytesIO(data))


def pack(content: BundleContent, source_files: dict[str, bytes]) -> tuple[bytes, BundleHeader]:
    """Deterministic archive bytes for validated content and its source files."""
    manifest = content.manifest
    content_json = content.to_json().encode("utf-8")
    header = BundleHeader(
        id=content.id,
        version=content.version,
        title=manifest.title,
        issued=manifest.issued.isoformat(),
        content_sha256=content.content_hash(),
        items=sum(1 for _ in content.items()),
        min_app_version=manifest.min_app_version,
    )
    mtime = int(_dt.datetime.combine(manifest.issued, _dt.time(), tzinfo=_dt.UTC).timestamp())
    tar_buf = io.BytesIO()
    with tarfile.open(fileobj=tar_buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        header_json = json.dumps(header.as_dict(), ensure_ascii=False, indent=2, sort_keys=True)
        _tar_entry(tar, "bundle.json", header_json.encode("utf-8") + b"\n", mtime)
        _tar_entry(tar, "content.json", content_json, mtime)
        for name in sorted(source_files):
            _tar_entry(tar, f"source/{name}", source_files[name], mtime)
    gz_buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=gz_buf, mtime=0, compresslevel=9) as gz:
        gz.write(tar_buf.getvalue())
    return gz_buf.getvalue(), header


def build_bundle(src: Path, out: Path, *, external_ids: ExternalIds | None = None) -> BuildResult:
    """Validate ``src`` strictly and write its archive to ``out`` (atomically)."""
    src = Path(src)
    loaded = load_bundle_dir(src, strict=True, external_ids=external_ids)
    if not loaded.ok or loaded.bundle is None:
        problems = [str(d) for d in loaded.errors] or ["the bundle could not be read"]
        raise BuildRefused(
            f"Pakken i {src} har {len(problems)} feil og ble ikke bygget.",
            f"The bundle in {src} has {len(problems)} errors and was not built.",
            detail="\n".join(problems),
            problems=problems,
        )
    files = {p.relative_to(src).as_posix(): p.read_bytes() for p in _source_files(src)}
    data, header = pack(loaded.bundle, files)
    out = Path(out)
    atomic.write_bytes(out, data)
    return BuildResult(out, header, len(data), loaded.warnings)


# --------------------------------------------------------------------------- read


class _CappedReader(io.RawIOBase):
    """A stream that raises TooLarge once more than ``cap`` bytes were read through it."""

    def __init__(self, inner: io.BufferedIOBase, cap: int) -> None:
        self.inner = inner
        self.cap = cap
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Buffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self.inner.read(len(view))
        self.count += len(data)
        if self.count > self.cap:
            raise TooLarge(
                f"Pakken pakker ut til mer enn {self.cap // (1024 * 1024)} MB og ble avvist.",
                f"The bundle unpacks to more than {self.cap // (1024 * 1024)} MB and was refused.",
            )
        view[: len(data)] = data
        return len(data)


def check_entry_name(name: str) -> str:
    """The entry's normalised name, or UnsafeArchive if it could escape or is odd."""
    unsafe = UnsafeArchive(
        f"Pakken inneholder en fil med et farlig navn ({name[:80]!r}) og ble avvist.",
        f"The bundle holds an entry with an unsafe name ({name[:80]!r}) and was refused.",
    )
    if not name or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise unsafe
    if "\\" in name or not _SAFE_NAME.match(name):
        raise unsafe
    parts = PurePosixPath(name).parts
    if any(p in {"..", "."} for p in parts) or ".." in name.split("/"):
        raise unsafe
    return "/".join(parts)


def read_archive(
    data: bytes,
    *,
    max_unpacked: int = MAX_UNPACKED_BYTES,
    max_entries: int = MAX_ENTRIES,
) -> BundleArchive:
    """Read a bundle archive from bytes (already size-checked and signature-verified)."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise TooLarge(
            f"Pakken er {len(data):,} byte; grensen er {MAX_ARCHIVE_BYTES:,}.",
            f"The bundle is {len(data):,} bytes; the limit is {MAX_ARCHIVE_BYTES:,}.",
        )
    not_archive = ArchiveError(
        "Filen er ikke en VNR-innholdspakke (.vnrb) eller er skadet.",
        "The file is not a VNR content bundle (.vnrb) or is damaged.",
    )
    try:
        gz = gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb")
        capped = io.BufferedReader(_CappedReader(gz, max_unpacked), 64 * 1024)
        entries: dict[str, bytes] = {}
        with tarfile.open(fileobj=capped, mode="r|") as tar:
            for count, member in enumerate(tar, start=1):
                if count > max_entries:
                    raise TooLarge(
                        f"Pakken har mer enn {max_entries} filer og ble avvist.",
                        f"The bundle holds more than {max_entries} entries and was refused.",
                    )
                name = check_entry_name(member.name)
                if member.isdir():
                    continue
                if not member.isreg():
                    kind = "lenke" if (member.issym() or member.islnk()) else "spesialfil"
                    raise UnsafeArchive(
                        f"Pakken inneholder en {kind} ({name[:80]}) og ble avvist: "
                        "bare vanlige filer er tillatt.",
                        f"The bundle holds a link or special file ({name[:80]}) and was refused: "
                        "only regular files are allowed.",
                    )
                cap = _entry_cap(name)
                if member.size > cap:
                    raise TooLarge(
                        f"Filen {name} i pakken er {member.size:,} byte; grensen er {cap:,}.",
                        f"The entry {name} is {member.size:,} bytes; the limit is {cap:,}.",
                    )
                if name in entries:
                    raise UnsafeArchive(
                        f"Pakken inneholder {name} to ganger og ble avvist.",
                        f"The bundle holds {name} twice and was refused.",
                    )
                fh = tar.extractfile(member)
                if fh is None:  # pragma: no cover - isreg() members always have data
                    raise not_archive
                entries[name] = fh.read(cap + 1)
    except (tarfile.TarError, EOFError, zlib.error, OSError):
        raise not_archive from None
    return _assemble(entries, not_archive)


def _entry_cap(name: str) -> int:
    if name == "content.json":
        return MAX_CONTENT_JSON_BYTES
    if name == "bundle.json":
        return MAX_HEADER_BYTES
    if name.startswith("source/") and name.endswith((".yaml", ".yml")):
        return MAX_SOURCE_FILE_BYTES
    raise UnsafeArchive(
        f"Pakken inneholder en uventet fil ({name[:80]}) og ble avvist.",
        f"The bundle holds an unexpected entry ({name[:80]}) and was refused.",
    )


def _assemble(entries: dict[str, bytes], not_archive: ArchiveError) -> BundleArchive:
    if "bundle.json" not in entries or "content.json" not in entries:
        raise not_archive
    try:
        raw = json.loads(entries["bundle.json"].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise not_archive from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise not_archive
    if raw.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            "Pakken er laget av en nyere versjon av VNR Desktop: oppdater appen.",
            "The bundle was made by a newer version of VNR Desktop: update the app.",
        )
    try:
        header = BundleHeader(
            id=_typed(raw, "id", str),
            version=_typed(raw, "version", int),
            title=_typed(raw, "title", str),
            issued=_typed(raw, "issued", str),
            content_sha256=_typed(raw, "content_sha256", str),
            items=_typed(raw, "items", int),
            min_app_version=raw.get("min_app_version")
            if isinstance(raw.get("min_app_version"), str)
            else None,
        )
    except TypeError:
        raise not_archive from None
    sources = {k.removeprefix("source/"): v for k, v in entries.items() if k.startswith("source/")}
    return BundleArchive(header, entries["content.json"], sources)


def _typed(raw: dict[str, object], key: str, kind: type[_T]) -> _T:
    value = raw.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(key)
    return value


# --------------------------------------------------------------------------- content


def parse_content(archive: BundleArchive) -> BundleContent:
    """The archive's content, schema-validated, and consistent with its header."""
    try:
        content = BundleContent.model_validate_json(archive.content_json)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]]
        raise ContentInvalid(
            "Innholdet i pakken er ugyldig og ble ikke installert.",
            "The bundle's content is invalid and was not installed.",
            detail="\n".join(problems),
            problems=problems,
        ) from None
    except RecursionError:  # pragma: no cover - pydantic-core limits depth itself
        raise ContentInvalid(
            "Innholdet i pakken er nøstet for dypt.", "The bundle's content is nested too deeply."
        ) from None
    h = archive.header
    if (content.id, content.version) != (
        h.id,
        h.version,
    ) or content.content_hash() != h.content_sha256:
        raise ContentInvalid(
            "Pakkens innhold stemmer ikke med pakkens egen beskrivelse (bundle.json).",
            "The bundle's content does not match its own header (bundle.json).",
        )
    return content


def check_content(content: BundleContent, external_ids: ExternalIds | None) -> list[Diagnostic]:
    """Cross-checks load_bundle_dir runs on a source folder, run on parsed content."""
    return bundle_source.check_content(content, external_ids=external_ids)


ContentCheck = Callable[[BundleContent], list[Diagnostic]]
