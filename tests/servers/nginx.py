"""nginx on 127.0.0.1 serving a folder, with a generated config in a tmp folder.

nginx's static module gives what a CDN gives: ETag / If-None-Match (304) and Range (206).
The access log records status, body bytes sent and the Range header of every request, so tests
and the benchmark can count what went over the wire.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

NGINX = "/usr/sbin/nginx"

_CONF = """
daemon off;
master_process off;
worker_processes 1;
error_log {tmp}/error.log warn;
pid {tmp}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    log_format vnr '$status $body_bytes_sent "$http_range" "$http_if_none_match" $request_uri';
    access_log {tmp}/access.log vnr;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ application/json json; application/octet-stream vnrb minisig; }}
    default_type application/octet-stream;
    sendfile on;
    etag on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LogLine:
    status: int
    body_bytes: int
    range: str
    if_none_match: str
    uri: str


class NginxServer:
    conf_template = _CONF
    """The whole nginx.conf, formatted with tmp, port and root (a subclass may replace it)."""

    def __init__(self, root: Path, tmp: Path, nginx: str = NGINX) -> None:
        self.root = Path(root).resolve()
        self.tmp = Path(tmp)
        self.nginx = nginx
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> NginxServer:
        self.tmp.mkdir(parents=True, exist_ok=True)
        conf = self.tmp / "nginx.conf"
        conf.write_text(self.conf_template.format(tmp=self.tmp, port=self.port, root=self.root))
        (self.tmp / "access.log").touch()
        self.proc = subprocess.Popen(
            [self.nginx, "-p", str(self.tmp), "-c", str(conf), "-e", str(self.tmp / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"nginx exited: {err}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.02)  # polling for the port, not a fixed wait in a test
        raise RuntimeError("nginx did not start listening")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            if self.proc.stderr:
                self.proc.stderr.close()

    def log(self) -> list[LogLine]:
        """The access log so far (nginx writes each line when the request completes)."""
        out: list[LogLine] = []
        for line in (self.tmp / "access.log").read_text().splitlines():
            status, sent, rest = line.split(" ", 2)
            rng, _, rest = rest[1:].partition('" "')
            inm, _, uri = rest.partition('" ')
            out.append(
                LogLine(
                    int(status),
                    int(sent),
                    rng if rng != "-" else "",
                    inm if inm != "-" else "",
                    uri,
                )
            )
        return out

    def wait_for_log(self, n: int, timeout: float = 5.0) -> list[LogLine]:
        deadline = time.monotonic() + timeout
        while True:
            lines = self.log()
            if len(lines) >= n or time.monotonic() > deadline:
                return lines
            time.sleep(0.01)


def is_root() -> bool:
    return os.geteuid() == 0
