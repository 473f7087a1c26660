"""The frozen data model passed from stage to stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Source:
    """Where a reader can check an editor's statement: an official document, record or page."""

    title: str
    url: str


@dataclass(frozen=True)
class Correction:
    """A listed, reasoned change of the received text (what it reads, what the edition reads)."""

    id: str
    kind: str
    source: str  # the reading as received, with enough context to occur exactly once
    edition: str  # the edition's reading of the same stretch
    reason: str
    line: int  # line of the entry in its data file, for error messages
    sources: tuple[Source, ...] = ()  # for a reason that states a fact beyond the text


@dataclass(frozen=True)
class Note:
    """An editorial note attached to a point in a paragraph (the editor's words, in Markdown)."""

    id: str
    para: int
    at: str  # text after which the mark stands; "" puts it at the paragraph's end
    text: str
    line: int
    sources: tuple[Source, ...] = ()
    own: bool = False  # the document's own footnote (placed by the structure layer)


@dataclass(frozen=True)
class Span:
    """An annotation: offsets into a paragraph's text, never an edit of it."""

    start: int
    end: int
    kind: str  # "correction", "note", or an index kind ("body", "term", "person", ...)
    key: str
    abbr: bool = False  # the covered words are an abbreviation of the entry's name
    link: bool = False  # the mention also links to its index entry (first in its paragraph)


@dataclass(frozen=True)
class Block:
    """A run of the received text between blank lines, its line breaks resolved."""

    text: str
    source: str  # the same words as received (whitespace normalised), before corrections
    line: int  # first line in the source file
    joined_page_break: bool = False
    corrections: tuple[Span, ...] = ()  # also the document's own footnote marks (kind "note")
    # Set by the source-structure layer (source/structure.py) for a document with its own
    # numbers: a heading's level (then the block is a heading), or the paragraph's address.
    heading: int = 0
    address: str = ""
    label: str | None = None
    cite_as: str = ""


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str  # the edition's reading
    source: str  # the received reading, whitespace normalised
    line: int
    section: str  # slug of the section that holds it
    spans: tuple[Span, ...] = ()
    joined_page_break: bool = False
    # A document that numbers its own paragraphs: its address ("para_3", "para_1__subpara_a",
    # "annex_1__para_3", "preamble__recital_2"), the number it shows ("3", "(a)", "" for an
    # unnumbered one) and how a citation names it ("para. 1 (a)"). Empty: the edition's
    # continuous numbering (number is then the address too).
    address: str = ""
    label: str | None = None
    cite_as: str = ""

    @property
    def eid(self) -> str:
        return self.address or f"para_{self.number}"

    @property
    def shown(self) -> str:
        """The number in the margin: the document's own, or the edition's."""
        return str(self.number) if self.label is None else self.label

    @property
    def locator(self) -> str:
        return self.cite_as or f"para. {self.number}"

    @property
    def tag(self) -> str:
        """How an index or a list names it: "¶ 12", or the document's "annex, para. 3"."""
        return (self.cite_as if self.address else f"\u00b6 {self.number}").replace(" ", "\u00a0")

    @property
    def name(self) -> str:
        """For a screen reader or a title: "Paragraph 12", "para. 1 (a)"."""
        return self.cite_as if self.address else f"Paragraph {self.number}"

    @property
    def ref(self) -> str:
        """The resolver's path part, p/<ref>/: the number for a top-level paragraph N."""
        eid = self.eid
        return eid[5:] if eid.startswith("para_") and eid[5:].isdigit() else eid


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    level: int  # 0 for the front matter before the first heading
    parent: str | None
    line: int
    editorial_title: bool = False  # the title is the editor's, not the document's


@dataclass(frozen=True)
class Entry:
    """One item of a curated index (a body, term, person, place, instrument, topic...)."""

    kind: str
    key: str
    name: str
    forms: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    when_near: tuple[str, ...] = ()
    data: tuple[tuple[str, Any], ...] = ()  # the remaining fields, as read
    line: int = 0
    file: str = ""

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.data).get(name, default)


@dataclass(frozen=True)
class Annex:
    key: str
    label: str
    slug: str
    holds: str
    para: int
    text: str | None  # Markdown of the annex when its text has been supplied


@dataclass(frozen=True)
class Meta:
    """What the document is: title, meeting, place, date and the edition's own facts."""

    values: tuple[tuple[str, Any], ...]

    def __getitem__(self, name: str) -> Any:
        return dict(self.values)[name]

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.values).get(name, default)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    line: int
    slug: str | None = None  # the page's slug, when the editor chooses it (else from the text)


