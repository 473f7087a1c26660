"""Stage cite: citations (text, BibTeX, CSL-JSON) of paragraphs and sections, from meta only."""

from __future__ import annotations

import datetime
import html
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from build_tools.model import Build, Meta, OutFile, Paragraph, Section
from build_tools.pages import cite_forms, ris, styles, styles_page, titles
from build_tools.pages.dates import BIB_MONTHS, as_date, date_text
from build_tools.pages.markdown import attr, escape, link
from build_tools.source import doctypes
from build_tools.source.slug import slugify

HOW_TO_CITE = "how-to-cite.md"
CONCORDANCE = "concordance.md"  # written by the resolver stage
PANEL_ID = "cite-panel"
# Stands for the paragraph number in a page's citation templates (an invisible separator).
TOKEN = "\u2063N\u2063"
_PARA_ATTR = re.compile(r'^\{: #\S+ \.para[^{}]*? data-n="(\d+)"', re.MULTILINE)  # the ordinal


@dataclass(frozen=True)
class Cited:
    """What one citation points at: a paragraph, a section (a range of paragraphs) or the whole."""

    key: str  # BibTeX / CSL id, and the page data key
    label: str  # "paragraph 27", "this section", "the document" (for the reader's controls)
    section: str | None  # the section's title as the document (or the editor) gives it
    locator: str | None  # "para. 27", "paras. 27–32"
    url: str  # the permanent URL
    pinpoint: str | None = None  # the paragraphs as a CSL locator: "27", "27–32"


def site_url(meta: Meta) -> str:
    url = str(meta["edition_site_url"])
    return url if url.endswith("/") else url + "/"


def permanent_url(meta: Meta, number: int | str) -> str:
    """The resolver address of paragraph N (or of an address of the document's own, see
    Paragraph.ref): it survives any change of page layout."""
    return f"{site_url(meta)}p/{number}/"


def page_url(page: str) -> str:
    """The directory URL of a generated Markdown page, relative to the site root."""
    stem = page[:-3] if page.endswith(".md") else page
    if stem == "index":
        return ""
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def _one_line(text: Any) -> str:
    return " ".join(str(text).split())


def _authors(meta: Meta) -> list[str]:
    return [a.strip() for a in str(meta.get("document_author") or "").split(";") if a.strip()]


def _slug(meta: Meta) -> str:
    return str(meta.get("edition_slug") or slugify(str(meta["edition_name"])))


def _locator(numbers: list[int]) -> str | None:
    if not numbers:
        return None
    lo, hi = min(numbers), max(numbers)
    return f"para. {lo}" if lo == hi else f"paras. {lo}\u2013{hi}"


def _pinpoint(locator: str | None) -> str | None:
    """The paragraphs as a CSL locator ("27", "27–32"): the locator without its label."""
    return locator.split(" ", 1)[1] if locator and " " in locator else None


def _shown_title(build: Build, section: Section) -> str | None:
    """The section as cited (in title case, as the navigation shows it): none for the front
    matter, whose label is the editor's and no heading on its page shows it."""
    return None if section.editorial_title else titles.display(build, section)


def text(meta: Meta, cited: Cited) -> str:
    """The citation as one line of plain text, ready to paste."""
    if doctypes.of(meta).citation == "symbol":
        return cite_forms.text(meta, cited)
    title = _one_line(meta["document_title"])
    meeting = _one_line(meta["document_meeting"])
    when = date_text(meta.get("document_date_start"), meta["document_date"])
    # The meeting is named once: many titles already contain it.
    event = [meeting] if meeting.lower() not in title.lower() else []
    event += [_one_line(meta["document_place"]), when]
    parts = []
    authors = _authors(meta)
    if authors:
        parts.append("; ".join(authors) + ".")
    parts.append(f"{title}.")
    parts.append(", ".join(event) + ".")
    where = [f"Section \u201c{_one_line(cited.section)}\u201d"] if cited.section else []
    where += [cited.locator] if cited.locator else []
    if where:
        line = ", ".join(where)
        parts.append(line[0].upper() + line[1:] + ".")
    parts.append(f"In: {_one_line(meta['edition_name'])}, version {meta['edition_version']} "
                 f"({date_text(None, meta['edition_date'])}).")
    parts.append(cited.url)
    return " ".join(parts)


