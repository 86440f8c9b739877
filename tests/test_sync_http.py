"""The update client against real HTTP servers on 127.0.0.1: nginx for ETag/304 and Range
resume, and a fault-injecting server for cut connections, stalls, 5xx, wrong lengths, endless
bodies, a malicious mirror, a proxy and cancel."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import socket
import threading
import time
import urllib.error
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from servers.faulty import FaultyServer, wait_until
from servers.feeds import PHONE_CHANGE, build, fast_http, keyring, make_key, publish, snapshot
from servers.nginx import NginxServer, free_port
from testutil import require_tool

from vnr_desktop.core.library import Library, open_library
from vnr_desktop.core.paths import AppPaths, resolve_paths
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.catalog import parse_catalog
from vnr_desktop.core.sync.errors import (
    Cancelled,
    ChecksumMismatch,
    DeadlineExceeded,
    HttpStatusError,
    NetworkError,
    SourceNotFound,
    TooLarge,
    TruncatedDownload,
)
from vnr_desktop.core.sync.http import CancelToken, HttpClient, Progress, _network_error
from vnr_desktop.core.sync.updater import Updater


@dataclass
class Env:
    tmp: Path
    lib: Library
    paths: AppPaths
    key: minisign.SecretKey
    feed: Path

    def updater(self, http: HttpClient | None = None) -> Updater:
        return Updater(self.lib, self.paths, keys=keyring(self.key), http=http or fast_http())

    def publish(self, version: int, edits: dict[str, tuple[str, str]] | None = None) -> None:
        publish([build(self.tmp, version=version, edits=edits)], self.key, self.feed)

    def entry(self, bundle_id: str = "testregion"):
        entry = parse_catalog((self.feed / "catalog.json").read_bytes()).bundle(bundle_id)
        assert entry is not None
        return entry


@pytest.fixture(autouse=True)
def _no_proxy_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def env(tmp_path: Path, data_dir: Path) -> Iterator[Env]:
    lib = open_library(data_dir, install_builtin=False)
    feed = tmp_path / "www" / "feed"
    e = Env(tmp_path, lib, resolve_paths(data_dir).ensure(), make_key(), feed)
    e.publish(1)
    yield e
    lib.close()


def _nginx() -> str:
    path = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    return path or require_tool("nginx")


@pytest.fixture
def nginx(env: Env, tmp_path: Path) -> Iterator[NginxServer]:
    with NginxServer(env.feed.parent, tmp_path / "nginx", _nginx()) as server:
        yield server


@pytest.fixture
def faulty(env: Env) -> Iterator[FaultyServer]:
    with FaultyServer(env.feed.parent) as server:
        yield server


# --------------------------------------------------------------------------- nginx


def test_no_change_check_is_one_request_answered_304(env: Env, nginx: NginxServer) -> None:
    url = nginx.url + "feed/"
    updater = env.updater()
    first = updater.sync(url)
    assert first.installed[0].status == "installed"
    n = len(nginx.wait_for_log(4))
    # A new process, same data folder: the ETag and the catalog were kept on disk.
    again = env.updater()
    check = again.check(url)
    assert check.not_modified and check.updates == []
    assert (check.requests, check.bytes_received) == (1, 0)
    last = again.last_checked()
    assert last is not None and (_dt.datetime.now(_dt.UTC) - last).total_seconds() < 60
    log = nginx.wait_for_log(n + 1)
    assert len(log) == n + 1
    last = log[-1]
    assert (last.status, last.body_bytes, last.uri) == (304, 0, "/feed/catalog.json")
    assert last.if_none_match


def test_update_over_http_then_304(env: Env, nginx: NginxServer) -> None:
    url = nginx.url + "feed/"
    env.updater().sync(url)
    env.publish(2, PHONE_CHANGE)
    result = env.updater().sync(url)
    assert result.changes[0].lines() == [
        "Testregion krisesenter: telefon (Døgnåpen) 990 00 001 -> 990 00 009"
    ]
    assert env.updater().check(url).not_modified


def test_download_resumes_from_a_half_part_file_after_restart(env: Env, nginx: NginxServer) -> None:
    entry = env.entry()
    data = (env.feed / entry.path).read_bytes()
    half = len(data) // 2
    part = env.paths.cache / "downloads" / f"{entry.sha256}.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:half])  # what a download cut at half left behind
    result = env.updater().sync(nginx.url + "feed/")
    assert result.installed[0].status == "installed"
    bundle_hits = [line for line in nginx.wait_for_log(4) if line.uri.endswith(".vnrb")]
    assert len(bundle_hits) == 1
    assert bundle_hits[0].status == 206 and bundle_hits[0].range == f"bytes={half}-"
    assert bundle_hits[0].body_bytes == len(data) - half
    assert not part.exists()


# --------------------------------------------------------------------------- faults


def test_cut_connection_is_resumed_with_range(env: Env, faulty: FaultyServer) -> None:
    entry = env.entry()
    faulty.plan.add("feed/" + entry.path, "cut:1000")
    result = env.updater().sync(faulty.url + "feed/")
    assert result.installed[0].status == "installed"
    hits = faulty.hits_for(".vnrb")
    assert wait_until(lambda: hits[-1].body_bytes == entry.size - 1000)
    assert [(h.status, h.range, h.body_bytes) for h in hits] == [
        (200, "", 1000),
        (206, "bytes=1000-", entry.size - 1000),
    ]


def test_server_errors_are_retried_then_succeed(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/catalog.json", "status:503", "status:502")
    faulty.plan.add("feed/" + env.entry().path, "status:500")
    result = env.updater().sync(faulty.url + "feed/")
    assert result.installed[0].status == "installed"
    assert [h.status for h in faulty.hits_for("catalog.json")] == [503, 502, 200]


def test_persistent_server_error_gives_up_with_a_message(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/catalog.json", *["status:500"] * 10)
    before = snapshot(env.lib)
    with pytest.raises(HttpStatusError, match="HTTP 500") as err:
        env.updater().sync(faulty.url + "feed/")
    assert "Prøv igjen senere" in err.value.message
    assert len(faulty.hits_for("catalog.json")) == 4  # the configured attempts
    assert snapshot(env.lib) == before


def test_not_found_is_not_retried(env: Env, faulty: FaultyServer) -> None:
    with pytest.raises(SourceNotFound, match="404"):
        env.updater().sync(faulty.url + "nowhere/")
    assert len(faulty.hits) == 1


def test_stalled_download_times_out_and_later_resumes(env: Env, faulty: FaultyServer) -> None:
    entry = env.entry()
    faulty.plan.add("feed/" + entry.path, "stall:500", "stall:500")
    before = snapshot(env.lib)
    http = fast_http(read_timeout=0.3, attempts=2)
    with pytest.raises(NetworkError, match="sluttet å sende data"):
        env.updater(http).sync(faulty.url + "feed/")
    assert snapshot(env.lib) == before
    part = env.paths.cache / "downloads" / f"{entry.sha256}.part"
    # Two attempts, each got 500 bytes before the server went silent: the second resumed.
    assert [h.range for h in faulty.hits_for(".vnrb")] == ["", "bytes=500-"]
    assert part.stat().st_size == 1000
    # Next time (a new run) it resumes from byte 1000.
    result = env.updater().sync(faulty.url + "feed/")
    assert result.installed[0].status == "installed"
    assert faulty.hits_for(".vnrb")[-1].range == "bytes=1000-"


def test_a_dripping_connection_is_abandoned(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/" + env.entry().path, "drip:0.05")
    before = snapshot(env.lib)
    with pytest.raises(NetworkError, match="for treg"):
        env.updater(fast_http(attempts=1, stall_window=0.5, min_rate=100.0)).sync(
            faulty.url + "feed/"
        )
    assert snapshot(env.lib) == before


def test_endless_catalog_is_cut_off(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/catalog.json", "endless")
    with pytest.raises(TooLarge, match="mer data"):
        env.updater(fast_http(attempts=1)).sync(faulty.url + "feed/")
    assert faulty.hits_for("catalog.json")[0].body_bytes < 8 * 1024 * 1024


def test_endless_bundle_is_cut_off_at_the_signed_size(env: Env, faulty: FaultyServer) -> None:
    entry = env.entry()
    faulty.plan.add("feed/" + entry.path, "endless")
    before = snapshot(env.lib)
    http = fast_http(attempts=1)
    with pytest.raises(TooLarge, match="mer data enn den signerte katalogen"):
        env.updater(http).sync(faulty.url + "feed/")
    assert http.stats.bytes_received < entry.size + 2 * 65536 + 4096
    assert snapshot(env.lib) == before


def test_announced_length_larger_than_signed_size(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/" + env.entry().path, "length:+5000")
    with pytest.raises(TooLarge, match="annen filstørrelse"):
        env.updater(fast_http(attempts=1)).sync(faulty.url + "feed/")


def test_short_body_is_truncated_then_completed(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/catalog.json", "cut:10")
    result = env.updater().sync(faulty.url + "feed/")
    assert result.installed[0].status == "installed"
    faulty.plan.add("feed/catalog.json", *["cut:10"] * 5)
    with pytest.raises(TruncatedDownload, match=r"delvis|avbrutt"):
        Updater(env.lib, env.paths, keys=keyring(env.key), http=fast_http(attempts=2)).check(
            faulty.url + "feed/"
        )


def test_server_ignoring_range_restarts_cleanly(env: Env, faulty: FaultyServer) -> None:
    entry = env.entry()
    faulty.plan.add("feed/" + entry.path, "cut:700", "norange")
    result = env.updater().sync(faulty.url + "feed/")
    assert result.installed[0].status == "installed"
    assert [h.status for h in faulty.hits_for(".vnrb")] == [200, 200]


def test_wrong_content_range_restarts_from_zero(env: Env, faulty: FaultyServer) -> None:
    faulty.plan.add("feed/" + env.entry().path, "cut:700", "badrange")
    result = env.updater().sync(faulty.url + "feed/")
    assert result.installed[0].status == "installed"
    assert [h.range for h in faulty.hits_for(".vnrb")] == ["", "bytes=700-", ""]


def test_malicious_mirror_serving_other_bytes(env: Env, faulty: FaultyServer) -> None:
    entry = env.entry()
    other = build(env.tmp, version=1, edits=PHONE_CHANGE, name="evil.vnrb").read_bytes()
    # The other bytes at exactly the catalog's size: only the checksum can tell them apart.
    size = (env.feed / entry.path).stat().st_size
    (env.feed / "evil.vnrb").write_bytes(other[:size].ljust(size, b"\0"))
    faulty.plan.add("feed/" + entry.path, *["swap:feed/evil.vnrb"] * 6)
    before = snapshot(env.lib)
    with pytest.raises((ChecksumMismatch, TooLarge)) as err:
        env.updater().sync(faulty.url + "feed/")
    assert "ikke installert" in err.value.message or "stoppet" in err.value.message
    assert snapshot(env.lib) == before


def test_cancel_from_another_thread_interrupts_a_stalled_read(
    env: Env, faulty: FaultyServer
) -> None:
    faulty.plan.add("feed/" + env.entry().path, "stall:200")
    token = CancelToken()
    got_bytes = threading.Event()

    def progress(p: Progress) -> None:
        if p.phase == "download" and p.done >= 200:
            got_bytes.set()

    def canceller() -> None:
        got_bytes.wait(10)
        token.cancel()

    thread = threading.Thread(target=canceller)
    thread.start()
    before = snapshot(env.lib)
    start = time.monotonic()
    with pytest.raises(Cancelled, match="Avbrutt"):
        env.updater(fast_http(read_timeout=30.0, stall_window=60.0)).sync(
            faulty.url + "feed/", progress=progress, cancel=token
        )
    assert time.monotonic() - start < 5.0  # not the 30 s read timeout
    thread.join()
    assert snapshot(env.lib) == before


def test_header_drip_gives_up_within_the_deadline(env: Env, faulty: FaultyServer) -> None:
    """Status line, then one header byte every 50 ms: the per-read timeout (2 s) never fires;
    the request's one deadline does, by shutting the socket down from a timer thread."""
    faulty.plan.add("feed/catalog.json", "headerdrip:0.05")
    deadline = 1.5
    before = snapshot(env.lib)
    start = time.monotonic()
    with pytest.raises(DeadlineExceeded) as info:
        env.updater(fast_http(small_fetch_deadline=deadline, read_timeout=2.0)).check(
            faulty.url + "feed/"
        )
    elapsed = time.monotonic() - start
    assert elapsed <= deadline * 1.1, elapsed
    assert "svarhodene" in info.value.message and "1.5 sekunder" in info.value.message
    assert "headers" in info.value.message_en
    assert len(faulty.hits_for("catalog.json")) == 1  # not retried: the server is hopeless
    assert wait_until(lambda: faulty.hits_for("catalog.json")[0].body_bytes > 5)
    assert snapshot(env.lib) == before


