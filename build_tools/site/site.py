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


def mkdocs_build(config: Path, site_dir: Path) -> None:
    """Build into site_dir (named in config) from scratch; raise with mkdocs' output on failure."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(config)],
        capture_output=True, text=True, env=env, check=False,
    )
    if proc.returncode != 0:
        if site_dir.exists():
            shutil.rmtree(site_dir)
        raise EditionError(f"mkdocs build --strict failed:\n{proc.stderr.strip()}", config)
    for line in proc.stderr.splitlines():
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
