"""Run `mkdocs build --strict` into a fresh folder and swap it in only when it succeeds."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.errors import EditionError

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


def mkdocs_build(config: Path, site_dir: Path) -> None:
    """Build into site_dir (named in config) from scratch; raise with mkdocs' output on failure."""
    mkdocs_wait(mkdocs_start(config, site_dir), config, site_dir)


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