@dataclass(frozen=True)
class FrozenNumbering:
    paragraphs: tuple[tuple[int, str, str], ...]  # (number, fingerprint, first words)
    sections: tuple[tuple[str, str], ...]  # (heading fingerprint, slug)
    exists: bool
    ids: tuple[tuple[int, str], ...] = ()  # (number, address) of a document's own numbers


@dataclass(frozen=True)
class Inputs:
    """Everything read from content/ and annexes/, validated."""

    root: Path
    meta: Meta
    source_text: str
    headings: tuple[Heading, ...]
    page_break_overrides: tuple[tuple[int, bool], ...]
    corrections: tuple[Correction, ...]
    notes: tuple[Note, ...]
    entries: tuple[Entry, ...]
    annexes: tuple[Annex, ...]
    pages: tuple[tuple[str, str], ...]  # editor's pages: (name, Markdown)
    frozen: FrozenNumbering


@dataclass(frozen=True)
class Document:
    title: str
    dateline: str
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    header: tuple[str, ...] = ()  # the masthead's lines, shown above the text (not numbered)

    def section(self, slug: str) -> Section:
        return self._sections_by_slug[slug]

    @cached_property
    def _sections_by_slug(self) -> dict[str, Section]:
        # A lookup per paragraph by a scan of all sections made the generator quadratic.
        return {s.slug: s for s in self.sections}

    def in_section(self, slug: str) -> tuple[Paragraph, ...]:
        """The paragraphs of one section (not of the sections below it), in order."""
        return self._paragraphs_by_section.get(slug, ())

    @cached_property
    def _paragraphs_by_section(self) -> dict[str, tuple[Paragraph, ...]]:
        # A scan of every paragraph for each section made the generator quadratic.
        found: dict[str, list[Paragraph]] = {}
        for p in self.paragraphs:
            found.setdefault(p.section, []).append(p)
        return {slug: tuple(ps) for slug, ps in found.items()}

    def children(self, slug: str) -> tuple[Section, ...]:
        """The sections directly below a section, in document order."""
        return self._children.get(slug, ())

    @cached_property
    def _children(self) -> dict[str | None, tuple[Section, ...]]:
        found: dict[str | None, list[Section]] = {}
        for s in self.sections:
            found.setdefault(s.parent, []).append(s)
        return {slug: tuple(ss) for slug, ss in found.items()}

    def descendants(self, slug: str) -> tuple[Section, ...]:
        """The sections below a section, at any depth, in document order (the sections are
        listed in document order, so a depth-first walk of the children keeps it)."""
        found: list[Section] = []
        for child in self.children(slug):
            found.append(child)
            found.extend(self.descendants(child.slug))
        return tuple(found)

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]


@dataclass(frozen=True)
class OutFile:
    """A generated file: Markdown for mkdocs, or an asset copied into the site."""

    path: str  # relative to the generated docs directory
    content: str | bytes


@dataclass(frozen=True)
class Build:
    """The state handed from stage to stage; each stage returns a new one."""

    inputs: Inputs
    blocks: tuple[Block, ...] = ()
    # What the structure layer found besides the blocks: the masthead lines, the document's
    # footnotes (as notes), and each line of page furniture dropped (line, text, kind).
    header: tuple[str, ...] = ()
    furniture: tuple[tuple[int, str, str], ...] = ()
    document: Document | None = None
    files: tuple[OutFile, ...] = ()
    nav: tuple[Any, ...] = ()
    page_of: tuple[tuple[str, str], ...] = field(default=())  # section slug -> page path

    def page(self, slug: str) -> str:
        """The page path of a section."""
        return self.page_paths[slug]

    @cached_property
    def page_paths(self) -> dict[str, str]:
        """Section slug -> page path, built once (a dict per lookup made pages quadratic)."""
        return dict(self.page_of)

    @property
    def doc(self) -> Document:
        if self.document is None:
            raise RuntimeError("the document has not been segmented yet")
        return self.document


@dataclass(frozen=True)
class Paths:
    """Where the inputs are and where the build writes."""

    content: Path
    annexes: Path
    out: Path  # holds build/ (generated Markdown, config), site/ and dist/
    mkdocs_yml: Path  # the project's base configuration (theme, extensions)

    @property
    def generated(self) -> Path:
        return self.out / "build"

    @property
    def docs(self) -> Path:
        return self.generated / "docs"

    @property
    def site(self) -> Path:
        return self.out / "site"

    @property
    def dist(self) -> Path:
        return self.out / "dist"
