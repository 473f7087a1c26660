"""Page metadata that reference managers, search engines and link previews read, from the model."""

from __future__ import annotations

import html
import json
from typing import Any

from build_tools.model import Build, Meta, Paragraph, Section
from build_tools.pages import cite, dates
from build_tools.pages.render import HOME

SIDECAR = "page-meta.json"  # beside the generated mkdocs.yml; read by site/meta_hook.py
DESCRIPTION_CHARS = 200  # what link previews and result snippets show, roughly
Tag = tuple[str, str, str]  # (attribute, its value, content): ("name", "citation_title", "…")


def clip(words: str, limit: int = DESCRIPTION_CHARS) -> str:
    """The words, cut at a word boundary within the limit, with an ellipsis if cut."""
    words = " ".join(words.split())
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _authors(meta: Meta) -> list[str]:
    return [a.strip() for a in str(meta.get("document_author") or "").split(";") if a.strip()]


def _title(meta: Meta) -> str:
    return " ".join(str(meta["document_title"]).split())


def _short(meta: Meta) -> str:
    return " ".join(str(meta.get("document_short_title") or meta["document_title"]).split())


def _when(meta: Meta) -> str:
    return dates.date_text(meta.get("document_date_start"), meta["document_date"])


def highwire(build: Build, url: str, pdf_url: str | None) -> list[Tag]:
    """Highwire Press tags (Google Scholar's inclusion guidelines, Zotero's importer) and Dublin
    Core for a page with the document's text: the document, as a report of its authors."""
    meta = build.inputs.meta
    date = dates.as_date(meta["document_date"])
    tags: list[Tag] = [("name", "citation_title", _title(meta))]
    tags += [("name", "citation_author", a) for a in _authors(meta)]
    tags += [("name", "citation_publication_date", date.strftime("%Y/%m/%d")),
             ("name", "citation_language", str(meta["document_language"]))]
    tags += [("name", "citation_technical_report_institution", "; ".join(_authors(meta)))]
    if meta.get("document_symbol"):
        tags.append(("name", "citation_technical_report_number", str(meta["document_symbol"])))
    tags.append(("name", "citation_abstract_html_url", url))
    if pdf_url:
        tags.append(("name", "citation_pdf_url", pdf_url))
    tags += [("name", "DC.title", _title(meta))]
    tags += [("name", "DC.creator", a) for a in _authors(meta)]
    tags += [("name", "DC.date", date.isoformat()), ("name", "DC.type", "Text"),
             ("name", "DC.language", str(meta["document_language"])),
             ("name", "DC.identifier", url)]
    return tags


def preview(title: str, description: str, url: str, site: dict[str, str], kind: str) -> list[Tag]:
    """OpenGraph and Twitter card tags: what a chat or a post shows of a link. site: its name
    and language (site_facts)."""
    full = title if site["name"] in title else f"{title} \u2014 {site['name']}"
    tags: list[Tag] = [("property", "og:type", kind), ("property", "og:site_name", site["name"]),
                       ("property", "og:title", full), ("property", "og:description", description),
                       ("property", "og:url", url)]
    lang = site["lang"].replace("-", "_")
    if "_" in lang:  # OpenGraph's locale is language_TERRITORY; a bare language is left out
        tags.append(("property", "og:locale", lang))
    return [*tags, ("name", "twitter:card", "summary"), ("name", "twitter:title", full),
            ("name", "twitter:description", description)]


def _section_part(build: Build, section: Section) -> dict[str, Any]:
    url = cite.site_url(build.inputs.meta) + cite.page_url(build.page(section.slug))
    part: dict[str, Any] = {"@type": "CreativeWork", "@id": f"{url}#section", "name":
                            section.title, "url": url}
    children = build.doc.children(section.slug)
    if children:
        part["hasPart"] = [_section_part(build, c) for c in children]
    return part


