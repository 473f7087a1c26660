"""Stage clean: rejoin what page and line breaks cut, then apply the listed corrections."""

from __future__ import annotations

import re
from dataclasses import replace

from build_tools.errors import EditionError
from build_tools.model import Block, Build, Correction, Inputs, Span

# A paragraph that goes on after a page break ends without closing punctuation,
# or the text after the break starts in lower case or with an opening bracket.
_CLOSES = re.compile(r"[.:;!?\u201d\"\u2019)]$")
_CONTINUES = re.compile(r"^[a-z(\[\u2018]")


def _join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a line-end hyphen is a real compound hyphen, kept with no space."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not out:
            out = line
        elif out.endswith("-"):
            out += line
        else:
            out += " " + line
    return out


def raw_blocks(text: str) -> list[tuple[int, list[str], int]]:
    """(first line, lines, blank lines before it) for each run of non-blank lines."""
    blocks: list[tuple[int, list[str], int]] = []
    current: list[str] = []
    start = 0
    blanks = 0
    gap = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start, gap = number, blanks
            current.append(line)
            blanks = 0
        else:
            if current:
                blocks.append((start, current, gap))
                current = []
            blanks += 1
    if current:
        blocks.append((start, current, gap))
    return blocks


def unwrap(text: str, headings: set[str], overrides: dict[int, bool]) -> list[Block]:
    """Blocks of text with page breaks (two or more blank lines) rejoined where they cut one."""
    blocks: list[Block] = []
    for start, lines, gap in raw_blocks(text):
        joined = _join_lines(lines)
        if blocks and gap >= 2:
            before = blocks[-1]
            join = overrides.get(start)
            if join is None:
                join = (
                    before.text not in headings
                    and joined not in headings
                    and (not _CLOSES.search(before.text) or bool(_CONTINUES.match(joined)))
                )
            if join:
                text_ = _join_lines([before.text, joined])
                blocks[-1] = Block(text_, text_, before.line, joined_page_break=True)
                continue
        blocks.append(Block(joined, joined, start))
    return blocks


def _find_all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def changed_part(source: str, edition: str) -> tuple[int, int]:
    """Offsets, within the edition reading, of what differs from the source reading."""
    prefix = 0
    while prefix < min(len(source), len(edition)) and source[prefix] == edition[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(source), len(edition)) - prefix
           and source[-1 - suffix] == edition[-1 - suffix]):
        suffix += 1
    start, end = prefix, len(edition) - suffix
    # A mark around whitespace alone means nothing to a reader: keep it on the words.
    while start < end and edition[start] == " ":
        start += 1
    while end > start and edition[end - 1] == " ":
        end -= 1
    # Mark whole words: "63rd" rather than "rd".
    if start < end:
        while start > 0 and edition[start - 1].isalnum():
            start -= 1
        while end < len(edition) and edition[end].isalnum():
            end += 1
    return start, end


def apply_corrections(blocks: list[Block], corrections: tuple[Correction, ...],
                      where: str) -> list[Block]:
    for c in corrections:
        hits = [(i, at) for i, b in enumerate(blocks) for at in _find_all(b.text, c.source)]
        if len(hits) != 1:
            count = "nowhere" if not hits else f"{len(hits)} times"
            raise EditionError(
                f"correction {c.id!r}: its source reading {c.source!r} occurs {count} in the "
                "cleaned text; it must occur exactly once (add context to make it unique)",
                where, c.line)
        i, at = hits[0]
        block = blocks[i]
        text = block.text[:at] + c.edition + block.text[at + len(c.source):]
        delta = len(c.edition) - len(c.source)
        moved = tuple(
            s if s.start < at else replace(s, start=s.start + delta, end=s.end + delta)
            for s in block.corrections
        )
        lo, hi = changed_part(c.source, c.edition)
        mark = Span(at + lo, at + hi, "correction", c.id)
        blocks[i] = replace(block, text=text,
                            corrections=tuple(sorted((*moved, mark), key=lambda s: s.start)))
    return blocks


def clean(inputs: Inputs) -> tuple[Block, ...]:
    headings = {h.text for h in inputs.headings}
    blocks = unwrap(inputs.source_text, headings, dict(inputs.page_break_overrides))
    where = str(inputs.root / "corrections.yml")
    return tuple(apply_corrections(blocks, inputs.corrections, where))


def run(build: Build) -> Build:
    if build.blocks:  # the structure layer has made the blocks: only the corrections remain
        where = str(build.inputs.root / "corrections.yml")
        return replace(build, blocks=tuple(apply_corrections(list(build.blocks),
                                                             build.inputs.corrections, where)))
    return replace(build, blocks=clean(build.inputs))
