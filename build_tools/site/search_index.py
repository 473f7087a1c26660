"""Paragraph-level search entries: one search result per paragraph, landing on `#para_N`.

Material's search splits pages at headings only, so a paragraph is never a result of its own. The
mechanism is a mkdocs hook (`search_hook.py`) that works inside Material's search plugin, rather
than a rewrite of `search/search_index.json` after the build: page URLs then come from mkdocs
itself (`section/` online, `section.html` offline), each paragraph entry lands right after its
page's entry (Material's result grouping needs the page first), the offline plugin embeds the
finished index in `search_index.js` unchanged, and `edition serve` can use the same hook. What the
entries say comes from the model, written here to a JSON file beside the generated config: the
paragraph's number, section and text, with the full name of each acronym it uses (and the acronym
of each full name), so searching a body's full name finds a paragraph that gives only its acronym.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

from build_tools.model import Build, Entry, Paragraph, Paths

SIDECAR = "search-paragraphs.json"
HOOK = Path(__file__).with_name("search_hook.py")


def exclude_attr(why: str) -> str:
    """The attribute that keeps an element's words out of Material's search index (Material
    strips `data-search-*="..."` attributes from the page afterwards)."""
    return f'data-search-exclude="{why}"'


# The paragraph's words leave the page's own entry, so a phrase hit is the paragraph, not the
# whole page above it (and nothing is indexed twice).
EXCLUDE_ATTR = exclude_attr("paragraph")
# Material multiplies a page-level hit by up to 5 and a section hit by up to 2, so a page that
# quotes a few words of a paragraph (an index, the concordance) would outrank the paragraph
# itself; this per-document boost (Material passes it to lunr) gives the paragraph the lead.
PARAGRAPH_BOOST = 3


def title(build: Build, p: Paragraph) -> str:
    where = p.locator if p.address else f"\u00b6 {p.number}"  # the document's own number
    return f"{where} \u00b7 {build.doc.section(p.section).title}"


def expansions(build: Build, p: Paragraph) -> list[tuple[int, str]]:
    """(offset, words) to add after the first mention of each entry: the full name after an
    acronym, the acronym after a full name, unless the paragraph already has those words."""
    entries: dict[tuple[str, str], Entry] = {(e.kind, e.key): e for e in build.inputs.entries}
    seen: set[tuple[str, str]] = set()
    out: list[tuple[int, str]] = []
    for span in sorted(p.spans, key=lambda s: (s.start, -s.end)):
        entry = entries.get((span.kind, span.key))
        if entry is None or not entry.abbr or (span.kind, span.key) in seen:
            continue
        seen.add((span.kind, span.key))
        words = p.text[span.start:span.end]
        other = entry.name if span.abbr or words in entry.abbr else entry.abbr[0]
        if other != words and other not in p.text:
            out.append((span.end, other))
    return out


def text_html(build: Build, p: Paragraph) -> str:
    """The paragraph as search text (HTML, as Material's index holds it), the added names in
    brackets, the editor's mark for words that are not the document's."""
    parts, pos = [], 0
    for at, words in sorted(expansions(build, p)):
        parts.append(html.escape(p.text[pos:at], quote=False))
        parts.append(f" [{html.escape(words, quote=False)}]")
        pos = at
    parts.append(html.escape(p.text[pos:], quote=False))
    return "<p>" + "".join(parts) + "</p>"


def paragraph_entries(build: Build) -> dict[str, list[dict[str, str]]]:
    """Page source path -> the search entries of its paragraphs, in order (location fragments;
    the hook prefixes each with the page's URL)."""
    pages = build.page_paths
    out: dict[str, list[dict[str, str]]] = {}
    for p in build.doc.paragraphs:
        out.setdefault(pages[p.section], []).append(
            {"id": p.eid, "title": title(build, p), "text": text_html(build, p)})
    return out


def prepare(build: Build, paths: Paths) -> dict[str, Any]:
    """Write the paragraph entries beside the generated config; return the config keys that
    load the hook (for write.write_config)."""
    paths.generated.mkdir(parents=True, exist_ok=True)
    data = json.dumps(paragraph_entries(build), ensure_ascii=False, sort_keys=True, indent=1)
    (paths.generated / SIDECAR).write_text(data + "\n", encoding="utf-8")
    return {"hooks": [os.path.relpath(HOOK, paths.generated)]}


def load(config_dir: Path) -> dict[str, list[dict[str, str]]]:
    data: dict[str, list[dict[str, str]]] = json.loads(
        (config_dir / SIDECAR).read_text(encoding="utf-8"))
    return data
