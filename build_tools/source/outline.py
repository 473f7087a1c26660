"""Segment a document with its own numbers: headings from the structure layer, addresses kept."""

from __future__ import annotations

from build_tools.model import Block, Document, Inputs, Paragraph, Section
from build_tools.source.segment import _unique_slug
from build_tools.source.slug import slugify


def segment(inputs: Inputs, blocks: tuple[Block, ...], header: tuple[str, ...]) -> Document:
    meta = inputs.meta
    label = str(meta["front_label"])
    front = Section(slugify(label), label, 0, None, blocks[0].line if blocks else 1,
                    editorial_title=True)
    sections = [front]
    taken = {front.slug}
    stack: list[Section] = []
    chosen = {h.text: h.slug for h in inputs.headings if h.slug}  # the editor's short slugs
    paragraphs: list[Paragraph] = []
    current = front
    for block in blocks:
        if block.heading:
            level = min(block.heading, (stack[-1].level + 1) if stack else 1)
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1].slug if stack else None
            short = slugify(" ".join(block.text.split()[:6]))  # a citable page address
            slug = _unique_slug(chosen.get(block.text) or short,
                                parent, taken)
            taken.add(slug)
            current = Section(slug, block.text, level, parent, block.line)
            sections.append(current)
            stack.append(current)
            continue
        paragraphs.append(Paragraph(len(paragraphs) + 1, block.text, block.source, block.line,
                                    current.slug, block.corrections, block.joined_page_break,
                                    address=block.address, label=block.label,
                                    cite_as=block.cite_as))
    title = " ".join(str(meta["document_title"]).split())
    dateline = str(meta.get("document_dateline") or "")
    return Document(title, dateline, tuple(sections), tuple(paragraphs), header=header)