def test_a_tls_handshake_dripped_byte_by_byte_gives_up_within_the_deadline() -> None:
    """A TLS record header announcing 16 KiB, then one byte every 50 ms: the handshake never
    times out per read; the request's deadline ends it and says TLS was slow."""
    stop = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"\x16\x03\x03\x40\x00")
            while not stop.wait(0.05):
                try:
                    conn.sendall(b"\x00")
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"https://127.0.0.1:{listener.getsockname()[1]}/feed/catalog.json"
    client = fast_http(small_fetch_deadline=2.0, connect_timeout=5.0)
    start = time.monotonic()
    try:
        with pytest.raises(DeadlineExceeded, match="TLS") as info:
            client.fetch(url, max_bytes=1000)
        assert time.monotonic() - start <= 2.0 * 1.1
        assert "secure connection (TLS)" in info.value.message_en
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


def test_slow_bundle_gives_up_at_its_size_proportional_deadline(
    env: Env, faulty: FaultyServer
) -> None:
    entry = env.entry()
    faulty.plan.add("feed/" + entry.path, "drip:0.01", "drip:0.01")
    http = fast_http(
        attempts=2, stall_window=60.0, bundle_deadline_floor=1.0, bundle_deadline_rate=1e9
    )
    assert http.config.bundle_deadline(entry.size) == 1.0
    assert fast_http(bundle_deadline_rate=100.0).config.bundle_deadline(entry.size) == max(
        entry.size / 100.0, 120.0
    )
    before = snapshot(env.lib)
    start = time.monotonic()
    with pytest.raises(DeadlineExceeded, match="ble ikke ferdig lastet ned innen 1 sekunder"):
        env.updater(http).sync(faulty.url + "feed/")
    # Two attempts (the second resumes), each cut at its deadline.
    assert time.monotonic() - start < 2 * 1.1 + 1.0
    hits = faulty.hits_for(".vnrb")
    assert len(hits) == 2 and hits[1].range.startswith("bytes=")
    assert snapshot(env.lib) == before


