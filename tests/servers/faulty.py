"""A fault-injecting HTTP server on 127.0.0.1 for the sync client's network tests.

It serves files from a folder with Range and ETag support like a static server, and each path
can be given a list of faults, used one per request (then it behaves well):

- ``cut:N``       send the headers and N body bytes, then drop the connection;
- ``stall:N``     send N body bytes, then send nothing until the server stops;
- ``drip:SECONDS`` send one byte every SECONDS (a connection that never quite dies);
- ``status:CODE`` answer with that HTTP status and a short body;
- ``length:+N``   announce N more bytes than are sent, then close;
- ``endless``     announce no length and send bytes forever (until the client gives up);
- ``norange``     ignore Range and send the whole file with 200;
- ``badrange``    answer a Range request with a 206 starting at the wrong offset;
- ``swap:PATH``   send the bytes of another file instead (a malicious mirror);
- ``headerdrip:SECONDS`` send the status line, then one header byte every SECONDS, forever.

It also acts as a plain HTTP proxy (a request line with an absolute URL), recording that the
request came through it, to prove the client honours HTTP_PROXY.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Hit:
    path: str
    status: int
    range: str
    body_bytes: int
    proxied: bool


@dataclass
class FaultPlan:
    faults: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, path: str, *faults: str) -> None:
        self.faults[path.lstrip("/")].extend(faults)

    def take(self, path: str) -> str | None:
        queue = self.faults.get(path.lstrip("/"))
        return queue.pop(0) if queue else None


class FaultyServer:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.plan = FaultPlan()
        self.hits: list[Hit] = []
        self.stop_event = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> FaultyServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def _record(self, hit: Hit) -> Hit:
        with self._lock:
            self.hits.append(hit)
        return hit

    def hits_for(self, suffix: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path.endswith(suffix)]

    @property
    def body_bytes(self) -> int:
        with self._lock:
            return sum(h.body_bytes for h in self.hits)

    # ------------------------------------------------------------------ handling

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        proxied = h.path.startswith("http://")
        path = urlsplit(h.path).path.lstrip("/")
        fault = self.plan.take(path)
        rng = h.headers.get("Range", "")
        file = self.root / path
        if fault and fault.startswith("status:"):
            code = int(fault.split(":", 1)[1])
            body = b"fault"
            self._record(Hit(path, code, rng, len(body), proxied))
            h.send_response(code)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
            return
        if fault and fault.startswith("headerdrip:"):
            every = float(fault.split(":", 1)[1])
            hit = self._record(Hit(path, 200, rng, 0, proxied))
            try:
                h.wfile.write(b"HTTP/1.1 200 OK\r\n")
                h.wfile.flush()
                header = b"X-Slow: " + b"a" * 100_000
                for i in range(len(header)):
                    if self.stop_event.wait(every):
                        break
                    h.wfile.write(header[i : i + 1])
                    h.wfile.flush()
                    hit.body_bytes += 1
            except OSError:
                pass
            h.close_connection = True
            return
        if fault and fault.startswith("swap:"):
            file = self.root / fault.split(":", 1)[1]
        if not file.is_file():
            self._record(Hit(path, 404, rng, 0, proxied))
            h.send_response(404)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        data = file.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag and not fault:
            self._record(Hit(path, 304, rng, 0, proxied))
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        start = 0
        status = 200
        if rng.startswith("bytes=") and fault != "norange":
            start = int(rng[6:].split("-", 1)[0])
            status = 206
        if fault == "endless":
            hit = self._record(Hit(path, 200, rng, 0, proxied))
            h.send_response(200)
            h.send_header("Connection", "close")
            h.end_headers()
            sent = 0
            try:
                while not self.stop_event.is_set() and sent < 1 << 30:
                    h.wfile.write(b"x" * 65536)
                    sent += 65536
                    hit.body_bytes = sent
            except OSError:
                pass
            h.close_connection = True
            return
        body = data[start:]
        hit = self._record(Hit(path, status, rng, 0, proxied))
        h.send_response(status)
        h.send_header("ETag", etag)
        h.send_header("Accept-Ranges", "bytes")
        announced = len(body)
        if fault and fault.startswith("length:+"):
            announced += int(fault.split("+", 1)[1])
        h.send_header("Content-Length", str(announced))
        if status == 206:
            shown = start + 1 if fault == "badrange" else start
            h.send_header("Content-Range", f"bytes {shown}-{len(data) - 1}/{len(data)}")
        h.end_headers()
        try:
            if fault and fault.startswith("cut:"):
                n = int(fault.split(":", 1)[1])
                h.wfile.write(body[:n])
                hit.body_bytes = n
                h.wfile.flush()
                h.close_connection = True
            elif fault and fault.startswith("stall:"):
                n = int(fault.split(":", 1)[1])
                h.wfile.write(body[:n])
                h.wfile.flush()
                hit.body_bytes = n
                self.stop_event.wait()
                h.close_connection = True
            elif fault and fault.startswith("drip:"):
                every = float(fault.split(":", 1)[1])
                for i in range(len(body)):
                    if self.stop_event.wait(every):
                        break
                    h.wfile.write(body[i : i + 1])
                    h.wfile.flush()
                    hit.body_bytes += 1
                h.close_connection = True
            else:
                h.wfile.write(body)
                hit.body_bytes = len(body)
                if fault and fault.startswith("length:+"):
                    h.close_connection = True
        except OSError:
            h.close_connection = True


def wait_until(predicate: object, timeout: float = 5.0) -> bool:
    """Poll ``predicate`` (a callable) until true or timeout; for server-side state only."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return bool(predicate())  # type: ignore[operator]
