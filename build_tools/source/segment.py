"""Stage segment: title block, dateline, the heading hierarchy and the numbered paragraphs."""

from __future__ import annotations

from dataclasses import replace

from build_tools.errors import EditionError
from build_tools.model import Block, Build, Document, Inputs, Paragraph, Section
from build_tools.source import doctypes
from build_tools.source.slug import slugify


def _unique_slug(slug: str, parent: str | None, taken: set[str]) -> str:
    if slug in taken and parent:
        slug = f"{parent}-{slug}"
    base, n = slug, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def segment(inputs: Inputs, blocks: tuple[Block, ...]) -> Document:
    edition_file = str(inputs.root / "edition.yml")
    source_file = str(inputs.root / inputs.meta["source_file"])
    title, dateline = inputs.meta["document_title"], inputs.meta["document_dateline"]
    if len(blocks) < 2 or blocks[0].text != title:
        got = blocks[0].text if blocks else ""
        raise EditionError(f"the source's title block reads {got!r}, not the title in "
                           f"edition.yml ({title!r})", source_file, 1)
    if blocks[1].text != dateline:
        raise EditionError(f"the block after the title reads {blocks[1].text!r}, not the "
                           f"dateline in edition.yml ({dateline!r})", source_file, blocks[1].line)

    front = Section(slugify(inputs.meta["front_label"]), inputs.meta["front_label"], 0, None,
                    blocks[0].line, editorial_title=True)
    sections = [front]
    taken = {front.slug}
    stack: list[Section] = []  # open sections, by level
    paragraphs: list[Paragraph] = []
    pending = list(inputs.headings)
    all_headings = {h.text: h for h in inputs.headings}
    current = front
    for block in blocks[2:]:
        if pending and block.text == pending[0].text:
            heading = pending.pop(0)
            while stack and stack[-1].level >= heading.level:
                stack.pop()
            parent = stack[-1].slug if stack else None
            if (stack and heading.level > stack[-1].level + 1) or (not stack and heading.level > 1):
                raise EditionError(f"heading {heading.text!r} skips a level", edition_file,
                                   heading.line)
            slug = _unique_slug(heading.slug or slugify(heading.text), parent, taken)
            taken.add(slug)
            current = Section(slug, block.text, heading.level, parent, block.line)
            sections.append(current)
            stack.append(current)
            continue
        if block.text in all_headings:
            h = all_headings[block.text]
            raise EditionError(f"heading {h.text!r} occurs again, or out of the order listed",
                               source_file, block.line)
        paragraphs.append(Paragraph(len(paragraphs) + 1, block.text, block.source, block.line,
                                    current.slug, block.corrections,
                                    block.joined_page_break))
    if pending:
        raise EditionError(f"heading {pending[0].text!r} was not found in the source (in this "
                           "order, as a block of its own)", edition_file, pending[0].line)
    return Document(title, dateline, tuple(sections), tuple(paragraphs))


def run(build: Build) -> Build:
    if doctypes.of(build.inputs.meta).own_numbers:  # its headings come from the structure layer
        from build_tools.source import outline

        return replace(build, document=outline.segment(build.inputs, build.blocks, build.header))
    return replace(build, document=segment(build.inputs, build.blocks))
