"""The edition as plain records (metadata, sections, paragraphs, annotations) for the open data."""

from __future__ import annotations

from typing import Any

from build_tools.export import apparatus
from build_tools.model import Build, Entry, Paragraph, Section, Source, Span
from build_tools.pages import cite, sources

# Span kinds that are the editor's apparatus; every other kind is a mention of an index entry.
APPARATUS = ("correction", "note")

META_FIELDS = ("document_title", "document_short_title", "document_dateline", "document_meeting",
               "document_place", "document_date_start", "document_date", "document_language",
               "document_author", "document_symbol", "edition_name", "edition_version",
               "edition_date", "edition_publisher", "edition_site_url", "edition_licence",
               "edition_slug", "source_file", "source_sha256")


def page_url(build: Build, section: str) -> str:
    """The online address of a section's page (directory URLs, as mkdocs.yml sets them)."""
    return str(build.inputs.meta["edition_site_url"]) + cite.page_url(build.page(section))


def paragraph_url(build: Build, p: Paragraph) -> str:
    return f"{page_url(build, p.section)}#{p.eid}"


def section_path(build: Build, slug: str) -> list[Section]:
    """The section and its ancestors, outermost first."""
    doc = build.doc
    chain: list[Section] = []
    current: str | None = slug
    while current:
        s = doc.section(current)
        chain.append(s)
        current = s.parent
    return chain[::-1]


def entries_by_ref(build: Build) -> dict[tuple[str, str], Entry]:
    return {(e.kind, e.key): e for e in build.inputs.entries}


def mentions_of(p: Paragraph) -> list[Span]:
    return sorted((s for s in p.spans if s.kind not in APPARATUS),
                  key=lambda s: (s.start, s.end, s.kind, s.key))


def metadata(build: Build) -> dict[str, Any]:
    meta = build.inputs.meta
    out: dict[str, Any] = {}
    for name in META_FIELDS:
        value = meta.get(name)
        if value not in (None, ""):
            out[name] = value
    out["systems"] = [{"key": k, "name": n} for k, n in meta.get("systems", ())]
    return out


def paragraph_record(build: Build, p: Paragraph) -> dict[str, Any]:
    corrections = {c.id: c for c in build.inputs.corrections}
    notes = {n.id: n for n in build.inputs.notes}
    entries = entries_by_ref(build)
    corr = []
    note_list = []
    for s in sorted(p.spans, key=lambda s: (s.start, s.end, s.key)):
        if s.kind == "correction":
            c = corrections[s.key]
            corr.append({"id": c.id, "kind": c.kind, "start": s.start, "end": s.end,
                         "text": p.text[s.start:s.end], "source": c.source,
                         "edition": c.edition, "reason": c.reason.strip(),
                         **_sourced(c.sources)})
        elif s.kind == "note":
            note_list.append({"id": s.key, "at": s.start, "text": notes[s.key].text.strip(),
                              **_sourced(notes[s.key].sources),
                              **({"by": "document"} if notes[s.key].own else {})})
    mentions = []
    for s in mentions_of(p):
        entry = entries.get((s.kind, s.key))
        mentions.append({"kind": s.kind, "key": s.key,
                         "name": entry.name if entry else s.key,
                         "start": s.start, "end": s.end, "text": p.text[s.start:s.end],
                         "abbr": s.abbr})
    return {
        "number": p.number,
        "id": p.eid,
        **({"label": p.shown, "cite": p.locator} if p.address else {}),
        "url": paragraph_url(build, p),
        "section": p.section,
        "section_path": [{"slug": s.slug, "title": s.title}
                         for s in section_path(build, p.section)],
        "line": p.line,
        "text": p.text,
        "source": p.source,
        "joined_page_break": p.joined_page_break,
        "corrections": corr,
        "notes": note_list,
        # The editor's statements shown beside the paragraph (where the source ends, annexes
        # the source lacks): every export carries what the site shows (apparatus.py).
        "editorial": [{"kind": s.kind, "key": s.key, "text": s.text}
                      for s in apparatus.beside(build, p.number)],
        "mentions": mentions,
    }


def _sourced(found: tuple[Source, ...]) -> dict[str, Any]:
    return {"sources": sources.records(found)} if found else {}


def sections(build: Build) -> list[dict[str, Any]]:
    return [{"slug": s.slug, "title": s.title, "level": s.level, "parent": s.parent,
             "editorial_title": s.editorial_title, "url": page_url(build, s.slug)}
            for s in build.doc.sections]


def entries(build: Build) -> list[dict[str, Any]]:
    """The index entries that mentions refer to (kind and key), with their names, official
    symbols, names today and sources."""
    used = {(s.kind, s.key) for p in build.doc.paragraphs for s in mentions_of(p)}
    return [{"kind": e.kind, "key": e.key, "name": e.name, **sources.entry_record(e)}
            for e in build.inputs.entries if (e.kind, e.key) in used]
