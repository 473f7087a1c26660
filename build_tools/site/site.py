"""Run `mkdocs build --strict` into a fresh folder and swap it in only when it succeeds."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.errors import EditionError
from build_tools.pages import pending
from build_tools.site import search_prebuilt

log = logging.getLogger(__name__)


def _messages(config: Path) -> Path:
    return config.with_suffix(".log")


def mkdocs_start(config: Path, site_dir: Path) -> subprocess.Popen[bytes]:
    """Start building into site_dir (named in config) from scratch; mkdocs_wait finishes it.
    Its messages go to a file beside the config, not to a pipe: a pipe nobody reads yet could
    stall a build that runs beside another."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with _messages(config).open("wb") as messages:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f",
             str(config)], stdout=messages, stderr=subprocess.STDOUT, env=env)


def mkdocs_wait(proc: subprocess.Popen[bytes], config: Path, site_dir: Path) -> None:
    """Wait for a build mkdocs_start began; raise with mkdocs' output on failure."""
    proc.wait()
    output = _messages(config).read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        if site_dir.exists():
            shutil.rmtree(site_dir)
        raise EditionError(f"mkdocs build --strict failed:\n{output.strip()}", config)
    for line in output.splitlines():
        log.debug("mkdocs: %s", line)


def swap_in(new: Path, target: Path) -> None:
    """Replace target by new in two renames, so a reader never sees half a site."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def fresh(folder: Path) -> Path:
    """An empty folder (what a failed build left there is removed first)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def built_page(site_dir: Path, page: str) -> Path:
    """The HTML file mkdocs writes for a Markdown page (a/b.md -> a/b/index.html)."""
    md = Path(page)
    return site_dir / (md.with_suffix(".html") if md.stem == "index"
                       else md.with_suffix("") / "index.html")


def fill_pending(site_dir: Path, page: str, values: dict[str, str]) -> None:
    """Replace the pending words of a page built before what they stand for existed, in the page
    and in the search index (the files that hold its text); fail if the page lacks one."""
    path = built_page(site_dir, page)
    text = path.read_text(encoding="utf-8")
    if lacking := [w for w in values if w not in text]:
        raise EditionError(f"the built page lacks the pending word(s) {lacking}", path)
    put_file(path, pending.fill(text, values).encode("utf-8"))
    search_prebuilt.fill(site_dir / "search", values)


def put_file(path: Path, data: bytes) -> None:
    """Write the file whole beside, then move it in: a build running beside (or `mkdocs serve`
    watching) reads the old file or the new one, never half of it."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def stop(*procs: subprocess.Popen[bytes]) -> None:
    """End builds still running (a failure elsewhere made their output useless)."""
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
