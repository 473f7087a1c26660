"""Akoma Ntoso body of a document with its own numbers: preamble, nested points, annexes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from build_tools.model import Paragraph, Section

if TYPE_CHECKING:
    from build_tools.export.export_akn import AknWriter

# The last part of an address -> the AKN element (naming convention: para, subpara, point).
_ELEMENT = {"para": "paragraph", "subpara": "subparagraph", "point": "point", "p": "paragraph"}
_ANNEX = re.compile(r"^(annex_\d+)__")


def _element(p: Paragraph) -> str:
    last = p.eid.split("__")[-1]
    return _ELEMENT.get(last.rsplit("_", 1)[0], "paragraph")


def _children(p: Paragraph, rest: list[Paragraph]) -> list[Paragraph]:
    """The points directly under p, in order (their addresses extend p's by one level)."""
    depth = p.eid.count("__") + 1
    return [q for q in rest if q.eid.startswith(p.eid + "__") and q.eid.count("__") == depth]


def _unit(w: AknWriter, parent: ET.Element, p: Paragraph, rest: list[Paragraph]) -> None:
    from build_tools.export.export_akn import sub

    el = sub(parent, _element(p), eId=p.eid)
    if p.shown:
        sub(el, "num", p.shown)
    kids = _children(p, rest)
    w.inline(sub(sub(el, "intro" if kids else "content"), "p"), p)
    for kid in kids:
        _unit(w, el, kid, rest)


def _block(w: AknWriter, parent: ET.Element, paras: list[Paragraph]) -> None:
    """Top-level units of a run of paragraphs, each with the points nested in it."""
    eids = {p.eid for p in paras}
    for p in paras:
        if not any(p.eid.startswith(e + "__") for e in eids if e != p.eid):
            _unit(w, parent, p, paras)


def _section(w: AknWriter, parent: ET.Element, s: Section, opened: set[str]) -> None:
    from build_tools.export.export_akn import sub

    doc = w.build.doc
    paras = [p for p in doc.in_section(s.slug)
             if not p.eid.startswith(("preamble__", "conclusions__"))]
    first = next((p for x in (s, *doc.descendants(s.slug)) for p in doc.in_section(x.slug)), None)
    found = _ANNEX.match(first.eid) if first else None
    annex = found.group(1) if found else None
    el = parent
    if annex and annex not in opened:  # an annex: its own scope, a container of its own
        opened.add(annex)
        el = sub(parent, "hcontainer", eId=annex, name="annex")
        sub(el, "heading", s.title)
    elif s.level > 0:
        el = sub(parent, "section", eId=f"sec_{s.slug}")
        sub(el, "heading", s.title)
    _block(w, el, paras)
    for child in doc.children(s.slug):
        _section(w, el, child, opened)


def body(w: AknWriter, report: ET.Element) -> None:
    """preamble (formula, recitals), mainBody (paragraphs with their points; annexes as
    containers of their own) and conclusions (the meeting that adopted it)."""
    from build_tools.export.export_akn import sub

    doc = w.build.doc
    pre = [p for p in doc.paragraphs if p.eid.startswith("preamble__")]
    if pre:
        preamble = sub(report, "preamble")
        for p in (p for p in pre if p.eid.endswith("__formula")):
            w.inline(sub(sub(preamble, "formula", eId=p.eid, name="enactingFormula"), "p"), p)
        recitals = [p for p in pre if "__recital_" in p.eid]
        if recitals:
            group = sub(preamble, "recitals")
            for p in recitals:
                w.inline(sub(sub(group, "recital", eId=p.eid), "p"), p)
    main = sub(report, "mainBody")
    for s in doc.sections:
        if s.parent is None:
            _section(w, main, s, set())
    closing = [p for p in doc.paragraphs if p.eid.startswith("conclusions__")]
    if closing:
        conclusions = sub(report, "conclusions")
        for p in closing:
            w.inline(sub(conclusions, "p", eId=p.eid), p)
