"""A static file server on 127.0.0.1, for the tests and benchmarks (never another address)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_dir(root: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve root on a free loopback port; returns its URL and the server (shut it down)."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextmanager
def served(root: Path) -> Iterator[str]:
    url, server = serve_dir(root)
    try:
        yield url
    finally:
        server.shutdown()
