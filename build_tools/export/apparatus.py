"""The editor's statements the site shows (corrections, notes, where the source ends, annexes
not in the source), as plain records: every export carries the same list."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

from build_tools.model import Build

ENDING = "source-ends"  # the key of the note where the received text stops


@dataclass(frozen=True)
class Statement:
    kind: str  # "correction", "note", "ending" or "annex"
    key: str
    para: int  # the paragraph it is attached to (an annex: the paragraph that names it)
    text: str  # plain words, as a reader sees them
    source: str = ""  # a correction's readings
    edition: str = ""


def plain(markdown: str) -> str:
    """The words of the editor's inline Markdown, without its markup, on one line."""
    out: list[str] = []
    for token in MarkdownIt("commonmark").parseInline(markdown.strip()):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
    return " ".join("".join(out).split())


def annex_statement(holds: str, para: int) -> str:
    """What the annex's page says (render.annex_pages), in plain words."""
    return (f"The document says this annex holds {holds} (paragraph {para}). The text of the "
            "annex is not part of the source from which this edition is made, so it is not "
            "reproduced here.")


def beside(build: Build, number: int) -> list[Statement]:
    """The statements on a paragraph that are not spans of it: where the source ends, and the
    annexes it names that the source lacks."""
    out = []
    ending = str(build.inputs.meta.get("ending_note") or "")
    if ending and number == len(build.doc.paragraphs):
        out.append(Statement("ending", ENDING, number, plain(ending)))
    out += [Statement("annex", a.key, a.para, annex_statement(a.holds, a.para))
            for a in build.inputs.annexes if a.text is None and a.para == number]
    return out


def statements(build: Build) -> list[Statement]:
    """Every statement, in the order of the paragraphs (then corrections, notes, the rest)."""
    doc = build.doc
    where = {(s.kind, s.key): p.number for p in doc.paragraphs for s in p.spans}
    out = [Statement("correction", c.id, where[("correction", c.id)], " ".join(c.reason.split()),
                     c.source, c.edition)
           for c in build.inputs.corrections if ("correction", c.id) in where]
    out += [Statement("note", n.id, n.para, plain(n.text)) for n in build.inputs.notes]
    out += [s for n in sorted({len(doc.paragraphs), *(a.para for a in build.inputs.annexes)})
            if 1 <= n <= len(doc.paragraphs) for s in beside(build, n)]
    order = {"correction": 0, "note": 1, "ending": 2, "annex": 3}
    return sorted(out, key=lambda s: (s.para, order[s.kind]))
