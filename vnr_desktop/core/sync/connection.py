"""Connections for the update client: TLS through the OS trust store, sockets registered the
moment they exist, one overall deadline per request (``Deadline``), plain network errors."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import truststore

from vnr_desktop.core.sync.errors import (
    DeadlineExceeded,
    HttpStatusError,
    NetworkError,
    TooLarge,
    TruncatedDownload,
)


def tls_context() -> ssl.SSLContext:
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class Deadline:
    """One overall time limit for one request, enforced from outside the reading thread.

    Sockets are registered the moment the TCP connection exists (before TLS and headers); when
    the timer fires, or the request is cancelled, ``close`` shuts them down, which wakes a read
    blocked in any phase. ``phase`` says what was slow: connect, tls, headers or body.
    """

    def __init__(self, seconds: float, url: str) -> None:
        self.seconds = seconds
        self.url = url
        self.phase = "connect"
        self.expired = False
        self.received = 0
        self.started = time.monotonic()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            shutdown_socket(sock)

    def close(self) -> None:
        """Shut every socket of the request down (the deadline's and Cancel's one path)."""
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            shutdown_socket(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
        self.close()

    def stop(self) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return max(0.05, self.started + self.seconds - time.monotonic())

    def error(self, *, retryable: bool = False) -> DeadlineExceeded:
        name = self.url.rsplit("/", 1)[-1] or self.url
        s = f"{self.seconds:g}"
        if self.phase == "connect":
            nb = f"Serveren godtok ikke tilkoblingen innen {s} sekunder."
            en = f"The server did not accept the connection within {s} seconds."
        elif self.phase == "tls":
            nb = f"Den sikre forbindelsen (TLS) ble ikke satt opp innen {s} sekunder."
            en = f"The secure connection (TLS) was not set up within {s} seconds."
        elif self.phase == "headers":
            nb = (
                f"Serveren begynte å svare på {name}, men sendte ikke svarhodene ferdig innen "
                f"{s} sekunder. Den svarer for sakte."
            )
            en = (
                f"The server started answering for {name} but did not finish its headers "
                f"within {s} seconds. It answers too slowly."
            )
        else:
            nb = (
                f"{name} ble ikke ferdig lastet ned innen {s} sekunder "
                f"({self.received:,} byte mottatt). Forbindelsen er for treg."
            )
            en = (
                f"{name} did not finish downloading within {s} seconds "
                f"({self.received:,} bytes received). The connection is too slow."
            )
        err = DeadlineExceeded(
            nb + " Innholdet du har, er uendret.",
            en + " Your installed content is unchanged.",
            detail=f"{self.url}: {self.phase} took over {s} s",
        )
        err.retryable = retryable
        return err


Watch = Callable[[socket.socket | None, str], None]
"""Called with (the new socket, "headers" or "tls") the moment TCP connects, and with
(None, "headers") when a TLS handshake is done: the request's deadline follows the phases."""


class _WatchedSockets:
    """Hands each new socket to ``watch`` the moment it exists: ``__init__`` below puts
    ``_register_connection`` where http.client looks for its socket factory."""

    watch: Watch | None = None
    next_phase = "headers"
    _create_connection: Callable[
        [tuple[str, int], float | None, tuple[str, int] | None], socket.socket
    ]

    def _register_connection(
        self,
        address: tuple[str, int],
        timeout: float | None,
        source_address: tuple[str, int] | None,
    ) -> socket.socket:
        # http.client calls it as _create_connection((host, port), timeout, source_address).
        sock = socket.create_connection(address, timeout, source_address)
        if self.watch is not None:
            self.watch(sock, self.next_phase)  # before TLS: the deadline covers the handshake
        return sock


class _Conn(_WatchedSockets, http.client.HTTPConnection):
    def __init__(self, host: str, **kw: Any) -> None:
        super().__init__(host, **kw)
        self._create_connection = self._register_connection


class _TlsConn(_WatchedSockets, http.client.HTTPSConnection):
    next_phase = "tls"

    def __init__(self, host: str, **kw: Any) -> None:
        super().__init__(host, **kw)
        self._create_connection = self._register_connection

    def connect(self) -> None:
        super().connect()
        if self.watch is not None:
            self.watch(None, "headers")


class HttpHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: Watch) -> None:
        super().__init__()
        self._watch = watch

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def factory(host: str, **kw: Any) -> _Conn:
            conn = _Conn(host, **kw)
            conn.watch = self._watch
            return conn

        return self.do_open(factory, req)


class HttpsHandler(urllib.request.HTTPSHandler):
    def __init__(self, context: ssl.SSLContext, watch: Watch) -> None:
        super().__init__(context=context)
        self._ctx = context
        self._watch = watch

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def factory(host: str, **kw: Any) -> _TlsConn:
            kw.pop("check_hostname", None)
            conn = _TlsConn(host, **kw)
            conn.watch = self._watch
            return conn

        return self.do_open(factory, req, context=self._ctx)


def network_error(exc: BaseException, url: str) -> NetworkError:
    reason = getattr(exc, "reason", exc)
    text = str(reason)
    if isinstance(reason, socket.gaierror):
        nb = "Fant ikke serveren (navneoppslag feilet). Er maskinen på nett?"
        en = "The server was not found (name lookup failed). Is this machine online?"
    elif isinstance(reason, TimeoutError | socket.timeout):
        nb = "Serveren svarte ikke i tide."
        en = "The server did not answer in time."
    elif isinstance(reason, ssl.SSLError | ssl.CertificateError):
        nb = "Den sikre forbindelsen (TLS) kunne ikke bekreftes. Sjekk maskinens sertifikater."
        en = "The secure connection (TLS) could not be verified. Check the machine's certificates."
    elif isinstance(reason, ConnectionRefusedError):
        nb = "Serveren avviste tilkoblingen."
        en = "The server refused the connection."
    else:
        nb = "Forbindelsen til oppdateringskilden ble brutt."
        en = "The connection to the update source failed."
    err = NetworkError(
        nb + " Innholdet du har, er uendret.",
        en + " Your installed content is unchanged.",
        detail=f"{url}: {text}",
    )
    if isinstance(reason, ssl.SSLCertVerificationError):
        err.retryable = False
    return err


def shutdown_socket(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def resume_base(
    resp: http.client.HTTPResponse, offset: int, expected_size: int, part: Path, url: str
) -> int:
    """Where the response's body starts in the file: ``offset`` for a matching 206, else 0.

    Raises for a wrong range (the part is dropped), another status, or a body announced larger
    than the signed catalog allows."""
    base = 0
    if resp.status == 206 and offset:
        start, total = _content_range(resp.headers.get("Content-Range"))
        if start != offset or (total is not None and total != expected_size):
            part.unlink(missing_ok=True)
            raise TruncatedDownload(
                "Serveren sendte feil del av filen; neste forsøk laster ned fra starten.",
                "The server sent the wrong part of the file; the next attempt downloads from the start.",
                detail=f"{url}: Content-Range {resp.headers.get('Content-Range')}",
            )
        base = offset
    elif resp.status != 200:
        raise HttpStatusError(
            resp.status,
            f"Uventet svar fra serveren (HTTP {resp.status}).",
            f"Unexpected answer from the server (HTTP {resp.status}).",
            detail=url,
        )
    remaining = expected_size - base
    length = resp.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > remaining:
        raise TooLarge(
            "Serveren oppgir en annen filstørrelse enn den signerte katalogen; "
            "nedlastingen ble stoppet.",
            "The server announces another file size than the signed catalog; "
            "the download was stopped.",
            detail=f"{url}: Content-Length {length}, expected at most {remaining}",
        )
    return base


def _content_range(value: str | None) -> tuple[int | None, int | None]:
    """``bytes 100-199/1000`` -> (100, 1000); total None when '*'."""
    if not value or not value.startswith("bytes "):
        return None, None
    try:
        span, _, total = value[6:].partition("/")
        start = int(span.split("-", 1)[0])
        return start, None if total.strip() == "*" else int(total)
    except ValueError:
        return None, None
