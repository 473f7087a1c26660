"""Stage notes: attach the editor's notes to their points in the paragraphs, as spans."""

from __future__ import annotations

from dataclasses import replace

from markdown_it import MarkdownIt

from build_tools.errors import EditionError
from build_tools.model import Build, Span

_BLOCK_OK = {"paragraph_open", "paragraph_close", "inline"}


def run(build: Build) -> Build:
    doc = build.doc
    where = str(build.inputs.root / "notes.yml")
    parser = MarkdownIt("commonmark")
    paragraphs = list(doc.paragraphs)
    for note in build.inputs.notes:
        if note.own:  # the document's own footnote: the structure layer has placed its mark
            continue
        if not 1 <= note.para <= len(paragraphs):
            raise EditionError(f"note {note.id!r}: there is no paragraph {note.para}", where,
                               note.line)
        # A note is shown as a footnote: it must be inline Markdown, one paragraph.
        if any(t.type not in _BLOCK_OK for t in parser.parse(note.text)):
            raise EditionError(f"note {note.id!r}: the text must be one paragraph of inline "
                               "Markdown", where, note.line)
        p = paragraphs[note.para - 1]
        if note.at:
            count = p.text.count(note.at)
            if count != 1:
                raise EditionError(f"note {note.id!r}: {note.at!r} occurs {count} times in "
                                   f"paragraph {note.para}; it must occur once", where, note.line)
            at = p.text.index(note.at) + len(note.at)
        else:
            at = len(p.text)
        paragraphs[note.para - 1] = replace(p, spans=(*p.spans, Span(at, at, "note", note.id)))
    return replace(build, document=replace(doc, paragraphs=tuple(paragraphs)))
