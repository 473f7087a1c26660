"""`edition serve`: an editor's change to content/ shows up in the preview without a restart."""

from __future__ import annotations

import contextlib
import os
import re
import signal
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


class Served:
    """`edition serve` in a process group of its own (it starts `mkdocs serve` as a child), so
    that the test ends both, and checks that nothing of it is left running."""

    def __init__(self, paths: Paths):
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "build_tools.cli", "serve", "--content", str(paths.content),
             "--annexes", str(paths.annexes), "--out", str(paths.out), "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
            start_new_session=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def end(self) -> None:
        group = self.proc.pid  # the leader of its own session and group
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        self.proc.wait(timeout=20)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        os.killpg(group, signal.SIGKILL)
        raise AssertionError("a process of `edition serve` outlived SIGTERM to its group")


def test_serve_rebuilds_on_a_content_change(content_copy: Paths) -> None:
    served = Served(content_copy)
    try:
        url = served.url("edition/")
        _wait_for(url, "Corrections")
        notes = content_copy.content / "notes.yml"
        notes.write_text(notes.read_text("utf-8").replace(
            "The text is left as received.", "The text is left exactly as received."), "utf-8")
        _wait_for(url, "left exactly as received")
    finally:
        served.end()


def test_serve_answers_with_the_error_while_content_is_broken(content_copy: Paths) -> None:
    served = Served(content_copy)
    try:
        url = served.url("edition/")
        _wait_for(url, "Corrections")
        notes = content_copy.content / "notes.yml"
        good = notes.read_text("utf-8")
        lines = good.split("\n")
        bad_line = next(i for i, line in enumerate(lines, 1) if line.startswith("- id:"))
        lines[bad_line - 1] = "- id: [broken"
        notes.write_text("\n".join(lines), "utf-8")
        page = _wait_for(url, "The content has an error")
        named = re.search(r"notes\.yml:(\d+)", page)
        assert named and int(named.group(1)) in (bad_line, bad_line + 1), page
        assert "malformed YAML" in page
        # Every page answers, at once, with the error (none waits for a good build).
        for path in ("", "iraq/", "indexes/bodies/"):
            start = time.monotonic()
            assert "The content has an error" in _get(served.url(path))
            assert time.monotonic() - start < 5
        notes.write_text(good.replace("The text is left as received.",
                                      "The text is left, again, as received."), "utf-8")
        _wait_for(url, "left, again, as received")
    finally:
        served.end()
