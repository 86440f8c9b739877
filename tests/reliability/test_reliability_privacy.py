"""Privacy: the app connects to nothing but the configured update source; no telemetry; no
search history unless the user switches it on.

Two guards. In this process, every Python-level way out (connect, connect_ex, sendto,
getaddrinfo) is recorded while the main flows run through the real CLI and core: opening the
library (first start included), listing, showing, searching, rendering a card, syncing from an
update source on 127.0.0.1, importing, exporting. And for the whole GUI, native code included
(Qt), ``strace`` records every connect/sendto of ``vnr-desktop --smoke``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from crash_scenarios import sync_feed
from servers.faulty import FaultyServer
from testutil import require_tool


@dataclass
class SocketGuard:
    """Records every attempt to reach the network; only ``allowed`` (host, port) may pass."""

    allowed: set[tuple[str, int]]
    attempts: list[tuple[str, Any]] = field(default_factory=list)
    violations: list[tuple[str, Any]] = field(default_factory=list)

    def _check(self, kind: str, address: Any) -> None:
        self.attempts.append((kind, address))
        if isinstance(address, str | bytes):  # AF_UNIX: a local socket file, not the network
            return
        host, port = address[0], address[1]
        if (host, port) not in self.allowed:
            self.violations.append((kind, address))
            raise ConnectionRefusedError(f"privacy guard: {kind} to {address} is not allowed")

    @contextlib.contextmanager
    def active(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[SocketGuard]:
        guard = self
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex
        real_sendto = socket.socket.sendto
        real_getaddrinfo = socket.getaddrinfo

        def connect(self: socket.socket, address: Any) -> None:
            guard._check("connect", address)
            return real_connect(self, address)

        def connect_ex(self: socket.socket, address: Any) -> int:
            guard._check("connect_ex", address)
            return real_connect_ex(self, address)

        def sendto(self: socket.socket, data: bytes, *args: Any) -> int:
            guard._check("sendto", args[-1])
            return real_sendto(self, data, *args)

        def getaddrinfo(host: Any, port: Any, *args: Any, **kw: Any) -> Any:
            allowed_hosts = {h for h, _ in guard.allowed}
            if host not in allowed_hosts:
                guard.attempts.append(("getaddrinfo", (host, port)))
                guard.violations.append(("getaddrinfo", (host, port)))
                raise socket.gaierror(socket.EAI_NONAME, "privacy guard: name lookup refused")
            return real_getaddrinfo(host, port, *args, **kw)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket.socket, "sendto", sendto)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        yield self


def _cli(*argv: str) -> tuple[int, str]:
    from vnr_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[tuple[FaultyServer, Any, Path]]:
    feed = sync_feed(tmp_path / "feed-work")
    with FaultyServer(feed.folder) as server:
        yield server, feed.key, tmp_path / "feed-work"


def test_main_flows_reach_only_the_configured_update_source(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, feed_server: tuple[FaultyServer, Any, Path]
) -> None:
    server, key, work = feed_server
    port = server.httpd.server_address[1]
    data = str(tmp_path / "data")
    pub = tmp_path / "publisher.pub"
    pub.write_text(key.public_key.to_file_text())
    guard = SocketGuard({("127.0.0.1", port)})
    with guard.active(monkeypatch):
        from vnr_desktop.core.library import open_library

        lib = open_library(tmp_path / "data")  # first start: the built-in content
        lib.close()
        flows = [
            ("about",),
            ("library", "status"),
            ("list", "--kind", "contact"),
            ("show", "nasjonal:politi"),
            ("search", "krisesenter"),
            ("search", "116 111"),
            ("search", "vold mot barn", "--json"),
            ("cards", "list"),
            ("keys", "trust", str(pub), "--scope", "testregion"),
            ("import", str(work / "v1-feed")),  # a USB stick: no network at all
            ("sync", "--source", server.url),
            ("sync", "--source", server.url),  # nothing new: one conditional request
            ("sync", "--status"),
            ("export", "--region", "testregion", "-o", str(tmp_path / "export")),
        ]
        failed = []
        for argv in flows:
            code, text = _cli("--data-dir", data, *argv)
            if code != 0:
                failed.append((argv, code, text[-500:]))
        code, text = _cli(
            "--data-dir",
            data,
            "cards",
            "render",
            _first_card(data),
            "--region",
            "gjovik",
            "--format",
            _first_format(),
            "-o",
            str(tmp_path / "card.pdf"),
        )
        if code != 0:
            failed.append(("cards render", code, text[-500:]))
    assert guard.violations == []
    assert failed == [], failed
    # The guard saw the sync's own connections: it was really in place.
    assert ("connect", ("127.0.0.1", port)) in guard.attempts
    assert all(a[1] == ("127.0.0.1", port) for a in guard.attempts if a[0] != "getaddrinfo")


def _first_card(data: str) -> str:
    import json

    code, text = _cli("--data-dir", data, "cards", "list", "--json")
    assert code == 0, text
    return str(json.loads(text)[0]["id"])


def _first_format() -> str:
    from vnr_desktop.cli.cards_cmd import FORMAT_IDS

    return "id1" if "id1" in FORMAT_IDS else sorted(FORMAT_IDS)[0]


def test_the_guard_catches_an_unexpected_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    guard = SocketGuard({("127.0.0.1", 9)})
    with guard.active(monkeypatch):
        with pytest.raises(socket.gaierror):
            socket.getaddrinfo("telemetry.example.org", 443)
        s = socket.socket()
        try:
            with pytest.raises(ConnectionRefusedError):
                s.connect(("127.0.0.2", 80))
        finally:
            s.close()
    assert [v[0] for v in guard.violations] == ["getaddrinfo", "connect"]


def test_search_history_is_kept_only_when_switched_on(tmp_path: Path) -> None:
    from vnr_desktop.core.userdata import UserData

    data = str(tmp_path / "data")
    for query in ("krisesenter", "vold mot eldre"):
        assert _cli("--data-dir", data, "search", query)[0] == 0
    ud = UserData(tmp_path / "data" / "user.db")
    try:
        assert ud.search_history() == []
        ud.remember_search("barnevern")
        assert ud.search_history() == [], "remembered although the setting is off"
        ud.save_settings(ud.settings().model_copy(update={"keep_search_history": True}))
        ud.remember_search("barnevern")
        assert ud.search_history() == ["barnevern"]
        assert "search_history" not in ud.export_json() or "barnevern" not in ud.export_json()
    finally:
        ud.close()


_INET = re.compile(
    r"(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?,.*?sin6?_port=htons\((\d+)\).*?"
    r"(?:inet_addr\(\"([0-9.]+)\"\)|inet_pton\(AF_INET6, \"([0-9a-f:.]+)\")"
)


def test_the_gui_opens_no_network_connection_but_the_update_source(
    tmp_path: Path, feed_server: tuple[FaultyServer, Any, Path]
) -> None:
    """Native code too: strace records every connect/sendto of the whole app (Qt included)."""
    strace = require_tool("strace")
    server, key, _ = feed_server
    port = server.httpd.server_address[1]
    data = tmp_path / "data"
    from reliability_support import fill_user_data

    from vnr_desktop.core.settings import PublisherKey

    data.mkdir()
    fill_user_data(
        data / "user.db",
        update_source=server.url,
        publisher_keys=[PublisherKey(key=key.public_key.to_base64(), scope=["testregion"])],
    )
    trace = tmp_path / "trace"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [
            strace,
            "-f",
            "-qq",
            "-e",
            "trace=connect,sendto,sendmsg",
            "-o",
            str(trace),
            sys.executable,
            "-m",
            "vnr_desktop",
            "--data-dir",
            str(data),
            "--smoke",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    if "PTRACE" in proc.stderr or "Operation not permitted" in proc.stderr:
        pytest.skip(f"ptrace is not allowed here: {proc.stderr.strip()[:200]}")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = trace.read_text().splitlines()
    network = [line for line in lines if "AF_INET" in line]
    others = [line for line in network if not (f"htons({port})" in line and "127.0.0.1" in line)]
    assert others == [], others
