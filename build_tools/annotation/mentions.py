"""How mentions of index entries look in the text, on section pages and in the navigation.

Each abbreviation is an `<abbr title="Full name">` (Material shows the title as a tooltip); the
first mention of an entry in a paragraph (see annotate) is also a link to its index entry.
"""

from __future__ import annotations

from typing import Any

from build_tools.model import Build, Entry, Section, Span
from build_tools.pages.markdown import attr, escape, link
from build_tools.pages.sources import symbol, tooltip

INDEX_DIR = "indexes"
INDEX_HOME = f"{INDEX_DIR}/index.md"
# Index kind -> (page, title in the navigation), in the order of the navigation.
INDEX_PAGES: tuple[tuple[str, str, str], ...] = (
    ("body", f"{INDEX_DIR}/bodies.md", "Bodies (glossary)"),
    ("term", f"{INDEX_DIR}/terms.md", "Other terms"),
    ("topic", f"{INDEX_DIR}/topics.md", "Topics"),
    ("place", f"{INDEX_DIR}/places.md", "Places"),
    ("person", f"{INDEX_DIR}/people.md", "People"),
    ("instrument", f"{INDEX_DIR}/instruments.md", "Instruments cited"),
    ("event", f"{INDEX_DIR}/timeline.md", "Timeline"),
    ("cooperation", f"{INDEX_DIR}/cooperation.md", "Cooperation"),
)
PAGE_OF_KIND = {kind: page for kind, page, _ in INDEX_PAGES}
MENTION_KINDS = frozenset({"body", "term", "person", "place", "instrument"})

_lookup_cache: dict[int, tuple[tuple[Entry, ...], dict[tuple[str, str], Entry]]] = {}


def entries_by_key(build: Build) -> dict[tuple[str, str], Entry]:
    """(kind, key) -> entry, for the build's index entries."""
    entries = build.inputs.entries
    cached = _lookup_cache.get(id(entries))
    if cached is None or cached[0] is not entries:
        cached = (entries, {(e.kind, e.key): e for e in entries})
        _lookup_cache.clear()
        _lookup_cache[id(entries)] = cached
    return cached[1]


def entry_of(build: Build, span: Span) -> Entry | None:
    return entries_by_key(build).get((span.kind, span.key))


def full_name(build: Build, span: Span) -> str:
    """The full name of what a mention span stands for ("" for spans that are not mentions)."""
    entry = entry_of(build, span)
    return tooltip(entry) if entry else ""


def anchor(kind: str, key: str) -> str:
    """The id of an entry on its index page (stable: part of the edition's addresses)."""
    return f"{kind}-{key}"


def entry_href(page: str, kind: str, key: str) -> str:
    return link(page, PAGE_OF_KIND[kind], anchor(kind, key))


def title_attr(text: str) -> str:
    """An attribute value that is also safe inside the text of a Markdown link."""
    return attr(text).replace("[", "&#91;").replace("]", "&#93;")


def abbr_html(title: str, inner: str) -> str:
    return f'<abbr title="{title_attr(title)}">{inner}</abbr>'


def label(entry: Entry) -> str:
    """Short label of an entry: its first abbreviation, else the shortest of its names."""
    return entry.abbr[0] if entry.abbr else min((entry.name, *entry.forms), key=len)


def label_markdown(entry: Entry) -> str:
    """The label as Markdown, an abbreviation carrying its full name as a tooltip."""
    if entry.abbr:
        return abbr_html(tooltip(entry), escape(entry.abbr[0]))
    return escape(label(entry))


def has_tooltip(entry: Entry, span: Span) -> bool:
    """Whether a mention is drawn as an `<abbr>` with a tooltip: an abbreviation, or a short
    reference to a document that has an official symbol."""
    return span.abbr or symbol(entry) is not None


def decorate(build: Build, page: str, span: Span, inner: str) -> str:
    """Markdown for one mention span around its already-rendered words."""
    entry = entry_of(build, span)
    if entry is None or span.kind not in PAGE_OF_KIND:
        return inner
    # A mention of a document with an official symbol ("242") gives the symbol in its tooltip.
    out = abbr_html(tooltip(entry), inner) if has_tooltip(entry, span) else inner
    # A link cannot hold a footnote reference (a correction or note inside the mention).
    if span.link and "[^" not in inner:
        out = f"[{out}]({entry_href(page, span.kind, span.key)})"
    return out


def section_footer(build: Build, page: str, section: Section) -> str:
    """What a section deals with (bodies, places, topics), for the end of its page."""
    paras = build.doc.in_section(section.slug)
    if not paras:
        return ""
    entries = entries_by_key(build)
    found: dict[str, list[Entry]] = {"body": [], "place": []}
    for p in paras:
        for s in p.spans:
            e = entries.get((s.kind, s.key))
            if e is not None and s.kind in found and e not in found[s.kind]:
                found[s.kind].append(e)
    numbers = {p.number for p in paras}
    topics = [e for e in build.inputs.entries
              if e.kind == "topic" and numbers & set(e.get("paras") or ())]
    rows = []
    for kind, title, items in (("body", "Bodies", found["body"]),
                               ("place", "Places", found["place"]),
                               ("topic", "Topics", topics)):
        if items:
            links = ", ".join(f"[{label_markdown(e)}]({entry_href(page, kind, e.key)})"
                              for e in items)
            rows.append(f"- **{title}**: {links}")
    if not rows:
        return ""
    return "\n".join([
        '<aside class="deals-with" aria-label="What this section deals with" markdown>\n',
        "**This section deals with**\n",
        *rows,
        "\n</aside>\n",
    ])


def nav_entries(build: Build) -> list[Any]:
    """Navigation entries of the index pages (only those with entries)."""
    kinds = {e.kind for e in build.inputs.entries}
    pages = [{title: page} for kind, page, title in INDEX_PAGES if kind in kinds]
    if not pages:
        return []
    return [{"Indexes": [INDEX_HOME, *pages]}]
