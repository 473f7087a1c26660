"""A static file server on 127.0.0.1, for the tests and benchmarks (never another address)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# What a static host such as GitHub Pages sends compressed (it sends images as they are).
COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _AsHosted(_Quiet):
    """Served as a static host serves a site: gzip for text when the browser asks for it, and
    connections kept open (HTTP/1.1). The benchmark's pages load as readers' would."""

    protocol_version = "HTTP/1.1"

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSED
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def serve_dir(root: Path, as_hosted: bool = False
              ) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve root on a free loopback port; returns its URL and the server (shut it down)."""
    handler = functools.partial(_AsHosted if as_hosted else _Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextmanager
def served(root: Path, as_hosted: bool = False) -> Iterator[str]:
    url, server = serve_dir(root, as_hosted)
    try:
        yield url
    finally:
        server.shutdown()
