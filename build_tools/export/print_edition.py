"""The print edition: the whole document on one site page, and as standalone HTML for the PDF.

Both come from the same Markdown (rendered by render.PageWriter, so numbers, marks and footnotes
are the site's). The PDF is printed from the standalone HTML *before* mkdocs runs, not from the
built site afterwards: so it is an ordinary file of the docs tree, copied by mkdocs into the site
and the offline bundle, and the Download page (also generated before mkdocs) can give its size
and sha256.
"""

from __future__ import annotations

import posixpath
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from build_tools.model import Build, Paragraph, Section
from build_tools.pages import render
from build_tools.pages.markdown import attr, escape, link, render_spans
from build_tools.site import inline

PAGE = "print.md"
SITE_ID_PREFIX = "print-"  # print-para_N on the site's print page; para_N in the PDF
STYLESHEETS = ("text.css", "edition.css", "print-standalone.css")  # the site's, a plain base
# The Markdown extensions mkdocs.yml enables (tests/test_print_edition.py holds the two lists
# together), so the standalone HTML reads the generated Markdown as the site does.
EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "admonition", "tables", "toc", "abbr"]


class PrintWriter(render.PageWriter):
    """A paragraph as on its section page, less the reader's controls (cite, ¶), and with an id
    of its own: `para_N` is the paragraph's address on its section page, once in the site. The
    number links to that address."""

    def __init__(self, build: Build, page: str, id_prefix: str):
        super().__init__(build, page)
        self.id_prefix = id_prefix

    def paragraph(self, p: Paragraph) -> str:
        body = render_spans(p.text, p.spans, self.wrap, where=f"paragraph {p.number}")
        home = link(self.page, self.paths[p.section], p.eid)
        # A Markdown link (not raw HTML), so that mkdocs turns the .md path into the page's URL.
        # The document's own number or letter where it has one (none for a recital).
        number = (f'[{escape(p.shown)}]({home}){{: .pnum aria-label="{p.name}" }} '
                  if p.shown else "")
        return (f'{number}{body}\n{{: #{self.id_prefix}{p.eid} .para{render.point_class(p)} '
                f'data-n="{p.number}" }}\n')


def body(build: Build, id_prefix: str, page: str = PAGE) -> str:
    """Markdown of the whole document: title, dateline, headings, paragraphs, then the footnotes."""
    doc = build.doc
    writer = PrintWriter(build, page, id_prefix)
    out = [f"# {escape(doc.title)}\n"]
    out += [f'<p class="dateline">{escape(line)}</p>\n' for line in (*doc.header, doc.dateline)
            if line]

    def section(s: Section) -> None:
        if s.level > 0:
            out.append(f"{'#' * min(s.level + 1, 6)} {escape(s.title)} {{ #sec-{s.slug} }}\n")
        for p in doc.in_section(s.slug):
            out.append(writer.paragraph(p))
            if p.number == len(doc.paragraphs):
                out.append(render.ending_note(build.inputs))
        for child in doc.children(s.slug):
            section(child)

    for s in doc.sections:
        if s.parent is None:
            section(s)
    return "\n".join(out) + writer.footer()


def colophon(build: Build) -> str:
    """HTML of the PDF's last line: which edition this is, and where it lives online."""
    meta = build.inputs.meta
    url = attr(str(meta["edition_site_url"]))
    return (f"{attr(str(meta['edition_name']))}, version {attr(str(meta['edition_version']))} "
            f'({attr(str(meta["edition_date"]))}). Online: <a href="{url}">{url}</a>')


def site_page(build: Build, pdf_name: str) -> str:
    """The site's print page: kept out of the search index (the section pages are the hits)."""
    return "\n".join([
        "---\nsearch:\n  exclude: true\n---\n",
        '<div class="print-edition-intro" markdown>\n',
        "This page holds the whole document, to print or save from the browser. "
        f"A ready PDF is on the [Download](downloads/index.md#{attr(pdf_name)}) page.\n",
        "</div>\n",
        body(build, SITE_ID_PREFIX),
    ])


class _SiteLinks(Treeprocessor):  # type: ignore[misc]  # Python-Markdown has no type hints
    """Links between generated pages (.md) become the online addresses, as mkdocs would make
    them, so that links in the PDF lead to the site."""

    def __init__(self, md: markdown.Markdown, base: str, page: str):
        super().__init__(md)
        self.base, self.page = base, page

    def run(self, root: Element) -> None:
        for a in root.iter("a"):
            href = a.get("href", "")
            path, _, fragment = href.partition("#")
            if not path.endswith(".md") or ":" in path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
            url = target.removesuffix("index.md").removesuffix(".md")
            url = url + "/" if url and not url.endswith("/") else url
            a.set("href", self.base + url + (f"#{fragment}" if fragment else ""))


class _SiteLinksExtension(Extension):  # type: ignore[misc]
    def __init__(self, base: str, page: str, **kwargs: Any):
        self.base, self.page = base, page
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SiteLinks(md, self.base, self.page), "edition_site_links", 0)


def standalone_html(build: Build) -> str:
    """A self-contained HTML document of the print edition (styles inline, no request)."""
    meta = build.inputs.meta
    base = str(meta["edition_site_url"])
    md = markdown.Markdown(extensions=[*EXTENSIONS, _SiteLinksExtension(base, PAGE)])
    html = md.convert(body(build, ""))
    css = "\n".join((inline.FOLDER / name).read_text(encoding="utf-8") for name in STYLESHEETS)
    lang = attr(str(meta["document_language"]))
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{attr(build.doc.title)}</title>\n<style>\n{css}\n</style>\n</head>\n"
            f'<body class="print-standalone">\n<article class="md-typeset">\n{html}\n'
            f'<p class="colophon">{colophon(build)}</p>\n'
            "</article>\n</body>\n</html>\n")
