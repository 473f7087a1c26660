"""Stage render: the document as Markdown pages (home, one per section, annexes, the edition)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from build_tools.annotation import mentions
from build_tools.model import (
    Build,
    Correction,
    Document,
    Inputs,
    Note,
    OutFile,
    Paragraph,
    Section,
    Span,
)
from build_tools.pages import cite, titles
from build_tools.pages.markdown import escape, link, render_spans
from build_tools.pages.sources import sources_markdown

HOME = "index.md"
EDITION_PAGE = "edition.md"
ANNEX_DIR = "annexes"


def page_paths(doc: Document) -> dict[str, str]:
    """Section slug -> Markdown path. Paths are flat (short, citable URLs, whatever the nesting);
    a section with subsections is a folder index, which Material shows as the section's page."""
    parents = {s.parent for s in doc.sections if s.parent}
    return {s.slug: HOME if s.level == 0 else f"{s.slug}/index.md" if s.slug in parents
            else f"{s.slug}.md" for s in doc.sections}


def correction_note(c: Correction) -> str:
    if c.kind == "addition":
        return (f"Editorial addition: the source reads \u201c{escape(c.source)}\u201d; the edition "
                f"reads \u201c{escape(c.edition)}\u201d. {_reason(c)}")
    return (f"Correction ({escape(c.kind.replace('-', ' '))}): the source reads "
            f"\u201c{escape(c.source)}\u201d; the edition reads \u201c{escape(c.edition)}\u201d. "
            f"{_reason(c)}")


def _reason(c: Correction) -> str:
    return " ".join(filter(None, (escape(c.reason.strip()), sources_markdown(c.sources))))


def note_text(n: Note) -> str:
    """An editorial note's Markdown, with its sources."""
    return " ".join(filter(None, (n.text.strip(), sources_markdown(n.sources))))


class PageWriter:
    """Renders paragraphs for one page and collects that page's footnotes."""

    def __init__(self, build: Build, page: str):
        self.build = build
        self.page = page
        self.footnotes: list[str] = []
        self.corrections = {c.id: c for c in build.inputs.corrections}
        self.notes = {n.id: n for n in build.inputs.notes}
        self.paths = build.page_paths
        # Entries already linked on this page: an entry links on its first mention in a section,
        # not in every paragraph (a calm text; mentions.js links the others on demand).
        self.linked: set[tuple[str, str]] = set()

    def wrap(self, span: Span, inner: str) -> str:
        if span.kind == "correction":
            c = self.corrections[span.key]
            self.footnotes.append(f"[^{c.id}]: {correction_note(c)}")
            cls = "ed-add" if c.kind == "addition" else "ed-corr"
            tag = "ins" if c.kind == "addition" else "span"
            body = f'<{tag} class="{cls}">{inner}</{tag}>' if inner else ""
            return f"{body}[^{c.id}]"
        if span.kind == "note":
            note: Note = self.notes[span.key]
            said = (f"Footnote {note.id.removeprefix('fn-')} of the document: "
                    f"{escape(note.text.strip())}" if note.own
                    else f"Editorial note: {note_text(note)}")
            self.footnotes.append(f"[^{note.id}]: {said}")
            return f"[^{note.id}]"
        return self.mention(span, inner)

    def mention(self, span: Span, inner: str) -> str:
        key = (span.kind, span.key)
        if span.link and key in self.linked and key[0] in mentions.PAGE_OF_KIND:
            words = mentions.decorate(self.build, self.page, replace(span, link=False), inner)
            return f'<span data-m="{mentions.anchor(*key)}">{words}</span>'
        if span.link and "[^" not in inner:  # decorate links it (a footnote cannot be in a link)
            self.linked.add(key)
        return mentions.decorate(self.build, self.page, span, inner)

    def paragraph(self, p: Paragraph) -> str:
        body = render_spans(p.text, p.spans, self.wrap, where=f"paragraph {p.number}")
        # aria-label, not title, as for the controls (cite.controls says why).
        number = (f'<a class="pnum" href="#{p.eid}" aria-label="{p.name}" '
                  f'tabindex="-1">{escape(p.shown)}</a> ' if p.shown else "")
        return (f"{number}{body}{cite.controls(p)}\n"
                f"{{: #{p.eid} .para{point_class(p)} data-n=\"{p.number}\" }}\n")

    def footer(self) -> str:
        return ("\n" + "\n".join(self.footnotes) + "\n") if self.footnotes else ""


