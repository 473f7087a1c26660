"""mkdocs hook: one search entry per paragraph, inside Material's search (why: search_index.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.site import search_index

# An opening tag with an id: the paragraphs are found in one pass over the page, not one
# search of the whole page per paragraph.
_ID_TAG = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]+)"')


_cache: dict[tuple[Path, int], dict[str, Any]] = {}


def _sidecar(config: Any) -> dict[str, Any]:
    """The sidecar, read once per build (it is read for every page, and grows with the text)."""
    folder = Path(config.config_file_path).parent
    key = (folder, (folder / search_index.SIDECAR).stat().st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = search_index.load(folder)
    return _cache[key]


def _search(config: Any) -> Any:
    search = next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
    if search is None:
        raise PluginError("the search plugin is not enabled: paragraph search needs it")
    return search


def exclude_paragraphs(html: str, ids: set[str]) -> tuple[str, set[str]]:
    """Mark the first element with each of the ids to stay out of the page's entry; return the
    page and the ids not found."""
    missing = set(ids)

    def mark(m: re.Match[str]) -> str:
        if m.group(1) in missing:
            missing.discard(m.group(1))
            return f"{m.group(0)} {search_index.EXCLUDE_ATTR}"
        return m.group(0)

    return _ID_TAG.sub(mark, html), missing


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Keep each paragraph's words out of its page's entry: the paragraph has its own."""
    entries = _sidecar(config)["paragraphs"].get(page.file.src_uri, [])
    html, missing = exclude_paragraphs(html, {e["id"] for e in entries})
    if missing:
        raise PluginError(f"{page.file.src_uri}: no element with id {sorted(missing)[0]!r}")
    return html


@event_priority(-50)  # after Material's search plugin has indexed the page itself
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    sidecar = _sidecar(config)
    index = _search(config).search_index.entries
    paragraphs = sidecar["paragraphs"].get(page.file.src_uri, [])
    entries = sidecar["entries"].get(page.file.src_uri, {})
    # Material's own entries of this page: the section's rest, or an editor's page.
    boost = search_index.SECTION_BOOST if paragraphs else search_index.EDITOR_BOOST
    for entry in reversed(index):  # Material has just appended them (mkdocs runs every
        if entry["location"].partition("#")[0] != page.url:  # page's on_page_content first)
            break
        if boost != 1:
            entry["boost"] = boost
        ours = entries.get(entry["location"].partition("#")[2])
        if ours:  # an index entry: what it says, from the model (search_index.index_entries)
            entry.update(ours)
    for p in paragraphs:
        entry = {"location": f"{page.url}#{p['id']}", "title": p["title"], "text": p["text"],
                 "boost": search_index.PARAGRAPH_BOOST}
        if p.get("also"):
            entry["also"] = p["also"]
        index.append(entry)
    return context
