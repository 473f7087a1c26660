"""CSV (paragraphs, mentions) and the plain text with paragraph numbers."""

from __future__ import annotations

import csv
import io

from build_tools.export import apparatus, export_data
from build_tools.model import Build

EDITORIAL_COLUMNS = ("paragraph", "id", "kind", "key", "text", "source", "edition")
PARAGRAPH_COLUMNS = ("number", "id", "section", "section_title", "url", "text", "source",
                     "corrections", "notes")
MENTION_COLUMNS = ("paragraph", "id", "kind", "key", "name", "start", "end", "text", "abbr")


def _csv(header: tuple[str, ...], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def paragraphs_csv(build: Build) -> str:
    rows: list[list[object]] = []
    for p in build.doc.paragraphs:
        rec = export_data.paragraph_record(build, p)
        rows.append([p.number, p.eid, p.section, rec["section_path"][-1]["title"], rec["url"],
                     p.text, p.source, " ".join(c["id"] for c in rec["corrections"]),
                     " ".join(n["id"] for n in rec["notes"])])
    return _csv(PARAGRAPH_COLUMNS, rows)


def mentions_csv(build: Build) -> str:
    rows: list[list[object]] = []
    for p in build.doc.paragraphs:
        for m in export_data.paragraph_record(build, p)["mentions"]:
            rows.append([p.number, p.eid, m["kind"], m["key"], m["name"], m["start"], m["end"],
                         m["text"], "yes" if m["abbr"] else "no"])
    return _csv(MENTION_COLUMNS, rows)


def editorial_csv(build: Build) -> str:
    """One row per statement of the editor that the site shows (apparatus.py)."""
    rows: list[list[object]] = [[s.para, f"para_{s.para}", s.kind, s.key, s.text, s.source,
                                 s.edition] for s in apparatus.statements(build)]
    return _csv(EDITORIAL_COLUMNS, rows)


LABELS = {"correction": "Correction", "note": "Editorial note", "ending": "Editorial note",
          "annex": "Annex"}


def plain_text(build: Build) -> str:
    """Title, dateline, headings and every paragraph as one line "[N] text", then the editor's
    statements, one a line, each naming its paragraph."""
    doc = build.doc
    lines = [doc.title, *doc.header, *([doc.dateline] if doc.dateline else []), ""]
    for section in doc.sections:
        if section.level > 0:
            lines.extend([section.title, ""])
        for p in doc.in_section(section.slug):
            lines.extend([f"[{p.shown or p.locator}] {p.text}", ""])
    said = apparatus.statements(build)
    if said:
        lines.extend(["Editorial notes and corrections", ""])
        for s in said:
            readings = (f" The source reads \u201c{s.source}\u201d; the edition reads "
                        f"\u201c{s.edition}\u201d." if s.kind == "correction" else "")
            lines.extend([f"{LABELS[s.kind]} ({s.key}), paragraph {s.para}:{readings} {s.text}",
                          ""])
    return "\n".join(lines)
