"""``vnr-desktop feed serve DIR``: a quick local look at a feed folder and its website.

Python's static file server, bound to 127.0.0.1 unless told otherwise; for real use put the
folder on any static web server (docs/feed-site.md).
"""

from __future__ import annotations

import functools
import re
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

UNKNOWN_VERSION = re.compile(r"^(/.+/)v[0-9]+(-[0-9]+)*/$")


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".json": "application/json",
        ".minisig": "text/plain",
        ".vnrb": "application/octet-stream",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
    }

    def send_head(self) -> BinaryIO | None:
        """A printed version this site never published (``…/v3-2/``): the card's current
        page, as the documented nginx config does."""
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        m = UNKNOWN_VERSION.match(path)
        if (
            m
            and not Path(self.translate_path(path)).is_dir()
            and (Path(self.translate_path(m.group(1))) / "index.html").is_file()
        ):
            self.path = m.group(1)
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def make_server(folder: Path, bind: str = "127.0.0.1", port: int = 8080) -> ThreadingHTTPServer:
    handler = functools.partial(_Handler, directory=str(Path(folder).resolve()))
    return ThreadingHTTPServer((bind, port), handler)


def serve_folder(folder: Path, bind: str = "127.0.0.1", port: int = 8080) -> int:
    server = make_server(folder, bind, port)
    address, real_port = server.server_address[:2]
    # An AF_INET server's address is a str; the stubs also allow bytes.
    host = address.decode() if isinstance(address, bytes | bytearray) else address
    print(f"Viser {folder} på http://{host}:{real_port}/ (Ctrl+C stopper)", flush=True)
    print(f"Serving {folder} at http://{host}:{real_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
