"""The benchmark's server sends pages as a static host does: gzip for text when asked."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from build_tools.bench.loopback import served


def _get(url: str, gzip_ok: bool) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request) as response:  # loopback only
        return response.read(), response.headers.get("Content-Encoding")


def test_text_is_sent_gzipped_when_asked_and_plain_otherwise(tmp_path: Path) -> None:
    page = "<!doctype html><p>" + "words " * 500 + "</p>"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not text")
    with served(tmp_path, as_hosted=True) as url:
        body, encoding = _get(url + "a/", gzip_ok=True)
        assert encoding == "gzip" and len(body) < len(page)
        assert gzip.decompress(body).decode("utf-8") == page
        assert _get(url + "a/", gzip_ok=False) == (page.encode("utf-8"), None)
        assert _get(url + "logo.png", gzip_ok=True) == (b"\x89PNG not text", None)
    with served(tmp_path) as url:  # the tests' plain server is unchanged
        assert _get(url + "a/", gzip_ok=True) == (page.encode("utf-8"), None)
