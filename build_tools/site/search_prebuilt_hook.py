"""mkdocs hook: the search index prebuilt into search_index.json, and the worker that loads it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from build_tools.errors import EditionError
from build_tools.site import search_prebuilt

log = logging.getLogger("mkdocs.edition.search")

_worker: dict[str, str] = {}


def _script() -> tuple[str, str]:
    if not _worker:
        try:
            script = search_prebuilt.worker_script()
        except EditionError as exc:
            raise PluginError(str(exc)) from exc
        _worker.update(script=script, path=search_prebuilt.worker_path(script))
    return _worker["script"], _worker["path"]


def on_files(files: Any, config: Any) -> Any:
    """The edition's worker in, Material's (and its source map, 255 kB) out: no page names it."""
    script, path = _script()
    for unused in [f for f in files if search_prebuilt.MATERIAL_WORKER_FILE.fullmatch(f.src_uri)]:
        files.remove(unused)
    files.append(File.generated(config, path, content=script))
    return files


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["edition_search_worker"] = _swap
    return env


def _swap(block: str) -> Markup:
    """theme/main.html's filter over Material's config block: the edition's worker."""
    try:
        return Markup(search_prebuilt.swap_worker(str(block), _script()[1]))
    except ValueError as exc:
        raise PluginError(str(exc)) from exc


@event_priority(-50)  # after Material's search plugin writes the index, before offline (-100)
def on_post_build(config: Any) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        raise PluginError(f"{path} is missing: the prebuilt search index needs the search plugin")
    try:
        size = search_prebuilt.add_to(path)
    except EditionError as exc:
        raise PluginError(str(exc)) from exc
    if size is None:
        log.debug("prebuilt search index: packed when its pending words are filled")
    else:
        log.debug("search_index.json with its prebuilt index: %d bytes", size)
