"""Where the editor's statements come from: sources, official symbols and today's names, as
Markdown for the index pages and the notes, and as plain records for the exports.

The links are written as `<a href>` elements: links a reader chooses to follow, never resources
a page loads (build_tools/verify/external.py draws the line), and an official symbol's address
such as `…/S/RES/242(1967)` keeps its parentheses, which a Markdown link would have to escape.
"""

from __future__ import annotations

from typing import Any

from build_tools.model import Entry, Source
from build_tools.pages.markdown import attr, escape, exclude_attr


def entry_sources(entry: Entry) -> tuple[Source, ...]:
    return _sources(entry.get("sources"))


def _sources(items: Any) -> tuple[Source, ...]:
    return tuple(Source(str(s["title"]), str(s["url"])) for s in items or ())


def symbol(entry: Entry) -> Source | None:
    """An instrument's official document symbol, as (symbol, address of the official text)."""
    value = entry.get("symbol")
    return Source(str(value["text"]), str(value["url"])) if value else None


def current_name(entry: Entry) -> dict[str, Any] | None:
    """A renamed body's name today: {name, abbr?, since, sources}."""
    value = entry.get("current_name")
    return dict(value) if value else None


def current_name_sources(entry: Entry) -> tuple[Source, ...]:
    today = current_name(entry)
    return _sources(today.get("sources")) if today else ()


def tooltip(entry: Entry) -> str:
    """The full name a mention's tooltip gives: the entry's name and its official symbol."""
    sym = symbol(entry)
    if sym is None or sym.title in entry.name:
        return entry.name
    return f"{entry.name} \u2014 {sym.title}"


def anchor_html(source: Source) -> str:
    return f'<a href="{attr(source.url)}">{escape(source.title)}</a>'


def sources_markdown(sources: tuple[Source, ...]) -> str:
    """'Source: <a…>title</a>' (or 'Sources: …; …'), "" when there is none."""
    if not sources:
        return ""
    label = "Source" if len(sources) == 1 else "Sources"
    return f"{label}: " + "; ".join(anchor_html(s) for s in sources)


def unsearched(markdown: str) -> str:
    """Source links on an index page stay out of search: a search for a body finds its entry by
    its names, not every entry whose sources name it (as the paragraph lists, for precision)."""
    return f"<span {exclude_attr('sources')}>{markdown}</span>" if markdown else ""


def head_lines(entry: Entry, editor: str) -> list[str]:
    """List items for the top of an index entry: its official symbol, its name today."""
    lines = []
    sym = symbol(entry)
    if sym is not None:
        lines.append(f"- Symbol: {anchor_html(sym)}")
    today = current_name(entry)
    if today:
        name = escape(str(today["name"]))
        if today.get("abbr"):
            name += f" ({escape(str(today['abbr']))})"
        lines.append(f"- {editor} Name today: **{name}**, since {int(today['since'])}. "
                     + unsearched(sources_markdown(current_name_sources(entry))))
    return lines


def tail_lines(entry: Entry) -> list[str]:
    """The list item that closes an index entry: where its statements can be checked."""
    text = unsearched(sources_markdown(entry_sources(entry)))
    return [f"- {text}"] if text else []


def cell_note(entry: Entry, editor: str) -> str:
    """The editor's note and the sources of an entry shown as a table row (the timeline), to
    follow the row's label in its cell; "" when it has neither."""
    parts = []
    if entry.get("note"):
        parts.append(f"{editor} {escape(str(entry.get('note')))}")
    found = unsearched(sources_markdown(entry_sources(entry)))
    if found:
        parts.append(found)
    return "<br>" + " ".join(parts) if parts else ""


def records(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    """Sources as open-data records."""
    return [{"title": s.title, "url": s.url} for s in sources]


def entry_record(entry: Entry) -> dict[str, Any]:
    """An entry's symbol, name today and sources, for the exports (only the fields it has)."""
    out: dict[str, Any] = {}
    sym = symbol(entry)
    if sym is not None:
        out["symbol"] = {"text": sym.title, "url": sym.url}
    today = current_name(entry)
    if today:
        out["current_name"] = {
            **{k: today[k] for k in ("name", "abbr") if today.get(k)},
            "since": int(today["since"]),
            "sources": records(current_name_sources(entry)),
        }
    found = entry_sources(entry)
    if found:
        out["sources"] = records(found)
    return out
