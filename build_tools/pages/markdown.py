"""Turn a paragraph's text and its spans into Markdown, escaping the document's words."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from build_tools.errors import EditionError
from build_tools.model import Span

# Characters Python-Markdown (and the extensions mkdocs.yml enables) read as syntax anywhere.
_ANYWHERE = set("\\`*_{}[]!")
# Read as syntax only at the start of a line: headings, lists, rules, block quotes.
_LINE_START = re.compile(r"^(\s*)([#+\-]|\d+(?=[.)]))")
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;",
           # Not backslash-escapable in Python-Markdown; a numeric reference renders the same.
           "|": "&#124;", "~": "&#126;", "^": "&#94;", "=": "&#61;"}


def escape(text: str) -> str:
    """The document's words as Markdown that renders to exactly these words."""
    out = []
    for ch in text:
        if ch in _ENTITY:
            out.append(_ENTITY[ch])
        elif ch in _ANYWHERE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    match = _LINE_START.match(escaped)
    if match:
        lead, token = match.group(1), match.group(2)
        if token.isdigit():  # "1." or "1)" would start an ordered list
            rest = escaped[len(lead) + len(token):]
            return lead + token + "\\" + rest if rest[:1] in ".)" else escaped
        return lead + "\\" + escaped[len(lead):]
    return escaped


def link(from_page: str, to_page: str, fragment: str = "") -> str:
    """A relative link between two generated pages (mkdocs resolves and checks .md links)."""
    rel = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{fragment}" if fragment else "")


def attr(text: str) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(text, quote=True)


Wrap = Callable[[Span, str], str]


def render_spans(text: str, spans: tuple[Span, ...], wrap: Wrap, where: str = "") -> str:
    """Markdown for text with nested spans; wrap(span, inner_markdown) decorates one span."""
    # Outer spans first at equal starts; points (empty spans) stand before what starts there.
    order = sorted(spans, key=lambda s: (s.start, -(s.end - s.start) if s.end > s.start else 1))
    pos = 0
    stack: list[tuple[Span, list[str]]] = [(Span(0, len(text), "", ""), [])]
    for span in order:
        if not 0 <= span.start <= span.end <= len(text):
            raise EditionError(f"{where}: span {span} lies outside the text")
        while span.start >= stack[-1][0].end and len(stack) > 1:
            pos = _close(text, pos, stack, wrap)
        if span.end > stack[-1][0].end:
            raise EditionError(f"{where}: {span.kind} {span.key!r} at {span.start}-{span.end} "
                               f"crosses {stack[-1][0].kind} {stack[-1][0].key!r}")
        stack[-1][1].append(escape(text[pos:span.start]))
        pos = span.start
        if span.start == span.end:
            stack[-1][1].append(wrap(span, ""))
        else:
            stack.append((span, []))
    while len(stack) > 1:
        pos = _close(text, pos, stack, wrap)
    stack[0][1].append(escape(text[pos:]))
    return "".join(stack[0][1])


def _close(text: str, pos: int, stack: list[tuple[Span, list[str]]], wrap: Wrap) -> int:
    span, parts = stack.pop()
    parts.append(escape(text[pos:span.end]))
    stack[-1][1].append(wrap(span, "".join(parts)))
    return span.end


def exclude_attr(why: str) -> str:
    """The attribute that keeps an element's words out of Material's search index (Material
    strips `data-search-*="..."` attributes from the page afterwards)."""
    return f'data-search-exclude="{why}"'