def test_http_proxy_from_the_environment_is_used(
    env: Env, faulty: FaultyServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", faulty.url)
    monkeypatch.setenv("no_proxy", "")
    result = env.updater().sync("http://feed.example.invalid/feed/")
    assert result.installed[0].status == "installed"
    assert faulty.hits and all(h.proxied for h in faulty.hits)


def test_connection_refused_and_name_lookup_messages(env: Env) -> None:
    port = free_port()
    with pytest.raises(NetworkError, match="avviste tilkoblingen") as err:
        env.updater(fast_http(attempts=2)).sync(f"http://127.0.0.1:{port}/feed/")
    assert "uendret" in err.value.message
    dns = _network_error(
        urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), "http://x/"
    )
    assert "navneoppslag feilet" in dns.message and dns.retryable


def test_progress_is_monotonic_and_complete(env: Env, nginx: NginxServer) -> None:
    seen: list[Progress] = []
    env.updater().sync(nginx.url + "feed/", progress=seen.append)
    downloads = [p for p in seen if p.phase == "download" and p.total == env.entry().size]
    assert downloads and downloads[-1].done == env.entry().size
    assert [p.done for p in downloads] == sorted(p.done for p in downloads)
    assert seen[-1].phase == "done"


def test_step_hook_marks_every_step_for_crash_tests(
    env: Env, nginx: NginxServer, userdata: object
) -> None:
    """Issue 9's kill harness needs many distinct points; list them so a rename is noticed."""
    steps: list[str] = []
    up = Updater(
        env.lib,
        env.paths,
        keys=keyring(env.key),
        http=fast_http(),
        userdata=userdata,
        step_hook=steps.append,
    )  # type: ignore[arg-type]
    up.sync(nginx.url + "feed/")
    env.publish(2, PHONE_CHANGE)
    up.sync(nginx.url + "feed/")
    expected = {
        "catalog-fetch",
        "catalog-fetched",
        "catalog-verified",
        "catalog-stored",
        "sequence-recorded",
        "download-begin",
        "download-chunk",
        "download-complete",
        "bundle-verified",
        "archive-read",
        "content-validated",
        "install-begin",
        "begin",
        "old-items-removed",
        "bundle-row-written",
        "items-written",
        "index-written",
        "history-written",
        "committed",
        "installed",
        "stored",
        "changes-reported",
        "stale-prints-listed",
    }
    assert expected <= set(steps)
    assert len(set(steps)) >= 20
    assert (
        steps.index("catalog-verified")
        < steps.index("download-begin")
        < steps.index("bundle-verified")
    )
    assert (
        steps.index("bundle-verified") < steps.index("archive-read") < steps.index("install-begin")
    )