def jsonld(build: Build, page_title: str, url: str, about: Section | None) -> dict[str, Any]:
    """schema.org: the document (a Report: why in README), its sections as parts (all on the
    home page; a section's page, that section), the edition as a CreativeWork that is an edition
    of it (exampleOfWork), and this page."""
    meta, doc = build.inputs.meta, build.doc
    root = cite.site_url(meta)
    start = dates.as_date(meta.get("document_date_start") or meta["document_date"])
    # A meeting's document has a place; a resolution or report of its own type may not.
    place = ({"@type": "Place", "name": " ".join(str(meta["document_place"]).split())}
             if meta.get("document_place") else None)
    document: dict[str, Any] = {
        "@type": "Report", "@id": f"{root}#document", "name": _title(meta),
        "alternateName": _short(meta),
        "author": [{"@type": "Organization", "name": a} for a in _authors(meta)],
        "datePublished": dates.as_date(meta["document_date"]).isoformat(),
        "inLanguage": str(meta["document_language"]),
        "url": root, "workExample": {"@id": f"{root}#edition"}}
    if place:
        document["locationCreated"] = place
    nodes: list[dict[str, Any]] = [document]
    if about is None or about.level == 0:  # the whole tree of parts on the home page
        document["hasPart"] = [_section_part(build, s) for s in doc.sections if s.level == 1]
    else:  # a section's page: that section, part of its parent (a few hundred bytes a page)
        parent = (f"{cite.site_url(meta)}{cite.page_url(build.page(about.parent))}#section"
                  if about.parent else f"{root}#document")
        nodes.append({"@type": "CreativeWork", "@id": f"{url}#section", "name": about.title,
                      "url": url, "isPartOf": {"@id": parent}})
    if meta.get("document_meeting"):
        document["recordedAt"] = {
            "@type": "Event", "name": " ".join(str(meta["document_meeting"]).split()),
            "startDate": start.isoformat(),
            "endDate": dates.as_date(meta["document_date"]).isoformat(),
            **({"location": place} if place else {})}
    if meta.get("document_symbol"):
        document["reportNumber"] = str(meta["document_symbol"])
    edition = {
        "@type": "CreativeWork", "@id": f"{root}#edition",
        "name": " ".join(str(meta["edition_name"]).split()),
        "version": str(meta["edition_version"]),
        "datePublished": dates.as_date(meta["edition_date"]).isoformat(),
        "publisher": {"@type": "Organization", "name": str(meta["edition_publisher"])},
        "url": root, "exampleOfWork": {"@id": f"{root}#document"},
        "inLanguage": str(meta["document_language"])}
    if meta.get("edition_licence"):
        edition["license"] = {"@type": "CreativeWork",
                              "text": " ".join(str(meta["edition_licence"]).split())}
    page: dict[str, Any] = {"@type": "WebPage", "@id": url, "url": url, "name": page_title,
                            "isPartOf": {"@id": f"{root}#edition"},
                            "about": {"@id": f"{url}#section" if about and about.level > 0
                                      else f"{root}#document"}}
    return {"@context": "https://schema.org", "@graph": [*nodes, edition, page]}


def section_description(build: Build, section: Section) -> str:
    """What a section's page holds: its paragraphs, of which document, and how it begins."""
    meta, doc = build.inputs.meta, build.doc
    numbers = [p.number for s in (section, *doc.descendants(section.slug))
               for p in doc.in_section(s.slug)]
    at = [" ".join(str(meta["document_place"]).split())] if meta.get("document_place") else []
    where = f"{_short(meta)} ({', '.join([*at, _when(meta)])})"
    if not numbers:
        return clip(f"{section.title}: a section of the {where}.")
    lo, hi = min(numbers), max(numbers)
    paras = f"Paragraph {lo}" if lo == hi else f"Paragraphs {lo}\u2013{hi}"
    head = "" if section.level == 0 else f"{section.title}: "
    paras = paras if section.level == 0 else paras.lower()
    first = doc.paragraph(lo).text
    return clip(f"{head}{paras} of the {where}: \u201c{first}\u201d")


def paragraph_preview(build: Build, p: Paragraph) -> tuple[str, str, str]:
    """A paragraph's link preview: title "¶ N · Section — document", its first words, its URL."""
    meta = build.inputs.meta
    section = build.doc.section(p.section)
    where = "" if section.editorial_title else f" \u00b7 {section.title}"
    return (f"\u00b6 {p.number}{where} \u2014 {_short(meta)}", clip(p.text),
            cite.permanent_url(meta, p.number))


def head_html(tags: list[Tag], data: dict[str, Any] | None = None) -> str:
    """The tags as HTML for a page's head, and the JSON-LD as a data block (not executed)."""
    out = [f'<meta {a}="{html.escape(k, quote=True)}" content="{html.escape(v, quote=True)}">'
           for a, k, v in tags]
    if data is not None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        payload = payload.replace("<", "\\u003c").replace(">", "\\u003e")
        out.append(f'<script type="application/ld+json">{payload}</script>')
    return "\n".join(out)


def site_facts(meta: Meta) -> dict[str, str]:
    return {"name": _short(meta), "lang": str(meta["document_language"])}


def sidecar(build: Build) -> dict[str, Any]:
    """Per generated page (its Markdown path): its permanent URL and, for a page with the
    document's text, its description, Highwire and Dublin Core tags and JSON-LD."""
    meta = build.inputs.meta
    root = cite.site_url(meta)
    pdf = next((f.path for f in build.files if f.path.endswith(".pdf")), None)
    pdf_url = root + pdf if pdf else None
    sections = {page: build.doc.section(slug) for slug, page in build.page_of}
    pages: dict[str, dict[str, Any]] = {}
    for f in build.files:
        if not f.path.endswith(".md"):
            continue
        url = root + cite.page_url(f.path)
        entry: dict[str, Any] = {"url": url}
        section = sections.get(f.path)
        if section is not None:
            title = _title(meta) if f.path == HOME else section.title
            entry.update(description=section_description(build, section),
                         kind="article", tags=highwire(build, url, pdf_url),
                         jsonld=jsonld(build, title, url, section))
        pages[f.path] = entry
    return {"site": site_facts(meta), "pages": pages}
