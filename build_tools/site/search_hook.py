"""mkdocs hook: one search entry per paragraph, inside Material's search (why: search_index.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.site import search_index


def _entries(config: Any, page: Any) -> list[dict[str, str]]:
    return search_index.load(Path(config.config_file_path).parent).get(page.file.src_uri, [])


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Keep each paragraph's words out of its page's entry: the paragraph has its own."""
    for entry in _entries(config, page):
        html, found = re.subn(rf'(<[a-zA-Z][^>]*\sid="{re.escape(entry["id"])}")',
                              rf"\1 {search_index.EXCLUDE_ATTR}", html, count=1)
        if not found:
            raise PluginError(f"{page.file.src_uri}: no element with id {entry['id']!r}")
    return html


@event_priority(-50)  # after Material's search plugin has indexed the page itself
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    search = next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
    if search is None:
        raise PluginError("the search plugin is not enabled: paragraph search needs it")
    for entry in _entries(config, page):
        search.search_index.entries.append({"location": f"{page.url}#{entry['id']}",
                                            "title": entry["title"], "text": entry["text"],
                                            "boost": search_index.PARAGRAPH_BOOST})
    return context
