"""The built pages as reference managers, search engines and link previews read them: extruct
for JSON-LD, OpenGraph and Dublin Core, lxml for the Highwire tags, rispy for the RIS records."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import extruct
import lxml.html
import pytest
import rispy

from build_tools.model import Build, Paths
from build_tools.pages import cite
from build_tools.verify import external

Built = tuple[Build, Paths]


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def extract(html: str, url: str) -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = extruct.extract(
        html, base_url=url, syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True,
        errors="strict")
    return data


def metas(html: str, name: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    return [str(v) for v in tree.xpath(f'//head/meta[@name="{name}"]/@content')]


def section_page(build: Build, slug: str) -> tuple[str, str]:
    page = build.page(slug)
    rel = cite.page_url(page)
    return (rel + "index.html" if rel else "index.html"), cite.site_url(build.inputs.meta) + rel


def test_highwire_and_dublin_core_on_a_text_page(built: Built) -> None:
    build, paths = built
    meta = build.inputs.meta
    file, url = section_page(build, "sudan")
    html = read(paths.site, file)
    title = " ".join(str(meta["document_title"]).split())
    assert metas(html, "citation_title") == [title]
    assert metas(html, "citation_author") == ["United Nations",
                                              "Organization of the Islamic Conference"]
    assert metas(html, "citation_publication_date") == ["2008/07/10"]
    assert metas(html, "citation_language") == ["en"]
    assert metas(html, "citation_abstract_html_url") == [url]
    [pdf] = metas(html, "citation_pdf_url")
    assert pdf.startswith(cite.site_url(meta)) and pdf.endswith(".pdf")
    assert (paths.site / pdf[len(cite.site_url(meta)):]).is_file()
    [dc] = extract(html, url)["dublincore"]
    elements = {e["URI"].rsplit("/", 1)[1]: e["content"] for e in dc["elements"]
                if e["name"].startswith("DC.")}
    assert elements["title"] == title and elements["date"] == "2008-07-10"
    assert elements["identifier"] == url


def test_json_ld_document_sections_edition_and_page(built: Built) -> None:
    build, paths = built
    meta = build.inputs.meta
    root = cite.site_url(meta)
    file, url = section_page(build, "sudan")
    [block] = extract(read(paths.site, file), url)["json-ld"]
    graph = {node["@id"]: node for node in block["@graph"]}
    document, edition, page = graph[f"{root}#document"], graph[f"{root}#edition"], graph[url]
    assert document["@type"] == "Report" and edition["@type"] == "CreativeWork"
    assert page["@type"] == "WebPage"
    # This page's section, part of its parent section.
    section = graph[f"{url}#section"]
    assert section["name"] == "Sudan"
    assert section["isPartOf"]["@id"] == f"{section_page(build, 'maintenance-of-peace')[1]}#section"
    # The home page lists every section, in the document's hierarchy.
    [block] = extract(read(paths.site, "index.html"), root)["json-ld"]
    document = next(n for n in block["@graph"] if n["@id"] == f"{root}#document")
    assert document["name"] == " ".join(str(meta["document_title"]).split())
    assert [a["name"] for a in document["author"]] == ["United Nations",
                                                       "Organization of the Islamic Conference"]
    assert document["datePublished"] == "2008-07-10" and document["url"] == root
    assert document["recordedAt"]["startDate"] == "2008-07-08"

    def names(parts: list[dict[str, Any]]) -> list[str]:
        return [n for p in parts for n in (p["name"], *names(p.get("hasPart", [])))]

    assert names(document["hasPart"]) == [s.title for s in build.doc.sections if s.level > 0]
    assert edition["version"] == str(meta["edition_version"])
    assert edition["datePublished"] == str(meta["edition_date"])
    assert edition["exampleOfWork"]["@id"] == document["@id"]
    assert page["url"] == url and page["about"]["@id"] == f"{url}#section"


def test_every_page_has_a_link_preview_and_its_own_description(built: Built) -> None:
    paths = built[1]
    descriptions: dict[str, str] = {}
    pages = [p for p in paths.site.rglob("*.html")
             if "p" not in p.relative_to(paths.site).parts[:1] and p.name != "404.html"]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        [og] = extract(html, "https://example.org/")["opengraph"]
        assert og["og:title"] and og["og:description"] and og["og:url"].startswith("https://")
        [description] = metas(html, "description")
        assert description == og["og:description"]
        descriptions[str(path)] = description
    # Each page says what it holds: no two pages share a description.
    assert len(set(descriptions.values())) == len(descriptions)


def test_paragraph_address_previews_the_paragraph(built: Built) -> None:
    build, paths = built
    p = build.doc.paragraph(36)
    url = cite.permanent_url(build.inputs.meta, 36)
    for html in (read(paths.site, "p/36/index.html"), _offline(paths, "p/36.html")):
        [og] = extract(html, url)["opengraph"]
        assert og["og:title"].startswith("\u00b6 36 \u00b7 Sudan \u2014 ")
        assert og["og:description"].startswith(" ".join(p.text.split()[:12]))
        assert og["og:url"] == url
    # The front matter has no heading: its paragraphs are previewed without the editor's label.
    [og] = extract(read(paths.site, "p/1/index.html"), url)["opengraph"]
    assert og["og:title"].startswith("\u00b6 1 \u2014 ")


def _offline(paths: Paths, file: str) -> str:
    [bundle] = sorted(paths.dist.glob("*-offline.zip"))
    with zipfile.ZipFile(bundle) as z:
        [name] = [n for n in z.namelist() if n.endswith("/" + file)]
        return z.read(name).decode("utf-8")


def test_ris_records_for_document_sections_and_paragraphs(built: Built) -> None:
    build, paths = built
    folder = paths.site / "cite"
    records = {p.name: rispy.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.ris")}
    sections = [s for s in build.doc.sections if s.level > 0]
    assert len(records) == 1 + len(sections) + len(build.doc.paragraphs)
    [para] = records["un-oic-2008-para-36.ris"]
    assert para["urls"] == [cite.permanent_url(build.inputs.meta, 36)]
    assert para["type_of_reference"] == "RPRT" and para["notes"][0].startswith("para. 36.")
    [whole] = records["un-oic-2008.ris"]
    assert whole["urls"] == [cite.site_url(build.inputs.meta)] and "section" not in whole


@pytest.mark.parametrize("tag", [
    '<meta property="og:url" content="https://example.org/p/1/">',
    '<meta name="citation_pdf_url" content="https://example.org/x.pdf">',
    '<script type="application/ld+json">{"url": "https://example.org/"}</script>',
])
def test_metadata_addresses_are_not_resources(tag: str) -> None:
    """The offline bundle carries the online addresses in its metadata; no browser loads them."""
    assert external.check_text("page.html", f"<html><head>{tag}</head></html>") == []
