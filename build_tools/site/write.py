"""Stage write: the generated Markdown tree, the edition's assets and the generated config."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from build_tools.model import Build, Paths
from build_tools.pages import metadata
from build_tools.site import site

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
    # The edition's style and script inline, with Material's dark scheme (inline.py).
    config["theme"] = {"custom_dir": str(Path(__file__).with_name("theme"))}
    config.update(extra)
    # The 404 page says how many paragraphs there are (theme/404.html).
    config["extra"] = {**config.get("extra", {}), "paragraphs": len(build.doc.paragraphs)}
    # The paragraph resolver (p/N/ and p/N.html lead on, whichever the URL layout), the
    # inline style and script of theme/main.html, and the accessible names Material leaves out.
    config["hooks"] = [*config.get("hooks", []),
                       *(str(Path(__file__).with_name(hook))
                         for hook in ("resolver_hook.py", "inline_hook.py", "names_hook.py",
                                      "meta_hook.py",
                                      # the policy hashes the final HTML (csp_hook.py)
                                      "csp_hook.py"))]
    return config


def write_tree(build: Build, paths: Paths) -> list[Path]:
    """Make the generated docs tree exactly this build's files; return the files it holds.

    Unchanged files are not rewritten, so `mkdocs serve` sees only real changes (no rebuild loop).
    """
    wanted: dict[Path, bytes] = {}
    for f in build.files:
        data = f.content if isinstance(f.content, bytes) else f.content.encode("utf-8")
        wanted[paths.docs / f.path] = data
    assets = Path(__file__).parent / ASSETS
    for item in sorted(assets.iterdir()):
        if item.is_file():
            wanted[paths.docs / ASSETS / item.name] = item.read_bytes()
    if paths.docs.exists():
        for old in sorted(paths.docs.rglob("*"), reverse=True):
            if old.is_file() and old not in wanted:
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    for target, data in wanted.items():
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        site.put_file(target, data)
    return sorted(wanted)


def write_files(build: Build, paths: Paths, names: set[str]) -> None:
    """Write these files of the build again (made or filled in after the tree was written)."""
    for f in build.files:
        if f.path in names:
            data = f.content if isinstance(f.content, bytes) else f.content.encode("utf-8")
            site.put_file(paths.docs / f.path, data)


def write_config(build: Build, paths: Paths, name: str, site_dir: Path, **extra: Any) -> Path:
    path = paths.generated / name
    # Each page's citation tags, link preview and JSON-LD, for meta_hook.py.
    sidecar = path.with_name(metadata.SIDECAR)
    data = (json.dumps(metadata.sidecar(build), ensure_ascii=False, sort_keys=True, indent=1)
            + "\n").encode("utf-8")
    if not sidecar.exists() or sidecar.read_bytes() != data:
        site.put_file(sidecar, data)
    path.write_text(yaml.safe_dump(site_config(build, paths, site_dir, **extra),
                                   sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
