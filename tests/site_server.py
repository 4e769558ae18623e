"""Serve a built site on loopback the way GitHub Pages serves a project site; the tests and bench/ share it.

- under a sub-path: `http://127.0.0.1:PORT/cmo-handbook/…` maps to the build directory;
- a directory serves its index.html (and a directory without its trailing slash is redirected);
- a missing path gets the site's /404.html with status 404;
- text is gzipped for clients that accept it (Lighthouse's simulated throttling scores transfer sizes, so an
  uncompressed server would understate performance); `gzip=False` serves it as stored.
"""

from __future__ import annotations

import gzip as gzip_module
import mimetypes
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE_PATH = "/cmo-handbook/"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _handler_for(root: Path, gzip: bool) -> type[BaseHTTPRequestHandler]:
    class PagesHandler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # keep test output quiet
            pass

        def do_GET(self):
            self._serve(head_only=False)

        def do_HEAD(self):
            self._serve(head_only=True)

        def _resolve(self, path: str) -> Path | None:
            if not path.startswith(BASE_PATH):
                return None
            relative = unquote(path[len(BASE_PATH) :])
            candidate = (root / relative).resolve()
            if root not in candidate.parents and candidate != root:
                return None
            if candidate.is_dir():
                if not path.endswith("/"):
                    return candidate  # redirect handled by caller
                candidate = candidate / "index.html"
            return candidate if candidate.is_file() else None

        def _serve(self, head_only: bool):
            path = urlsplit(self.path).path
            target = self._resolve(path)
            if target is not None and target.is_dir():
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            status = HTTPStatus.OK
            if target is None:
                status, target = HTTPStatus.NOT_FOUND, root / "404.html"
            body = target.read_bytes()
            content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            compress = gzip and content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
            if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
                content_type += "; charset=utf-8"
            if compress:
                body = gzip_module.compress(body, compresslevel=6, mtime=0)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if compress:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

    return PagesHandler


class SiteServer:
    def __init__(self, root: Path, port: int, *, gzip: bool = True):
        self.root = root.resolve()
        self.port = port
        self.url = f"http://127.0.0.1:{port}{BASE_PATH}"
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self.root, gzip))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
