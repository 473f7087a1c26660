"""Paragraph-level search entries: one search result per paragraph, landing on `#para_N`.

Material's search splits pages at headings only, so a paragraph is never a result of its own. The
mechanism is a mkdocs hook (`search_hook.py`) that works inside Material's search plugin, rather
than a rewrite of `search/search_index.json` after the build: page URLs then come from mkdocs
itself (`section/` online, `section.html` offline), each paragraph entry lands right after its
page's entry (Material's result grouping needs the page first), the offline plugin embeds the
finished index in `search_index.js` unchanged, and `edition serve` can use the same hook. What the
entries say comes from the model, written here to a JSON file beside the generated config: the
paragraph's number, section and text (the document's words only), and, in a field Material indexes
but does not show (`also`), the names of every entry it mentions (the full name of an acronym, the
acronym of a full name, aliases, today's names) and the words search_terms.py adds, so searching a
body's full name or today's name finds a paragraph that gives only its acronym.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

from build_tools.annotation.mentions import PAGE_OF_KIND, anchor
from build_tools.model import Build, Entry, Paragraph, Paths
from build_tools.pages.markdown import exclude_attr
from build_tools.site import search_terms

SIDECAR = "search-paragraphs.json"
HOOK = Path(__file__).with_name("search_hook.py")
# The index prebuilt into search_index.json and the worker that loads it (search_prebuilt.py).
PREBUILT_HOOK = Path(__file__).with_name("search_prebuilt_hook.py")


# The paragraph's words leave the page's own entry, so a phrase hit is the paragraph, not the
# whole page above it (and nothing is indexed twice).
EXCLUDE_ATTR = exclude_attr("paragraph")
# Per-entry boosts (Material passes them to lunr; it then multiplies a page's own entry by up to
# 5 and a heading's by up to 2): the document's paragraphs first, then the rest of a section
# page (its heading, "This section deals with"), then the editor's pages (indexes, notes, how
# to cite...), whose entries quote names and words of the text. With the field boosts of
# mkdocs.yml (title 1, text 1, also 0.5), an index entry's title hit (1 x 1 x 2) stays below
# a paragraph that has the word only among its search-only words (0.5 x 150 x 2), and a section
# page's own text (1 x 25 x 5) below a paragraph's (1 x 150 x 2).
PARAGRAPH_BOOST = 150
SECTION_BOOST = 25
EDITOR_BOOST = 1  # lunr's default: the editor's entries carry no boost in the index


def title(build: Build, p: Paragraph) -> str:
    where = p.locator if p.address else f"\u00b6 {p.number}"  # the document's own number
    return f"{where} \u00b7 {build.doc.section(p.section).title}"


def names(entry: Entry) -> list[str]:
    """What readers may type for an entry besides the text's forms: its name, acronyms,
    aliases and today's name (`current_name.name`, where the data gives one)."""
    current = entry.get("current_name")
    today = [current["name"]] if isinstance(current, dict) and current.get("name") else []
    return [entry.name, *entry.abbr, *(entry.get("aliases") or ()), *today]


def added_names(build: Build, p: Paragraph) -> list[str]:
    """The names of every entry the paragraph mentions, for its search-only words."""
    entries: dict[tuple[str, str], Entry] = {(e.kind, e.key): e for e in build.inputs.entries}
    out: list[str] = []
    for span in sorted(p.spans, key=lambda s: (s.start, -s.end)):
        entry = entries.get((span.kind, span.key))
        if entry is not None:
            out.extend(names(entry))
    return out


def acronyms(build: Build, p: Paragraph) -> list[str]:
    """The acronyms of the paragraph's mentions, as the text gives them."""
    return [p.text[s.start:s.end] for s in p.spans if s.abbr]


def text_html(p: Paragraph) -> str:
    """The paragraph as search text: the document's words only (HTML, as Material's index
    holds them); what the edition adds for search is the `also` field."""
    return "<p>" + html.escape(p.text, quote=False) + "</p>"


def paragraph_entries(build: Build, sep: re.Pattern[str],
                      groups: tuple[tuple[str, ...], ...]) -> dict[str, list[dict[str, str]]]:
    """Page source path -> the search entries of its paragraphs, in order (location fragments;
    the hook prefixes each with the page's URL)."""
    pages = build.page_paths
    out: dict[str, list[dict[str, str]]] = {}
    for p in build.doc.paragraphs:
        entry = {"id": p.eid, "title": title(build, p), "text": text_html(p)}
        added = added_names(build, p)
        extra = search_terms.also(p.text, added, sep, groups, keep=acronyms(build, p))
        if extra:
            entry["also"] = extra
        out.setdefault(pages[p.section], []).append(entry)
    return out


def index_entries(build: Build, sep: re.Pattern[str],
                  groups: tuple[tuple[str, ...], ...]) -> dict[str, dict[str, dict[str, str]]]:
    """Index page source path -> {entry anchor: its search entry's text and search-only words}.

    The text is what the entry says (the editor's description and note), not the page around
    it: the facts every entry repeats ("At the meeting: took part..."), the bodies it lists and
    its paragraph list would make it a hit for words that are another entry's or the text's.
    Its search-only words are its forms, aliases and today's name, in every spelling, so
    a body's name of today finds its glossary entry."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for e in build.inputs.entries:
        page = PAGE_OF_KIND.get(e.kind)
        if page is None:
            continue
        said = [str(e.get(k)) for k in ("description", "role_in_text", "note") if e.get(k)]
        text = "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in said)
        shown = " ".join([e.name, *e.abbr, *said])
        entry = {"text": text}
        extra = search_terms.also(shown, [*e.forms, *names(e)], sep, groups)
        if extra:
            entry["also"] = extra
        out.setdefault(page, {})[anchor(e.kind, e.key)] = entry
    return out


def prepare(build: Build, paths: Paths) -> dict[str, Any]:
    """Write the paragraph entries beside the generated config; return the config keys that
    load the hook (for write.write_config)."""
    paths.generated.mkdir(parents=True, exist_ok=True)
    sep = search_terms.separator(paths.mkdocs_yml)
    groups = search_terms.spellings(paths.content)
    sidecar = {"paragraphs": paragraph_entries(build, sep, groups),
               "entries": index_entries(build, sep, groups)}
    data = json.dumps(sidecar, ensure_ascii=False, sort_keys=True, indent=1)
    (paths.generated / SIDECAR).write_text(data + "\n", encoding="utf-8")
    return {"hooks": [os.path.relpath(h, paths.generated) for h in (HOOK, PREBUILT_HOOK)]}


def load(config_dir: Path) -> dict[str, Any]:
    """The sidecar: {"paragraphs": {page: [entry...]},
    "entries": {page: {anchor: {"text": ..., "also": ...}}}}."""
    data: dict[str, Any] = json.loads(
        (config_dir / SIDECAR).read_text(encoding="utf-8"))
    return data