def _contents(build: Build, page: str, sections: tuple[Section, ...]) -> list[str]:
    paths = build.page_paths
    lines = []
    top = min((s.level for s in sections if s.level > 0), default=1)
    for s in sections:
        if s.level == 0:
            continue
        indent = "    " * (s.level - top)
        title = escape(titles.display(build, s))
        lines.append(f"{indent}- [{title}]({link(page, paths[s.slug])})")
    return lines


def _section_body(build: Build, writer: PageWriter, section: Section) -> list[str]:
    doc = build.doc
    out: list[str] = []
    paras = list(doc.in_section(section.slug))
    for p in paras:
        out.append(writer.paragraph(p))
        if p.number == len(doc.paragraphs):
            out.append(ending_note(build.inputs))
    children = tuple(s for s in doc.sections if s.parent == section.slug)
    if children:
        out.append('<nav class="subsections" aria-label="Subsections" markdown>\n')
        out.extend(_contents(build, writer.page, doc.descendants(section.slug)))
        out.append("\n</nav>\n")
    extra = mentions.section_footer(build, writer.page, section)
    if extra:
        out.append(extra)
    return out


def ending_note(inputs: Inputs) -> str:
    if not inputs.meta["ending_note"]:
        return ""
    text = inputs.meta["ending_note"].strip().replace("\n", "\n    ")
    return f'!!! warning "Editorial note: the source ends here"\n\n    {text}\n'


def section_page(build: Build, section: Section) -> OutFile:
    page = build.page(section.slug)
    writer = PageWriter(build, page)
    head = [f"# {escape(section.title)}\n"]
    body = _section_body(build, writer, section)
    return OutFile(page, "\n".join(head + body) + writer.footer())


def home_page(build: Build) -> OutFile:
    doc, meta = build.doc, build.inputs.meta
    writer = PageWriter(build, HOME)
    front = doc.sections[0]
    out = [f"# {escape(doc.title)}\n"]
    if doc.header:  # the masthead, as the document prints it, above the text
        out.append('<div class="masthead" markdown>\n\n' + "  \n".join(
            escape(line) for line in doc.header) + "\n\n</div>\n")
    if doc.dateline:
        out.append(f'<p class="dateline">{escape(doc.dateline)}</p>\n')
    out.append(orientation(build))
    out.extend(writer.paragraph(p) for p in doc.in_section(front.slug))
    out.append('<nav class="contents" aria-label="Contents" markdown>\n')
    out.append("## Contents { #contents }\n")
    out.extend(_contents(build, HOME, doc.sections))
    annexes = build.inputs.annexes
    if annexes:
        out.append("- Annexes")
        out.extend(f"    - [{escape(a.label)}]({link(HOME, annex_path(a.key))})" for a in annexes)
    out.append(f"- [{escape(meta['edition_name'])}: about this edition]({EDITION_PAGE})")
    out.append("\n</nav>\n")
    return OutFile(HOME, "\n".join(out) + writer.footer())


def orientation(build: Build) -> str:
    """Two lines above the text of the home page: what this is, and where to go from here."""
    # Imported here: downloads renders the print edition, which imports this module.
    from build_tools.export import downloads
    doc = build.doc
    first = doc.paragraphs[0] if doc.paragraphs else None
    here = first is not None and build.page(first.section) == HOME
    start = "" if first is None else (
        f"[Read from paragraph {first.number}]"
        f"({'#' + first.eid if here else link(HOME, build.page(first.section), first.eid)})")
    where = [start, "[Contents](#contents)", f"[How to cite]({cite.HOW_TO_CITE})",
             f"[About this edition]({EDITION_PAGE})",
             f"[Offline copy]({link(HOME, downloads.PAGE, downloads.OFFLINE_ID)})"]
    return ('<div class="orient" markdown>\n\n'
            "An annotated edition of this document: its words as received, every paragraph "
            "numbered and citable, with the editor's notes, corrections and indexes.\n\n"
            + " \u00b7 ".join(w for w in where if w) + "\n\n</div>\n")


