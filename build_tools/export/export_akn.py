"""Akoma Ntoso 3.0 XML of the edition (a debateReport, after the AKN4UN conventions)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from build_tools.export import akn_own, akn_sources, apparatus, export_data
from build_tools.export.apparatus import plain
from build_tools.model import Build, Paragraph, Section, Span
from build_tools.source import doctypes
from build_tools.source.slug import slugify

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ET.register_namespace("", NS)

# Index kind -> (TLC element in <references>, inline element, ontology class in the TLC href).
KINDS: dict[str, tuple[str, str, str]] = {
    "body": ("TLCOrganization", "organization", "organizations"),
    "person": ("TLCPerson", "person", "persons"),
    "place": ("TLCLocation", "location", "locations"),
    "term": ("TLCTerm", "term", "terms"),
    "instrument": ("TLCObject", "object", "objects"),
}
OTHER = ("TLCConcept", "concept", "concepts")  # any other kind of mention an index may add
# AKN names languages by ISO 639-2 (alpha-3); the edition's metadata uses the two-letter code.
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "ru": "rus", "zh": "zho"}
# Elements whose content is mixed text: never indented, so their words stay exactly as they are.
_MIXED = {"p", "heading", "num", "docTitle"}


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, q(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


class AknWriter:
    def __init__(self, build: Build):
        self.build = build
        self.meta = build.inputs.meta
        self.corrections = {c.id: c for c in build.inputs.corrections}
        self.notes = {n.id: n for n in build.inputs.notes}
        self.country = str(self.meta.get("document_akn_country")
                           or self.meta.get("edition_slug") or "edition")
        self.tlc_ids = self._tlc_ids()
        self.markers = 0
        self.note_elements: list[tuple[str, str, str]] = []  # (eId, class, text)

    def _tlc_ids(self) -> dict[tuple[str, str], str]:
        """eIds of the referenced entries: the key, prefixed by the kind where keys clash."""
        used = sorted({(s.kind, s.key) for p in self.build.doc.paragraphs
                       for s in export_data.mentions_of(p)})
        keys = [k for _, k in used]
        return {(kind, key): key if keys.count(key) == 1 and not key.startswith(("para_", "sec_",
                                                                              "note_"))
                else f"{kind}_{key}" for kind, key in used}

    # --- meta -------------------------------------------------------------------------------
    def frbr(self) -> dict[str, str]:
        date = str(self.meta["document_date"])
        lang = str(self.meta["document_language"])
        t = doctypes.of(self.meta)
        symbol = str(self.meta.get("document_symbol") or "")
        local = (doctypes.cited_number(symbol).replace("/", "-") if symbol and t.own_numbers
                 else self.meta.get("edition_slug") or "main")
        work = f"/akn/{self.country}/{t.akn_element}/{t.akn_name}/{date}/{local}"
        if t.akn_element == "debateReport":  # the engine's first edition: its URIs as published
            work = f"/akn/{self.country}/debateReport/{date}/{local}"
        expr = f"{work}/{LANGUAGES.get(lang, lang)}@{self.meta['edition_date']}"
        return {"work": work, "expr": expr, "lang": LANGUAGES.get(lang, lang), "date": date}

    def identification(self, meta: ET.Element) -> None:
        f = self.frbr()
        ident = sub(meta, "identification", source="#editor")
        work = sub(ident, "FRBRWork")
        sub(work, "FRBRthis", value=f"{f['work']}/!main")
        sub(work, "FRBRuri", value=f["work"])
        sub(work, "FRBRdate", date=f["date"],
            name="meeting" if doctypes.of(self.meta).participation else "adoption")
        sub(work, "FRBRauthor", href="#author")
        sub(work, "FRBRcountry", value=self.country)
        if self.meta.get("document_symbol"):  # the document's own number (its UN symbol)
            sub(work, "FRBRnumber", value=str(self.meta["document_symbol"]))
        if self.meta.get("document_short_title"):
            sub(work, "FRBRname", value=str(self.meta["document_short_title"]))
        expr = sub(ident, "FRBRExpression")
        sub(expr, "FRBRthis", value=f"{f['expr']}/!main")
        sub(expr, "FRBRuri", value=f["expr"])
        sub(expr, "FRBRdate", date=str(self.meta["edition_date"]), name="edition")
        sub(expr, "FRBRauthor", href="#editor")
        sub(expr, "FRBRversionNumber", value=str(self.meta["edition_version"]))
        sub(expr, "FRBRlanguage", language=f["lang"])
        man = sub(ident, "FRBRManifestation")
        sub(man, "FRBRthis", value=f"{f['expr']}/!main.xml")
        sub(man, "FRBRuri", value=f"{f['expr']}.akn")
        sub(man, "FRBRdate", date=str(self.meta["edition_date"]), name="generation")
        sub(man, "FRBRauthor", href="#editor")
        sub(man, "FRBRformat", value="application/akn+xml")

    def references(self, meta: ET.Element) -> None:
        refs = sub(meta, "references", source="#editor")
        author = str(self.meta.get("document_author") or self.meta.get("document_organ")
                     or self.meta.get("document_meeting") or "author")
        publisher = str(self.meta["edition_publisher"])
        sub(refs, "TLCOrganization", eId="author",
            href=f"/akn/ontology/organizations/{self.country}/{slugify(author)}", showAs=author)
        sub(refs, "TLCOrganization", eId="editor",
            href=f"/akn/ontology/organizations/{self.country}/{slugify(publisher)}",
            showAs=publisher)
        entries = export_data.entries_by_ref(self.build)
        for (kind, key), eid in self.tlc_ids.items():
            tlc, _, cls = KINDS.get(kind, OTHER)
            entry = entries.get((kind, key))
            sub(refs, tlc, eId=eid, href=f"/akn/ontology/{cls}/{self.country}/{key}",
                showAs=entry.name if entry else key)

    # --- text -------------------------------------------------------------------------------
    def note_ref(self, parent: ET.Element, eid: str) -> None:
        self.markers += 1
        sub(parent, "noteRef", href=f"#{eid}", marker=str(self.markers), placement="bottom")

    def correction_note(self, key: str) -> str:
        c = self.corrections[key]
        what = ("Editorial addition" if c.kind == "addition"
                else f"Correction ({c.kind.replace('-', ' ')})")
        return (f"{what}: the source reads \u201c{c.source}\u201d; the edition reads "
                f"\u201c{c.edition}\u201d. {' '.join(c.reason.split())}")

    def open_span(self, parent: ET.Element, span: Span) -> ET.Element:
        if span.kind == "correction":
            kind = self.corrections[span.key].kind
            return sub(parent, "span", class_=f"correction {kind}")
        _, inline, _ = KINDS.get(span.kind, OTHER)
        return sub(parent, inline, refersTo=f"#{self.tlc_ids[(span.kind, span.key)]}")

    def close_span(self, parent: ET.Element, span: Span) -> None:
        """After a span's words: the mark of its note, for corrections and notes."""
        if span.kind == "correction":
            eid = f"note_corr_{span.key}"
            self.note_elements.append((eid, "correction", self.correction_note(span.key)))
            self.note_ref(parent, eid)
        elif span.kind == "note":
            eid = f"note_{span.key}"
            note = self.notes[span.key]
            self.note_elements.append((eid, "footnote" if note.own else "editorial",
                                       plain(note.text)))
            self.note_ref(parent, eid)

    def inline(self, p_el: ET.Element, p: Paragraph) -> None:
        """The paragraph's words with its spans as nested inline elements (same nesting rules as
        markdown.render_spans: outer spans first, points before what starts there)."""
        order = sorted(p.spans, key=lambda s: (s.start, -(s.end - s.start) if s.end > s.start
                                               else 1))
        text = p.text
        pos = 0
        stack: list[tuple[Span, ET.Element]] = [(Span(0, len(text), "", ""), p_el)]

        def put(words: str) -> None:
            el = stack[-1][1]
            if len(el):
                el[-1].tail = (el[-1].tail or "") + words
            else:
                el.text = (el.text or "") + words

        def close() -> None:
            span, _ = stack.pop()
            self.close_span(stack[-1][1], span)

        for span in order:
            while len(stack) > 1 and span.start >= stack[-1][0].end:
                put(text[pos:stack[-1][0].end])
                pos = stack[-1][0].end
                close()
            put(text[pos:span.start])
            pos = span.start
            if span.start == span.end:
                self.close_span(stack[-1][1], span)
            else:
                stack.append((span, self.open_span(stack[-1][1], span)))
        while len(stack) > 1:
            put(text[pos:stack[-1][0].end])
            pos = stack[-1][0].end
            close()
        put(text[pos:])

    def paragraph(self, parent: ET.Element, p: Paragraph) -> None:
        para = sub(parent, "paragraph", eId=p.eid)
        if p.shown:
            sub(para, "num", p.shown)
        content = sub(para, "content")
        p_el = sub(content, "p")
        self.inline(p_el, p)
        for said in apparatus.beside(self.build, p.number):
            # Where the source ends, and the annexes it names but lacks (as the site says).
            eid = f"note_{said.key}" if said.kind == "ending" else f"note_{said.kind}_{said.key}"
            self.note_elements.append((eid, "editorial", said.text))
            self.note_ref(p_el, eid)

    def section(self, parent: ET.Element, s: Section) -> None:
        doc = self.build.doc
        el = parent if s.level == 0 else sub(parent, "section", eId=f"sec_{s.slug}")
        if s.level > 0:
            sub(el, "heading", s.title)
        for p in doc.in_section(s.slug):
            self.paragraph(el, p)
        for child in doc.children(s.slug):
            self.section(el, child)

    def document(self) -> ET.Element:
        doc = self.build.doc
        root = ET.Element(q("akomaNtoso"))
        t = doctypes.of(self.meta)
        report = sub(root, t.akn_element,
                     name=str(self.meta.get("document_akn_name") or t.akn_name))
        meta = sub(report, "meta")
        self.identification(meta)
        preface = sub(report, "preface")
        title = sub(preface, "p", class_="title")
        sub(title, "docTitle", doc.title)
        dateline = sub(preface, "p", class_="dateline")
        sub(dateline, "docDate", doc.dateline, date=str(self.meta["document_date"]))
        if t.own_numbers:  # the document's own structure: preamble, nested points, annexes
            akn_own.body(self, report)
        else:
            body = sub(report, "mainBody")
            for s in doc.sections:
                if s.parent is None:
                    self.section(body, s)
        self.references(meta)
        notes = sub(meta, "notes", source="#editor")
        note_sources = akn_sources.of_notes(self.build)
        for eid, cls, words in self.note_elements:
            note = sub(notes, "note", eId=eid, class_=cls)
            sub(note, "p", words)
            akn_sources.links(sub, note, "Source", note_sources.get(eid, ()))
        entries = export_data.entries_by_ref(self.build)
        for ref, eid in self.tlc_ids.items():
            if ref in entries:
                akn_sources.entry_note(sub, notes, entries[ref], eid)
        return root


def indent(el: ET.Element, level: int = 0) -> None:
    """Indent the structure for reading, leaving mixed content (the words) untouched."""
    if el.tag.split("}")[-1] in _MIXED or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def render(build: Build) -> bytes:
    root = AknWriter(build).document()
    indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def eids(xml: bytes) -> list[str]:
    """The eIds of the paragraphs in an AKN document (for checks)."""
    root = ET.fromstring(xml)
    return [el.get("eId", "") for el in root.iter(q("paragraph"))]
