"""mkdocs hook of the offline build: the iframe-worker shim, and the pages that differ offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from build_tools.site import offline


def on_files(files: Files, config: Any) -> Files:
    """The shim (a Worker for file://) and its licence, from the pinned npm package."""
    for src, dest in offline.shim_files():
        files.append(File.generated(config, dest, abs_src_path=str(src)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """The offline text of a page whose online text differs (the docs tree is the online one)."""
    variant = Path(config.config_file_path).parent / offline.OFFLINE_PAGES / page.file.src_uri
    return variant.read_text(encoding="utf-8") if variant.is_file() else markdown