def _bib(value: str) -> str:
    """A BibTeX field value: TeX's special characters escaped."""
    special = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
               "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
               "^": r"\textasciicircum{}"}
    return "".join(special.get(ch, ch) for ch in value)


def bibtex(meta: Meta, cited: Cited) -> str:
    """A BibTeX (biblatex-friendly) @misc entry."""
    start = as_date(meta.get("document_date_start") or meta["document_date"])
    end = as_date(meta["document_date"])
    span = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    fields: list[tuple[str, str]] = []
    authors = _authors(meta)
    if authors:
        fields.append(("author", " and ".join("{" + _bib(a) + "}" for a in authors)))
    fields += [
        ("title", "{" + _bib(_one_line(meta["document_title"])) + "}"),
        *cite_forms.event_fields(meta, _bib),
        ("date", span),
        ("year", str(end.year)),
    ]
    where = [f"Section \u201c{_one_line(cited.section)}\u201d"] if cited.section else []
    where += [cited.locator] if cited.locator else []
    if where:
        fields.append(("note", _bib(", ".join(where))))
    fields += [
        ("howpublished", _bib(f"{_one_line(meta['edition_name'])}, version "
                              f"{meta['edition_version']} ({as_date(meta['edition_date'])})")),
        ("publisher", _bib(_one_line(meta["edition_publisher"]))),
        ("version", _bib(str(meta["edition_version"]))),
        ("url", cited.url),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = f",\n  month = {BIB_MONTHS[end.month - 1]}"
    return f"@misc{{{cited.key},\n{body}{month}\n}}\n"


def _parts(d: datetime.date) -> list[int]:
    return [d.year, d.month, d.day]


def csl_item(meta: Meta, cited: Cited) -> dict[str, Any]:
    """The citation as one CSL-JSON item (what Zotero, Pandoc and citeproc read)."""
    start = as_date(meta.get("document_date_start") or meta["document_date"])
    end = as_date(meta["document_date"])
    # "report": what Zotero and the styles read a UN document as (an official paper issued under
    # its bodies' authority, with a symbol); a meeting document is one too.
    item: dict[str, Any] = {"id": cited.key, "type": "report",
                            "title": _one_line(meta["document_title"])}
    authors = _authors(meta)
    if authors:
        item["author"] = [{"literal": a} for a in authors]
    item.update({
        **cite_forms.event_csl(meta),
        **({"publisher-place": _one_line(meta["document_place"])}
           if meta.get("document_place") else {}),
        "event-date": {"date-parts": [_parts(start)] + ([_parts(end)] if end != start else [])},
        "issued": {"date-parts": [_parts(end)]},
        "language": str(meta["document_language"]),
        "container-title": _one_line(meta["edition_name"]),
        "version": str(meta["edition_version"]),
        "publisher": _one_line(meta["edition_publisher"]),
        "URL": cited.url,
    })
    if cited.section:
        item["section"] = _one_line(cited.section)
    if cited.locator:
        item["note"] = cited.locator
    return item


def csl_json(meta: Meta, cited: Cited) -> str:
    return json.dumps([csl_item(meta, cited)], ensure_ascii=False, indent=2) + "\n"


def formats(meta: Meta, cited: Cited, styled: bool = True) -> dict[str, str]:
    """Every form of one citation: the edition's own line (hand-written: no CSL style is the
    edition's), each CSL style by citeproc-py (unless not styled), BibTeX, CSL-JSON, and the
    path of its RIS record (ris_files)."""
    return {"label": cited.label, "text": text(meta, cited),
            **(styles.render(csl_item(meta, cited), cited.pinpoint) if styled else {}),
            "bibtex": bibtex(meta, cited), "csl": csl_json(meta, cited),
            "ris_file": ris.file_name(cited.key)}


def paragraph_cited(build: Build, p: Paragraph) -> Cited:
    meta = build.inputs.meta
    label = f"paragraph {p.number}" if not p.address else p.locator
    return Cited(key=f"{_slug(meta)}-para-{p.ref}", label=label,
                 section=_shown_title(build, build.doc.section(p.section)),
                 locator=p.locator, url=permanent_url(meta, p.ref),
                 pinpoint=_pinpoint(p.locator))


def section_cited(build: Build, section: Section) -> Cited:
    meta, doc = build.inputs.meta, build.doc
    paras = sorted((p for s in (section, *doc.descendants(section.slug))
                    for p in doc.in_section(s.slug)), key=lambda p: p.number)
    page = build.page(section.slug)
    locator = (cite_forms.range_locator(paras) if paras and paras[0].address
               else _locator([p.number for p in paras]))
    return Cited(key=f"{_slug(meta)}-{section.slug}", label="this section",
                 section=_shown_title(build, section), locator=locator,
                 url=site_url(meta) + page_url(page), pinpoint=_pinpoint(locator))


def document_cited(build: Build) -> Cited:
    meta = build.inputs.meta
    return Cited(key=_slug(meta), label="the document", section=None, locator=None,
                 url=site_url(meta))


def controls(p: Paragraph) -> str:
    """The ¶ permalink and the cite button that end a paragraph. Their visible marks are CSS
    content, so the paragraph's text (search, copy) stays the document's; the button is hidden
    until cite.js wires it (with JavaScript off it would do nothing). They are named by
    aria-label, not title: a title is also a hover tooltip, over the paragraph being read."""
    named = p.name[:1].lower() + p.name[1:]
    return (f' <a class="plink" href="#{p.eid}" aria-label="Copy link to {named}"></a>'
            f'<button type="button" class="cite-btn" data-cite="p{p.number}" '
            f'aria-label="Cite {named}" '
            f'aria-controls="{PANEL_ID}" aria-expanded="false" hidden></button>')


def data_block(data: dict[str, Any]) -> str:
    """The page's citation data for cite.js, as JSON that cannot end its script element."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e")
    return f'\n<script type="application/json" class="cite-data">{payload}</script>\n'


def section_block(build: Build, section: Section, cited: Cited) -> str:
    """'Cite this section' ('Cite the document' on the front matter's page), readable with
    JavaScript off; raw HTML so that Material's search can leave it out (data-search-exclude)."""
    line, head = html.escape(text(build.inputs.meta, cited)), f"Cite {cited.label}"
    name = attr(section.title if section.level else _one_line(build.doc.title))
    return ("\n" f'<aside class="admonition quote cite-section" aria-label="{head}" '
            f"data-search-exclude>\n"
            f'<p class="admonition-title">{head}</p>\n'
            f'<p class="cite-section__text">{line}</p>\n'
            f'<p><button type="button" class="cite-btn cite-btn--section" data-cite="{cited.key}" '
            f'aria-label="Copy citation of {cited.label} ({name})" '
            f'aria-controls="{PANEL_ID}" aria-expanded="false" hidden></button></p>\n'
            "</aside>\n")


def _indent(block: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in block.rstrip("\n").split("\n"))


def _example(meta: Meta, cited: Cited) -> list[str]:
    f = formats(meta, cited)
    return [escape(f["text"]) + "\n", *styles_page.lines(f), "BibTeX:\n",
            _indent(f["bibtex"]) + "\n", "CSL-JSON:\n", _indent(f["csl"]) + "\n"]


def how_to_cite_page(build: Build, concordance: str) -> OutFile:
    inputs, doc, meta = build.inputs, build.doc, build.inputs.meta
    prose = dict(inputs.pages).get("how-to-cite", "# How to cite\n")
    first = doc.paragraphs[0]
    page = build.page(first.section)
    # A document without headings has no section page to cite: no section example then.
    section = next((s for s in doc.sections if s.level > 0), None)
    out = [prose.rstrip() + "\n", "## This edition\n",
           f"- Edition: {escape(_one_line(meta['edition_name']))}",
           f"- Version: {escape(str(meta['edition_version']))}",
           f"- Date: {date_text(None, meta['edition_date'])}",
           f"- Publisher: {escape(_one_line(meta['edition_publisher']))}",
           f"- Address: <{site_url(meta)}>\n",
           "## A paragraph\n",
           "Every paragraph has a number, shown in the margin, and two addresses: "
           f"`#para_N` on its page, and the permanent address `{site_url(meta)}p/N/`, which "
           "leads to the paragraph wherever its page is. Use the permanent address in a "
           "citation. The **cite** button at the end of a paragraph copies its citation and "
           "offers it in Chicago, APA, MLA, OSCOLA, BibTeX, CSL-JSON and RIS; words selected "
           "in a paragraph offer **cite this passage**; the \u00b6 mark links to the paragraph. "
           f"The [paragraph concordance]({concordance}) lists every paragraph by number.\n",
           f"For example, [paragraph {first.number}]({page}#{first.eid}):\n",
           *_example(meta, paragraph_cited(build, first)),
           *(["## A section\n", "The end of each section page gives its citation. For example:\n",
              *_example(meta, section_cited(build, section))] if section else []),
           "## The whole document\n",
           *_example(meta, document_cited(build))]
    return OutFile(HOW_TO_CITE, "\n".join(out))


def _page_sections(build: Build) -> dict[str, Section]:
    """Page path -> the section it is the page of."""
    doc = build.doc
    return {page: doc.section(slug) for slug, page in build.page_of}


def _token_cited(build: Build, section: str) -> Cited:
    """A paragraph citation with the number left as TOKEN: one template serves a whole page."""
    meta = build.inputs.meta
    return Cited(key=f"{_slug(meta)}-para-{TOKEN}", label=f"paragraph {TOKEN}",
                 section=_shown_title(build, build.doc.section(section)), locator=f"para. {TOKEN}",
                 url=f"{site_url(meta)}p/{TOKEN}/", pinpoint=TOKEN)


def expand(template: dict[str, str], number: int) -> dict[str, str]:
    return {name: value.replace(TOKEN, str(number)) for name, value in template.items()}


def page_data(build: Build, numbers: list[int], extra: dict[str, Cited]) -> dict[str, Any]:
    """What cite.js needs to cite everything on a page: per section one template of the
    paragraph formats (cite.js puts the number in), checked here against the full formats."""
    meta, doc = build.inputs.meta, build.doc
    templates: dict[str, dict[str, str]] = {}
    paras: dict[str, str] = {}
    items = {key: formats(meta, cited) for key, cited in extra.items()}
    for n in numbers:
        p = doc.paragraph(n)
        # The styles (citeproc, ~10 ms a citation) are checked on a section's first paragraph.
        full = formats(meta, paragraph_cited(build, p), styled=p.section not in templates)
        template = templates.get(p.section) or formats(meta, _token_cited(build, p.section))
        expanded = expand(template, n)
        if {k: expanded[k] for k in full} == full:
            templates[p.section] = template
            paras[str(n)] = p.section
        else:  # the token occurs in the data itself: give this paragraph in full
            items[f"p{n}"] = formats(meta, paragraph_cited(build, p))
    return {"token": TOKEN, "templates": {k: _compact(v) for k, v in templates.items()},
            "paras": paras, "items": {k: _compact(v) for k, v in items.items()}}


def _compact(formats: dict[str, str]) -> dict[str, str]:
    """CSL-JSON without its indentation (a third of every page's data); cite.js indents it
    again, as csl_json does, before a reader sees or copies it."""
    if "csl" not in formats:
        return formats
    csl = json.dumps(json.loads(formats["csl"]), ensure_ascii=False, separators=(",", ":"))
    return {**formats, "csl": csl}


def with_citations(build: Build, f: OutFile, sections: dict[str, Section]) -> OutFile:
    """A rendered page, plus its section's citation block and the data its controls read;
    sections: page path -> its section (_page_sections, built once)."""
    if not f.path.endswith(".md") or not isinstance(f.content, str):
        return f
    numbers = [int(m.group(1)) for m in _PARA_ATTR.finditer(f.content)]
    content = f.content
    extra: dict[str, Cited] = {}
    section = sections.get(f.path)
    if section is not None:  # the front matter's page cites the whole document
        cited = section_cited(build, section) if section.level else document_cited(build)
        extra[cited.key] = cited
        content = content.rstrip("\n") + "\n" + section_block(build, section, cited)
    if not numbers and not extra:
        return f
    return replace(f, content=content + data_block(page_data(build, numbers, extra)))


def run(build: Build) -> Build:
    sections = _page_sections(build)
    files = tuple(with_citations(build, f, sections) for f in build.files)
    concordance = link(HOW_TO_CITE, CONCORDANCE)
    files += (how_to_cite_page(build, concordance), *ris_files(build))
    return replace(build, files=files)


def ris_files(build: Build) -> list[OutFile]:
    """A RIS record for the document, each section and each paragraph (cite/<key>.ris)."""
    meta, doc = build.inputs.meta, build.doc
    cited = [document_cited(build), *(section_cited(build, s) for s in doc.sections
                                      if s.level > 0),
             *(paragraph_cited(build, p) for p in doc.paragraphs)]
    return [OutFile(ris.file_name(c.key), ris.ris(csl_item(meta, c), c)) for c in cited]
