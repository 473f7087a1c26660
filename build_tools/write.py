"""Stage write: the generated Markdown tree, the edition's assets and the generated config."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from build_tools.model import Build, Paths

ASSETS = "assets"


def site_config(build: Build, paths: Paths, site_dir: Path, **extra: Any) -> dict[str, Any]:
    """The generated mkdocs config: the project's base config plus this document's facts."""
    meta = build.inputs.meta
    base = os.path.relpath(paths.mkdocs_yml, paths.generated)
    config: dict[str, Any] = {
        "INHERIT": base,
        "site_name": meta.get("document_short_title") or meta["document_title"],
        "site_description": meta["document_title"],
        "site_url": meta["edition_site_url"],
        "site_author": meta["edition_publisher"],
        "copyright": f"{meta['edition_name']}, version {meta['edition_version']} "
                     f"({meta['edition_date']}), {meta['edition_publisher']}",
        "docs_dir": "docs",
        "site_dir": os.path.relpath(site_dir, paths.generated),
        "nav": list(build.nav),
    }
    if meta.get("edition_repo_url"):
        config["repo_url"] = meta["edition_repo_url"]
    config.update(extra)
    return config


def write_tree(build: Build, paths: Paths) -> list[Path]:
    """Replace the generated docs tree with this build's files; return what was written."""
    if paths.docs.exists():
        shutil.rmtree(paths.docs)
    written = []
    for f in build.files:
        target = paths.docs / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(f.content, bytes):
            target.write_bytes(f.content)
        else:
            target.write_text(f.content, encoding="utf-8")
        written.append(target)
    assets = Path(__file__).parent / ASSETS
    for item in assets.iterdir():
        if item.is_file():
            target = paths.docs / ASSETS / item.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.read_bytes())
            written.append(target)
    return written


def write_config(build: Build, paths: Paths, name: str, site_dir: Path, **extra: Any) -> Path:
    path = paths.generated / name
    path.write_text(yaml.safe_dump(site_config(build, paths, site_dir, **extra),
                                   sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
