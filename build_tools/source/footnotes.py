"""The document's own footnotes: the footnote block read, each marker found, removed and noted."""

from __future__ import annotations

import re
from dataclasses import replace

from build_tools.model import Block, Note, Span

_DEF = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_RULE = re.compile(r"^(?:-{3,}|_{3,})\s*$")
# Markers, in the order they are tried at one place: "[^6]"; a number glued to a word or its
# punctuation ("Persons,1 reaffirm"); a number standing alone between words ("Agenda 5 and").
_GLUED = (r"(?:(?<=[a-z\u2019\u201d)])|(?<=[a-z0-9)\u201d\u2019][,.;:])"
          r"|(?<=[a-z][,.;:][\u201d\u2019])){n}(?![\d/])")
# A number glued to a year ("25 November 20242": 2024, footnote 2); only the expected number.
_YEAR = r"(?<=\b[12]\d{{3}}){n}(?![\d/])"
_ALONE = (r"(?<=[A-Za-z\u201d\u2019),.;:]) {{1,2}}{n}"
          r"(?=\s{{1,2}}(?:[a-z(\u2013]|\d+\.\s)|[,.;:)]|\s*$)")


_PAGE_NOTE = re.compile(r"^(\d{1,2})\s+(\S.*)$")


def page_notes(lines: list[str], start: int, end: int) -> dict[int, tuple[str, int]]:
    """Footnotes printed at a page's foot, as a PDF extraction leaves them: a rule, then
    lines "1 See ..." (line index -> (number, text)); the structure layer skips those lines."""
    out: dict[int, tuple[str, int]] = {}
    i = start
    while i < end:
        if _RULE.match(lines[i].strip()):
            j = i + 1
            while j < end and (m := _PAGE_NOTE.match(lines[j].strip())):
                out[j] = (m.group(2), int(m.group(1)))
                j += 1
            i = j
        else:
            i += 1
    return out


def block(lines: list[str], start: int) -> tuple[int, dict[int, tuple[str, int]]]:
    """Where the body ends, and the footnotes after it: number -> (text, line)."""
    first = next((i for i in range(start, len(lines)) if _DEF.match(lines[i])), len(lines))
    end = first
    while end > start and (not lines[end - 1].strip() or _RULE.match(lines[end - 1])):
        end -= 1
    notes: dict[int, tuple[str, int]] = {}
    current: int | None = None
    for i in range(first, len(lines)):
        if m := _DEF.match(lines[i]):
            current = int(m.group(1))
            notes[current] = (m.group(2).strip(), i + 1)
        elif lines[i].strip() and current is not None:
            text, line = notes[current]
            notes[current] = (f"{text} {' '.join(lines[i].split())}".strip(), line)
    return end, notes


def _find(text: str, n: int, pos: int) -> re.Match[str] | None:
    found = [m for m in (re.compile(rf"\[\^{n}\]").search(text, pos),
                         re.compile(_GLUED.format(n=n)).search(text, pos),
                         re.compile(_ALONE.format(n=n)).search(text, pos),
                         re.compile(_YEAR.format(n=n)).search(text, pos)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def attach(blocks: list[Block], notes: dict[int, tuple[str, int]]
           ) -> tuple[list[Block], tuple[Note, ...]]:
    """Each footnote's marker found in order (footnotes are numbered through the document),
    removed from the words and replaced by a note mark; a marker not found puts the note at the
    end of the paragraph where the one before it stood."""
    out = list(blocks)
    own: list[Note] = []
    at_block, at_pos = 0, 0
    for n in sorted(notes):
        text, line = notes[n]
        key = f"fn-{n}"
        hit = None
        for b in range(at_block, len(out)):
            if out[b].heading:
                continue
            m = _find(out[b].text, n, at_pos if b == at_block else 0)
            if m:
                hit = (b, m)
                break
        if hit is None:
            back = next((i for i in range(at_block, -1, -1) if not out[i].heading), None)
            if back is None:
                continue
            blk = out[back]  # the search goes on from where the last marker was found
            out[back] = replace(blk, corrections=(*blk.corrections,
                                                  Span(len(blk.text), len(blk.text), "note", key)))
            own.append(Note(key, 0, "", text or "(empty footnote)", line, own=True))
            continue
        else:
            b, m = hit
            blk = out[b]
            new = (blk.text[:m.start()] + blk.text[m.end():]).replace("  ", " ")
            mark = m.start()
            out[b] = replace(blk, text=new, source=new)
        at_block, at_pos = b, mark
        blk = out[b]
        out[b] = replace(blk, corrections=(*blk.corrections, Span(mark, mark, "note", key)))
        own.append(Note(key, 0, "", text or "(empty footnote)", line, own=True))
    return out, tuple(own)
