"""`edition serve`: an editor's change to content/ shows up in the preview without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from build_tools.model import Paths


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return str(r.read().decode("utf-8"))


def _wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds} s")


def test_serve_rebuilds_on_a_content_change(content_copy: Paths) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "build_tools.cli", "serve", "--content", str(content_copy.content),
         "--annexes", str(content_copy.annexes), "--out", str(content_copy.out),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        url = f"http://127.0.0.1:{port}/edition/"
        _wait_for(url, "Corrections")
        notes = content_copy.content / "notes.yml"
        notes.write_text(notes.read_text("utf-8").replace(
            "The text is left as received.", "The text is left exactly as received."), "utf-8")
        _wait_for(url, "left exactly as received")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
