"""The editor's sources, official symbols and names today in the Akoma Ntoso export: a `<p>` of
`<a href>` links in each note, and a note per referenced entry that has any (TLC elements hold no
content, so the entry's note points at it with refersTo)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from build_tools.model import Build, Entry, Source
from build_tools.pages import sources

Sub = Callable[..., ET.Element]


def links(sub: Sub, parent: ET.Element, label: str, found: tuple[Source, ...]) -> None:
    """`<p>Source: <a href="…">title</a>; …</p>`."""
    if not found:
        return
    p = sub(parent, "p", f"{label}{'s' if len(found) > 1 else ''}: ")
    for i, s in enumerate(found):
        a = sub(p, "a", s.title, href=s.url)
        a.tail = "; " if i < len(found) - 1 else None


def of_notes(build: Build) -> dict[str, tuple[Source, ...]]:
    """The sources of each note element of the export, by its eId."""
    out = {f"note_corr_{c.id}": c.sources for c in build.inputs.corrections}
    out.update({f"note_{n.id}": n.sources for n in build.inputs.notes})
    return out


def entry_note(sub: Sub, notes: ET.Element, entry: Entry, tlc_eid: str) -> None:
    """A note on a referenced entry: its official symbol, its name today, its sources."""
    sym = sources.symbol(entry)
    today = sources.current_name(entry)
    found = sources.entry_sources(entry)
    if sym is None and not today and not found:
        return
    note = sub(notes, "note", eId=f"note_ref_{tlc_eid}", class_="reference",
               refersTo=f"#{tlc_eid}")
    if sym is not None:
        p = sub(note, "p", "Symbol: ")
        sub(p, "a", sym.title, href=sym.url)
    if today:
        abbr = f" ({today['abbr']})" if today.get("abbr") else ""
        sub(note, "p", f"Name today: {today['name']}{abbr}, since {int(today['since'])}.")
        links(sub, note, "Source", sources.current_name_sources(entry))
    links(sub, note, "Source", found)
