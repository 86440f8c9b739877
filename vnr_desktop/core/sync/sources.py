"""Where a feed comes from: a URL (any static web server) or a folder (USB stick, share)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from vnr_desktop.core.sync.catalog import (
    CATALOG_NAME,
    MAX_CATALOG_BYTES,
    SIGNATURE_SUFFIX,
    CatalogBundle,
)
from vnr_desktop.core.sync.errors import (
    ChecksumMismatch,
    SourceNotFound,
    StorageError,
    TooLarge,
)
from vnr_desktop.core.sync.http import (
    CancelToken,
    FetchResult,
    HttpClient,
    ProgressCallback,
    Storage,
)
from vnr_desktop.core.sync.minisign import MAX_SIGNATURE_FILE_BYTES


def read_capped(path: Path, cap: int, what: str) -> bytes:
    """A local file of at most ``cap`` bytes (a feed folder, a USB stick, a single file):
    larger is refused before it is read whole; an unreadable file is a StorageError."""
    try:
        size = path.stat().st_size
        if size > cap:
            raise TooLarge(
                f"{what} er {size:,} byte; grensen er {cap:,}. Filen ble avvist.",
                f"{what} is {size:,} bytes; the limit is {cap:,}. The file was refused.",
            )
        with path.open("rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise StorageError(
            f"Kan ikke lese {path}: {exc.strerror}.", f"Cannot read {path}: {exc.strerror}."
        ) from None
    if len(data) > cap:
        raise TooLarge(f"{what} er for stor.", f"{what} is too large.")
    return data


class FeedSource(Protocol):
    label: str
    """How the source is shown to the user (URL or folder)."""

    def get_catalog(self, etag: str | None, cancel: CancelToken) -> FetchResult: ...

    def get_signature(self, rel: str, cancel: CancelToken) -> bytes | None:
        """The .minisig for ``rel``, or None when the source has none."""
        ...

    def get_bundle(
        self, entry: CatalogBundle, cancel: CancelToken, progress: ProgressCallback | None
    ) -> bytes:
        """The bundle file's bytes, already checked against ``entry``'s size and sha256."""
        ...

    def has_file(self, rel: str) -> bool: ...

    def get_small(self, rel: str, cap: int, cancel: CancelToken) -> bytes | None:
        """A small file (a key endorsement), or None when the source has none."""
        ...


def _mismatch(entry: CatalogBundle, where: str) -> ChecksumMismatch:
    return ChecksumMismatch(
        f"Pakken {entry.id} fra {where} er ikke den filen den signerte katalogen beskriver "
        "(kontrollsummen stemmer ikke). Den ble ikke installert.",
        f"The bundle {entry.id} from {where} is not the file the signed catalog describes "
        "(checksum mismatch). It was not installed.",
    )


class FolderSource:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.label = str(root)

    def _path(self, rel: str) -> Path:
        path = (self.root / rel).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise SourceNotFound("Ugyldig filsti i katalogen.", "Invalid path in the catalog.")
        return path

    def has_file(self, rel: str) -> bool:
        return self._path(rel).is_file()

    def _read(self, path: Path, cap: int, what: str) -> bytes:
        return read_capped(path, cap, what)

    def get_catalog(self, etag: str | None, cancel: CancelToken) -> FetchResult:
        path = self._path(CATALOG_NAME)
        if not path.is_file():
            raise SourceNotFound(
                f"Fant ingen {CATALOG_NAME} i {self.root}.", f"No {CATALOG_NAME} in {self.root}."
            )
        return FetchResult(200, self._read(path, MAX_CATALOG_BYTES, CATALOG_NAME), None)

    def get_signature(self, rel: str, cancel: CancelToken) -> bytes | None:
        return self.get_small(rel + SIGNATURE_SUFFIX, MAX_SIGNATURE_FILE_BYTES, cancel)

    def get_small(self, rel: str, cap: int, cancel: CancelToken) -> bytes | None:
        path = self._path(rel)
        if not path.is_file():
            return None
        return self._read(path, cap, path.name)

    def get_bundle(
        self, entry: CatalogBundle, cancel: CancelToken, progress: ProgressCallback | None
    ) -> bytes:
        cancel.raise_if_cancelled()
        path = self._path(entry.path)
        if not path.is_file():
            raise SourceNotFound(
                f"Pakken {entry.path} mangler i {self.root}.",
                f"{entry.path} is missing in {self.root}.",
            )
        data = self._read(path, entry.size, entry.path)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise _mismatch(entry, str(self.root))
        return data


class HttpSource:
    def __init__(self, base_url: str, http: HttpClient, cache_dir: Path, storage: Storage) -> None:
        self.base = base_url if base_url.endswith("/") else base_url + "/"
        if self.base.endswith("/" + CATALOG_NAME + "/"):
            self.base = self.base[: -len(CATALOG_NAME) - 1]
        self.label = self.base
        self.http = http
        self.cache_dir = cache_dir
        self.storage = storage

    def url(self, rel: str) -> str:
        url = urljoin(self.base, rel)
        if not url.startswith(self.base) or ".." in urlsplit(url).path.split("/"):
            raise SourceNotFound("Ugyldig filsti i katalogen.", "Invalid path in the catalog.")
        return url

    def has_file(self, rel: str) -> bool:
        return True

    def get_catalog(self, etag: str | None, cancel: CancelToken) -> FetchResult:
        return self.http.fetch(
            self.url(CATALOG_NAME), max_bytes=MAX_CATALOG_BYTES, etag=etag, cancel=cancel
        )

    def get_signature(self, rel: str, cancel: CancelToken) -> bytes | None:
        return self.get_small(rel + SIGNATURE_SUFFIX, MAX_SIGNATURE_FILE_BYTES, cancel)

    def get_small(self, rel: str, cap: int, cancel: CancelToken) -> bytes | None:
        try:
            return self.http.fetch(self.url(rel), max_bytes=cap, cancel=cancel).body
        except SourceNotFound:
            return None

    def part_path(self, entry: CatalogBundle) -> Path:
        return self.cache_dir / "downloads" / f"{entry.sha256}.part"

    def get_bundle(
        self, entry: CatalogBundle, cancel: CancelToken, progress: ProgressCallback | None
    ) -> bytes:
        part = self.part_path(entry)
        for attempt in (1, 2):
            self.http.download(
                self.url(entry.path),
                part,
                expected_size=entry.size,
                storage=self.storage,
                cancel=cancel,
                progress=progress,
                label=entry.id,
            )
            data = part.read_bytes()
            if len(data) == entry.size and hashlib.sha256(data).hexdigest() == entry.sha256:
                part.unlink(missing_ok=True)
                return data
            # A part stitched from two server versions, or a mirror serving other bytes:
            # start over once, then give up.
            part.unlink(missing_ok=True)
            if attempt == 2:
                break
        raise _mismatch(entry, self.label)


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))
