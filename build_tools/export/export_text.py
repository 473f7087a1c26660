"""CSV (paragraphs, mentions) and the plain text with paragraph numbers."""

from __future__ import annotations

import csv
import io

from build_tools.export import export_data
from build_tools.model import Build

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


def plain_text(build: Build) -> str:
    """Title, dateline, headings and every paragraph as one line "[N] text"."""
    doc = build.doc
    lines = [doc.title, *doc.header, *([doc.dateline] if doc.dateline else []), ""]
    for section in doc.sections:
        if section.level > 0:
            lines.extend([section.title, ""])
        for p in doc.in_section(section.slug):
            lines.extend([f"[{p.shown or p.locator}] {p.text}", ""])  # the document's own
    return "\n".join(lines)