def annex_path(key: str) -> str:
    return f"{ANNEX_DIR}/{key}.md"


def annex_pages(build: Build) -> list[OutFile]:
    doc = build.doc
    paths = build.page_paths
    files = []
    for a in build.inputs.annexes:
        page = annex_path(a.key)
        para = doc.paragraph(a.para)
        where = link(page, paths[para.section], para.eid)
        if a.text is not None:
            files.append(OutFile(page, a.text))
            continue
        files.append(OutFile(page, "\n".join([
            f"# {escape(a.label)}\n",
            '!!! info "Not in the source"\n',
            f"    The document says this annex holds **{escape(a.holds)}** "
            f"([paragraph {a.para}]({where})). The text of the annex is not part of the "
            "source from which this edition is made, so it is not reproduced here.\n",
        ])))
    return files


def edition_page(build: Build) -> OutFile:
    inputs, doc, meta = build.inputs, build.doc, build.inputs.meta
    paths = build.page_paths
    prose = dict(inputs.pages).get("edition", f"# {escape(meta['edition_name'])}\n")
    where = {s.key: (p, s) for p in doc.paragraphs for s in p.spans if s.kind == "correction"}
    out = [prose.rstrip() + "\n", *marks_section(build, where), "## The source\n"]
    size = len(inputs.source_text.encode("utf-8"))
    out.append(f"- File: [`{meta['source_file']}`]({source_download(build)}) ({size:,} bytes, "
               "UTF-8)")
    out.append(f"- SHA-256: `{meta['source_sha256']}`")
    if meta.get("source_description"):
        out.append(f"- {escape(meta['source_description'])}")
    out.append(f"- Paragraphs numbered: {len(doc.paragraphs)}\n")
    out.append("## Corrections\n")
    out.append("Each change of the received text, as applied by the build, in the order of the "
               "text. In the text, a corrected reading is shaded and its note gives the "
               "original.\n")
    out.append("| ¶ | Kind | Source reads | Edition reads | Reason |")
    out.append("|---|---|---|---|---|")
    in_order = sorted(inputs.corrections,
                      key=lambda c: (where[c.id][0].number, where[c.id][1].start))
    for c in in_order:
        p = where[c.id][0]
        cell = f"[{escape(p.shown or p.locator)}]({link(EDITION_PAGE, paths[p.section], p.eid)})"
        out.append(f"| {cell} | {escape(c.kind)} | {_cell(c.source)} | {_cell(c.edition)} "
                   f"| {_reason(c)} |")
    joined = [p for p in doc.paragraphs if p.joined_page_break]
    if joined:
        out.append("\n## Page breaks rejoined\n")
        out.append("A page break of the printed original cuts these paragraphs; the edition "
                   "joins the two parts: " + ", ".join(
                       f"[{_short(p)}]({link(EDITION_PAGE, paths[p.section], p.eid)})"
                       for p in joined) + ".\n")
    out.extend(furniture_section(build))
    if [n for n in inputs.notes if not n.own]:
        out.append("\n## Editorial notes\n")
        for n in sorted((n for n in inputs.notes if not n.own), key=lambda n: n.para):
            p = doc.paragraph(n.para)
            out.append(f"- [¶ {p.number}]({link(EDITION_PAGE, paths[p.section], p.eid)}): "
                       f"{note_text(n)}")
    return OutFile(EDITION_PAGE, "\n".join(out) + "\n")


