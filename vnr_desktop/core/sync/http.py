"""HTTP for updates: small capped fetches with ETag, resumable downloads, retries, cancel.

- urllib with its ProxyHandler: HTTP(S)_PROXY / NO_PROXY, and on Windows and macOS the
  system's proxy settings (urllib reads them itself).
- TLS through the OS trust store: ``truststore`` when installed, else
  ``ssl.create_default_context()`` (which loads the Windows store and the system CA file).
- Every body is size-capped while it streams; a server that never stops sending is cut off.
- Every request has ONE overall deadline covering connect, TLS, headers and body (60 s for a
  catalog or signature; for a bundle proportional to its signed size, with a floor). A timer
  thread enforces it by shutting the socket down, so a server that drips one header byte a
  second cannot hold the client: a per-read socket timeout alone never fires on such a server.
- A connection that goes silent for ``read_timeout`` or drips slower than ``min_rate`` over
  ``stall_window`` seconds is abandoned; transient failures are retried with exponential
  backoff and jitter; a download resumes with ``Range`` from its ``.part`` file.
- ``CancelToken.cancel()`` (from any thread, e.g. the GUI's Cancel button) interrupts a blocked
  read at once the same way: the request's sockets are shut down (``Deadline.close``).
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import os
import random
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TypeVar

from vnr_desktop import __version__
from vnr_desktop.core.sync.connection import (
    Deadline,
    HttpHandler,
    HttpsHandler,
    network_error,
    resume_base,
    tls_context,
)
from vnr_desktop.core.sync.errors import (
    Cancelled,
    DiskFull,
    HttpStatusError,
    NetworkError,
    SourceNotFound,
    StorageError,
    SyncError,
    TooLarge,
    TruncatedDownload,
)

CHUNK = 64 * 1024
_T = TypeVar("_T")


# --------------------------------------------------------------------------- cancel and progress


class CancelToken:
    """Set from any thread (the UI's Cancel button); checked between every chunk."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: dict[int, Callable[[], None]] = {}
        self._next = 0

    def cancel(self) -> None:
        self._event.set()
        with self._lock:
            callbacks = list(self._callbacks.values())
        for cb in callbacks:
            with contextlib.suppress(OSError):
                cb()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Avbrutt. Ingenting ble endret.", "Cancelled. Nothing was changed.")

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if cancelled meanwhile."""
        return self._event.wait(seconds)

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        with self._lock:
            key = self._next
            self._next += 1
            self._callbacks[key] = callback

        def remove() -> None:
            with self._lock:
                self._callbacks.pop(key, None)

        if self._event.is_set():
            callback()
        return remove


@dataclass(frozen=True)
class Progress:
    phase: str
    """"catalog", "download", "verify", "install", "done"."""
    done: int
    total: int | None
    message: str
    """Plain Norwegian text for the status line."""
    message_en: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


ProgressCallback = Callable[[Progress], None]


# --------------------------------------------------------------------------- storage


class Storage:
    """The file writes sync makes, in one place so tests can inject faults (a full disk)."""

    def open_part(self, path: Path, append: bool) -> BinaryIO:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("ab" if append else "wb")

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Atomic: a temporary file, fsync, then rename over ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        try:
            with tmp.open("wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def storage_error(exc: OSError, what_nb: str, what_en: str) -> SyncError:
    """A plain error for a failed write; ENOSPC gets its own type and advice."""
    if exc.errno in {errno.ENOSPC, errno.EDQUOT}:
        return DiskFull(
            f"Disken er full: {what_nb} kunne ikke lagres. Innholdet du har, er uendret. "
            "Frigjør plass og prøv igjen.",
            f"The disk is full: {what_en} could not be saved. Your installed content is "
            "unchanged. Free some space and try again.",
            detail=str(exc),
        )
    return StorageError(
        f"Kunne ikke lagre {what_nb}: {exc.strerror or exc}. Innholdet du har, er uendret.",
        f"Could not save {what_en}: {exc.strerror or exc}. Your installed content is unchanged.",
        detail=str(exc),
    )


# --------------------------------------------------------------------------- config


@dataclass
class HttpConfig:
    connect_timeout: float = 20.0
    read_timeout: float = 30.0
    """A read that gets no byte for this long fails (socket timeout)."""
    stall_window: float = 30.0
    min_rate: float = 256.0
    """Bytes per second averaged over ``stall_window``; slower transfers are abandoned."""
    small_fetch_deadline: float = 60.0
    """A catalog, signature or key fetch: one deadline for connect, TLS, headers and body."""
    bundle_deadline_floor: float = 120.0
    bundle_deadline_rate: float = 16 * 1024.0
    """A bundle download's deadline: its signed size at this many bytes per second, at least
    ``bundle_deadline_floor`` seconds."""
    attempts: int = 3
    """With the windows above, a server that drips is given up on within about two minutes."""

    def bundle_deadline(self, size: int) -> float:
        return max(self.bundle_deadline_floor, size / max(self.bundle_deadline_rate, 1.0))

    backoff_base: float = 1.0
    backoff_max: float = 30.0
    user_agent: str = f"vnr-desktop/{__version__}"


@dataclass
class HttpStats:
    requests: int = 0
    bytes_received: int = 0
    statuses: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class FetchResult:
    status: int
    body: bytes
    etag: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HttpClient:
    """One client per sync run; ``stats`` counts requests and body bytes received."""

    def __init__(
        self, config: HttpConfig | None = None, *, tls: ssl.SSLContext | None = None
    ) -> None:
        self.config = config or HttpConfig()
        self._tls = tls
        self.stats = HttpStats()
        self._rng = random.Random()

    # ------------------------------------------------------------------ plumbing

    def _open(
        self, url: str, headers: dict[str, str], cancel: CancelToken, deadline: Deadline
    ) -> tuple[http.client.HTTPResponse, Callable[[], None]]:
        """Open ``url`` under ``deadline``; the returned callable ends the request's watch."""
        if cancel.cancelled:
            deadline.stop()
            cancel.raise_if_cancelled()
        sockets: list[socket.socket] = []

        def watch(sock: socket.socket | None, phase: str) -> None:
            deadline.phase = phase
            if sock is not None:
                sockets.append(sock)
                deadline.add(sock)
            if cancel.cancelled:
                deadline.close()

        unregister = cancel.on_cancel(deadline.close)

        def remove() -> None:
            deadline.stop()
            unregister()

        handlers: list[urllib.request.BaseHandler] = [
            urllib.request.ProxyHandler(),
            HttpHandler(watch),
        ]
        if url.startswith("https:"):
            # Loading the trust store costs tens of milliseconds: only for https.
            if self._tls is None:
                self._tls = tls_context()
            handlers.append(HttpsHandler(self._tls, watch))
        opener = urllib.request.build_opener(*handlers)
        req = urllib.request.Request(url, headers={"User-Agent": self.config.user_agent, **headers})
        self.stats.requests += 1
        try:
            resp = opener.open(req, timeout=min(self.config.connect_timeout, deadline.remaining()))
        except urllib.error.HTTPError as exc:
            remove()
            self.stats.statuses.append(exc.code)
            raise
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            remove()
            cancel.raise_if_cancelled()
            if deadline.expired:
                raise deadline.error() from None
            raise network_error(exc, url) from None
        if deadline.expired:
            # The timer cut the headers short; http.client may still have made a response.
            resp.close()
            remove()
            raise deadline.error()
        deadline.phase = "body"
        self.stats.statuses.append(resp.status)
        sock = sockets[-1] if sockets else None
        if sock is not None:
            sock.settimeout(self.config.read_timeout)
        return resp, remove

    def _retrying(self, fn: Callable[[], _T], cancel: CancelToken) -> _T:
        attempt = 0
        while True:
            attempt += 1
            try:
                return fn()
            except SyncError as exc:
                if not exc.retryable or attempt >= self.config.attempts:
                    raise
                delay = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempt - 1))
                delay *= 0.5 + self._rng.random()
                if cancel.wait(delay):
                    cancel.raise_if_cancelled()

    def _read_body(
        self,
        resp: http.client.HTTPResponse,
        sink: Callable[[bytes], None],
        *,
        cap: int,
        cancel: CancelToken,
        url: str,
        deadline: Deadline,
        on_chunk: Callable[[int], None] | None = None,
        retry_on_deadline: bool = False,
    ) -> int:
        cfg = self.config
        received = 0
        window: list[tuple[float, int]] = []
        start = time.monotonic()
        while True:
            cancel.raise_if_cancelled()
            try:
                chunk = resp.read1(CHUNK)
            except TimeoutError:
                cancel.raise_if_cancelled()
                if deadline.expired:
                    raise deadline.error(retryable=retry_on_deadline) from None
                raise NetworkError(
                    "Serveren sluttet å sende data. Nedlastingen fortsetter der den slapp neste gang.",
                    "The server stopped sending data. The download resumes where it stopped next time.",
                    detail=url,
                ) from None
            except http.client.IncompleteRead:
                cancel.raise_if_cancelled()
                if deadline.expired:
                    raise deadline.error(retryable=retry_on_deadline) from None
                raise TruncatedDownload(
                    "Nedlastingen ble avbrutt før den var ferdig.",
                    "The download was cut off before it finished.",
                    detail=url,
                ) from None
            except (OSError, http.client.HTTPException, ValueError) as exc:
                cancel.raise_if_cancelled()
                if deadline.expired:
                    raise deadline.error(retryable=retry_on_deadline) from None
                raise network_error(exc, url) from None
            if deadline.expired:
                # The timer shut the socket down: the read saw an early end of the body.
                cancel.raise_if_cancelled()
                raise deadline.error(retryable=retry_on_deadline)
            if not chunk:
                return received
            received += len(chunk)
            deadline.received = received
            self.stats.bytes_received += len(chunk)
            if received > cap:
                raise TooLarge(
                    "Serveren sendte mer data enn den signerte katalogen tillater; "
                    "nedlastingen ble stoppet.",
                    "The server sent more data than the signed catalog allows; "
                    "the download was stopped.",
                    detail=f"{url}: more than {cap} bytes",
                )
            sink(chunk)
            if on_chunk is not None:
                on_chunk(len(chunk))
            now = time.monotonic()
            window.append((now, len(chunk)))
            while window and window[0][0] < now - cfg.stall_window:
                window.pop(0)
            if now - start >= cfg.stall_window:
                rate = sum(n for _, n in window) / cfg.stall_window
                if rate < cfg.min_rate:
                    raise NetworkError(
                        "Forbindelsen er for treg. Nedlastingen fortsetter der den slapp neste gang.",
                        "The connection is too slow. The download resumes where it stopped next time.",
                        detail=f"{url}: {rate:.0f} B/s",
                    )

    def _status_error(self, exc: urllib.error.HTTPError, url: str) -> SyncError:
        code = exc.code
        exc.close()
        if code == 404:
            return SourceNotFound(
                "Oppdateringskilden har ikke denne filen (404). Sjekk adressen.",
                "The update source does not have this file (404). Check the address.",
                detail=url,
            )
        if code >= 500 or code in {408, 425, 429}:
            nb = f"Oppdateringsserveren har en feil (HTTP {code}). Prøv igjen senere."
            en = f"The update server has a problem (HTTP {code}). Try again later."
        else:
            nb = f"Oppdateringsserveren svarte med feil (HTTP {code})."
            en = f"The update server answered with an error (HTTP {code})."
        return HttpStatusError(code, nb, en, detail=url)

    # ------------------------------------------------------------------ public

    def fetch(
        self,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        cancel: CancelToken | None = None,
    ) -> FetchResult:
        """GET a small file (catalog, signature) whole, capped, with If-None-Match."""
        cancel = cancel or CancelToken()

        def once() -> FetchResult:
            headers = {"Accept-Encoding": "identity"}
            if etag:
                headers["If-None-Match"] = etag
            deadline = Deadline(self.config.small_fetch_deadline, url)
            try:
                resp, remove = self._open(url, headers, cancel, deadline)
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    tag = exc.headers.get("ETag") or etag
                    exc.close()
                    return FetchResult(304, b"", tag)
                raise self._status_error(exc, url) from None
            try:
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise TooLarge(
                        f"Filen {url.rsplit('/', 1)[-1]} er større enn tillatt ({int(length):,} byte).",
                        f"The file {url.rsplit('/', 1)[-1]} is larger than allowed ({int(length):,} bytes).",
                        detail=url,
                    )
                parts: list[bytes] = []
                self._read_body(
                    resp, parts.append, cap=max_bytes, cancel=cancel, url=url, deadline=deadline
                )
                body = b"".join(parts)
                if length and length.isdigit() and len(body) != int(length):
                    raise TruncatedDownload(
                        "Filen ble bare delvis mottatt.",
                        "The file was only partly received.",
                        detail=url,
                    )
                return FetchResult(resp.status, body, resp.headers.get("ETag"))
            finally:
                remove()
                resp.close()

        return self._retrying(once, cancel)

    def download(
        self,
        url: str,
        part: Path,
        *,
        expected_size: int,
        storage: Storage | None = None,
        cancel: CancelToken | None = None,
        progress: ProgressCallback | None = None,
        label: str = "",
    ) -> int:
        """Download ``url`` into ``part``, resuming from its current length with Range.

        Returns the body bytes received over the network in this call. The caller checks the
        sha256 of the complete file; on a mismatch it deletes ``part`` and tries again.
        """
        cancel = cancel or CancelToken()
        storage = storage or Storage()
        total_received = 0

        report = _reporter(progress, expected_size, label)

        def once() -> None:
            nonlocal total_received
            offset = part.stat().st_size if part.exists() else 0
            if offset > expected_size:
                part.unlink()
                offset = 0
            if offset == expected_size:
                return
            resume = {"Range": f"bytes={offset}-"} if offset else {}
            headers = {"Accept-Encoding": "identity", **resume}
            deadline = Deadline(self.config.bundle_deadline(expected_size - offset), url)
            try:
                resp, remove = self._open(url, headers, cancel, deadline)
            except urllib.error.HTTPError as exc:
                if exc.code == 416 and offset:
                    exc.close()
                    part.unlink(missing_ok=True)
                    raise TruncatedDownload(
                        "Serveren godtok ikke å fortsette nedlastingen; neste forsøk laster ned fra starten.",
                        "The server refused to resume the download; the next attempt downloads from the start.",
                        detail=url,
                    ) from None
                raise self._status_error(exc, url) from None
            try:
                base = resume_base(resp, offset, expected_size, part, url)
                remaining = expected_size - base
                done = base

                def on_chunk(n: int) -> None:
                    nonlocal done, total_received
                    done += n
                    total_received += n
                    report(done)

                got = self._write_part(
                    resp,
                    part,
                    storage,
                    append=base > 0,
                    cap=remaining,
                    cancel=cancel,
                    url=url,
                    deadline=deadline,
                    on_chunk=on_chunk,
                )
                if got != remaining:
                    raise TruncatedDownload(
                        "Nedlastingen ble avbrutt før den var ferdig; den fortsetter der den slapp.",
                        "The download was cut off; it resumes where it stopped.",
                        detail=f"{url}: got {got} of {remaining} bytes",
                    )
            finally:
                remove()
                resp.close()

        report(part.stat().st_size if part.exists() else 0)
        self._retrying(once, cancel)
        return total_received

    def _write_part(
        self,
        resp: http.client.HTTPResponse,
        part: Path,
        storage: Storage,
        *,
        append: bool,
        cap: int,
        cancel: CancelToken,
        url: str,
        deadline: Deadline,
        on_chunk: Callable[[int], None],
    ) -> int:
        """Stream the body into ``part`` (appending when resuming); returns the bytes read."""
        try:
            fh = storage.open_part(part, append)
        except OSError as exc:
            raise storage_error(exc, "nedlastingen", "the download") from None
        try:

            def sink(chunk: bytes) -> None:
                try:
                    fh.write(chunk)
                except OSError as exc:
                    raise storage_error(exc, "nedlastingen", "the download") from None

            got = self._read_body(
                resp,
                sink,
                cap=cap,
                cancel=cancel,
                url=url,
                deadline=deadline,
                on_chunk=on_chunk,
                retry_on_deadline=True,
            )
            try:
                fh.flush()
            except OSError as exc:
                raise storage_error(exc, "nedlastingen", "the download") from None
        finally:
            with contextlib.suppress(OSError):
                fh.close()
        return got


def _reporter(
    progress: ProgressCallback | None, expected_size: int, label: str
) -> Callable[[int], None]:
    def report(done: int) -> None:
        if progress is not None:
            kb, total = done // 1024, expected_size // 1024
            progress(
                Progress(
                    "download",
                    done,
                    expected_size,
                    f"Laster ned {label}: {kb} av {total} kB",
                    f"Downloading {label}: {kb} of {total} kB",
                )
            )

    return report


_network_error = network_error  # the name tests and older callers use
