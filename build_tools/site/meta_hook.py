"""mkdocs hook: each page's description, citation tags, link preview and JSON-LD in its head."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from build_tools.pages import metadata

# A paragraph of the page's own words: not the title of a note box ("admonition-title").
_PARAGRAPH = re.compile(r'<p\b(?![^>]*class="[^"]*admonition-title)[^>]*>(.*?)</p>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_loaded: dict[str, Any] = {}  # the sidecar of the build in progress (metadata.SIDECAR)


def first_words(content: str) -> str:
    """A page's description when the model gives none: its first paragraph's words."""
    for m in _PARAGRAPH.finditer(content):
        words = html.unescape(_TAG.sub("", m.group(1))).strip()
        if words:
            return metadata.clip(words)
    return ""


def on_config(config: Any) -> Any:
    path = Path(config.config_file_path).parent / metadata.SIDECAR
    _loaded.clear()
    if path.exists():
        _loaded.update(json.loads(path.read_text(encoding="utf-8")))
    return config


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    site = _loaded.get("site") or {"name": str(config.site_name),
                                   "lang": str(config.theme.get("language") or "en")}
    entry = _loaded.get("pages", {}).get(page.file.src_uri, {})
    description = (page.meta.get("description") or entry.get("description")
                   or first_words(page.content or "") or config.site_description or "")
    page.meta["description"] = description  # Material writes <meta name="description"> from it
    url = entry.get("url") or page.canonical_url or ""
    title = str(page.title or config.site_name)
    tags = [(str(a), str(k), str(v)) for a, k, v in entry.get("tags", [])]
    tags += metadata.preview(title, description, url, site, entry.get("kind", "website"))
    context["edition_head"] = Markup(metadata.head_html(tags, entry.get("jsonld")))
    return context