def source_download(build: Build) -> str:
    """The Download page's row of the source file, as a link from the edition page."""
    # Imported here: downloads renders the print edition, which imports this module.
    from build_tools.export import downloads
    return link(EDITION_PAGE, downloads.PAGE, downloads.source_name(build))


def marks_section(build: Build, where: dict[str, tuple[Paragraph, Span]]) -> list[str]:
    """How the text marks what is not the document's plain words, each with an example from
    this edition's data (the marks' styles are in edition.css, so they show here too)."""
    inputs = build.inputs
    out = ["## Marks in the text\n"]
    abbr = next((e for e in inputs.entries if e.abbr), None)
    if abbr is not None:
        out.append(f"- {mentions.label_markdown(abbr)}: an abbreviation, with a dotted "
                   "underline. Point at it, tap it or tab to it for its full name.")
    out.append("- A name or abbreviation with a thin underline links to its index entry, on its "
               "first mention in a section; later mentions read as plain text. *Link every "
               "mention*, at the end of a section page, links them all (the choice is "
               "remembered).")
    def words(kind: str) -> str:
        """The words of the first correction of this kind that has any."""
        for c in inputs.corrections:
            p, span = where[c.id]
            if (c.kind == "addition") == (kind == "addition") and span.end > span.start:
                return escape(p.text[span.start:span.end])
        return ""
    if fixed := words("correction"):
        out.append(f'- <span class="ed-corr">{fixed}</span>: a corrected reading, shaded; the '
                   "raised number after it opens a note with what the source reads.")
    if added := words("addition"):
        out.append(f'- <ins class="ed-add">{added}</ins>: words the editor added, in brackets '
                   "and italics; they are not the document's.")
    out.append("- A raised number opens an editorial note or correction; the notes are listed at "
               "the end of each page.\n")
    return out


def point_class(p: Paragraph) -> str:
    """A lettered point is shown under its paragraph (its address says it is nested)."""
    return " .para-point" if "__subpara_" in p.eid or "__point_" in p.eid else ""


def _short(p: Paragraph) -> str:
    return escape(p.locator) if p.address else f"¶ {p.number}"


def furniture_section(build: Build) -> list[str]:
    """Each line of page furniture the structure layer dropped, with its line in the source."""
    if not build.furniture:
        return []
    out = ["\n## Page furniture dropped\n",
           "Lines of the printed page that are not the document's text (running heads, page "
           "numbers, job numbers, bar codes, rules), left out of the paragraphs:\n",
           "| Line | Kind | Source reads |", "|---:|---|---|"]
    out.extend(f"| {line} | {escape(kind)} | {_cell(text)} |"
               for line, text, kind in build.furniture)
    return out


def _cell(text: str) -> str:
    return f"\u201c{escape(text)}\u201d"


def nav(build: Build) -> tuple[Any, ...]:
    doc = build.doc
    paths = build.page_paths
    children: dict[str | None, list[Section]] = {}
    for s in doc.sections[1:]:
        children.setdefault(s.parent, []).append(s)

    def item(s: Section) -> Any:
        kids = children.get(s.slug)
        title = titles.display(build, s)
        if not kids:
            return {title: paths[s.slug]}
        return {title: [paths[s.slug], *(item(k) for k in kids)]}

    entries: list[Any] = [{"Home": HOME}, *(item(s) for s in children.get(None, []))]
    if build.inputs.annexes:
        entries.append({"Annexes": [{a.label: annex_path(a.key)} for a in build.inputs.annexes]})
    entries.extend(mentions.nav_entries(build))
    entries.append({"About this edition": EDITION_PAGE})
    return tuple(entries)


RENDERERS: tuple[Callable[[Build], list[OutFile]], ...] = (
    lambda b: [home_page(b)],
    lambda b: [section_page(b, s) for s in b.doc.sections[1:]],
    annex_pages,
    lambda b: [edition_page(b)],
)


def run(build: Build) -> Build:
    build = replace(build, page_of=tuple(page_paths(build.doc).items()))
    files = [f for render in RENDERERS for f in render(build)]
    return replace(build, files=build.files + tuple(files), nav=nav(build))
