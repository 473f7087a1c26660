"""The built site: every paragraph has its permalink, cite control and two resolver addresses."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from build_tools.model import Build, Paths
from build_tools.pages import cite

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.in_para: str | None = None
        self.controls: dict[str, set[str]] = {}
        self.data: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "p" and "para" in (a.get("class") or "").split():
            self.in_para = a.get("id")
            self.controls[str(self.in_para)] = set()
        elif self.in_para and tag == "a" and a.get("class") == "plink":
            self.controls[self.in_para].add(f"plink {a.get('href')} {a.get('aria-label')}")
        elif self.in_para and tag == "button" and "cite-btn" in (a.get("class") or ""):
            self.controls[self.in_para].add(
                f"cite {a.get('type')} {a.get('data-cite')} {a.get('aria-label')}")
        self._script = tag == "script" and a.get("class") == "cite-data"

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.in_para = None
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.data.append(data)


def parse(path: Path) -> _Ids:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def follow(start: Path, root: Path) -> tuple[Path, str]:
    """Follow meta refreshes from a resolver file to the page and fragment it leads to."""
    path = start
    for _ in range(3):
        m = REFRESH.search(path.read_text(encoding="utf-8"))
        if not m:
            break
        url = urlsplit(m.group(1))
        target = (path.parent / unquote(url.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.is_relative_to(root.resolve()), f"{start} leads out of the site"
        assert target.exists(), f"{start} -> {m.group(1)}: no such file"
        path, fragment = target, url.fragment
        if fragment:
            return path, fragment
    raise AssertionError(f"{start} leads to no paragraph")


def page_of(build: Build, site: Path, n: int, directory_urls: bool) -> Path:
    page = dict(build.page_of)[build.doc.paragraph(n).section]
    if directory_urls:
        return site / cite.page_url(page) / "index.html"
    return site / (page[:-3] + ".html")


def check_resolvers(build: Build, site: Path, directory_urls: bool) -> None:
    for p in build.doc.paragraphs:
        for form in (f"p/{p.number}/index.html", f"p/{p.number}.html"):
            page, fragment = follow(site / form, site)
            assert fragment == p.eid, form
            assert page == page_of(build, site, p.number, directory_urls).resolve(), form
            assert p.eid in parse(page).ids, f"{form}: {page} has no id {p.eid}"


def test_every_paragraph_has_both_resolver_addresses(built: tuple[Build, Paths]) -> None:
    build, paths = built
    assert build.doc.paragraphs
    check_resolvers(build, paths.site, directory_urls=True)


def test_resolver_pages_are_self_contained(built: tuple[Build, Paths]) -> None:
    paths = built[1]
    text = (paths.site / "p/1/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="\w+">', text) and "<title>Paragraph 1 " in text
    assert not re.search(r'(src|href)="(https?:)?//', text)
    assert "<link" not in text and "<script src" not in text


def test_offline_bundle_resolvers(built: tuple[Build, Paths], tmp_path: Path) -> None:
    build, paths = built
    [bundle] = sorted(paths.dist.glob("*-offline.zip"))
    with zipfile.ZipFile(bundle) as z:
        z.extractall(tmp_path)
    [root] = [d for d in tmp_path.iterdir() if d.is_dir()]
    check_resolvers(build, root, directory_urls=False)


def test_every_paragraph_has_its_permalink_and_cite_control(built: tuple[Build, Paths]) -> None:
    build, paths = built
    seen: set[int] = set()
    for p in build.doc.paragraphs:
        html = page_of(build, paths.site, p.number, True)
        parsed = parse(html)
        assert parsed.controls[p.eid] == {
            f"plink #{p.eid} Copy link to paragraph {p.number}",
            f"cite button p{p.number} Cite paragraph {p.number}"}, p.eid
        data: dict[str, dict[str, dict[str, str]]] = {}
        for block in parsed.data:
            data.update(json.loads(block))
        full = cite.formats(build.inputs.meta, cite.paragraph_cited(build, p))
        got = data["items"].get(f"p{p.number}") or cite.expand(
            data["templates"][data["paras"][str(p.number)]], p.number)
        # The page carries CSL-JSON compact; cite.js indents it (the browser test checks).
        assert json.loads(got.pop("csl")) == json.loads(full.pop("csl")), p.eid
        assert got == full, p.eid
        assert cite.permanent_url(build.inputs.meta, p.number) in got["text"]
        seen.add(p.number)
    assert seen == {p.number for p in build.doc.paragraphs}


def test_each_section_page_ends_with_its_citation(built: tuple[Build, Paths]) -> None:
    build, paths = built
    for s in build.doc.sections[1:]:
        page = dict(build.page_of)[s.slug]
        html = (paths.site / cite.page_url(page) / "index.html").read_text(encoding="utf-8")
        line = cite.text(build.inputs.meta, cite.section_cited(build, s))
        assert "Cite this section" in html, page
        assert line.replace("&", "&amp;") in html, page


def test_concordance_and_how_to_cite(built: tuple[Build, Paths]) -> None:
    build, paths = built
    meta = build.inputs.meta
    conc = paths.site / "concordance/index.html"
    parsed = parse(conc)
    text = conc.read_text(encoding="utf-8")
    for p in build.doc.paragraphs:
        assert f'href="../p/{p.number}/"' in text
        page = dict(build.page_of)[p.section]
        assert f'href="../{cite.page_url(page)}#{p.eid}"' in text, p.eid
    assert parsed.ids
    how = (paths.site / "how-to-cite/index.html").read_text(encoding="utf-8")
    assert str(meta["edition_version"]) in how
    assert cite.date_text(None, meta["edition_date"]) in how
    assert "@misc{" in how and "CSL-JSON" in how


@pytest.mark.parametrize("n", [1])
def test_home_page_paragraphs_resolve_to_the_root(built: tuple[Build, Paths], n: int) -> None:
    build, paths = built
    if build.doc.paragraph(n).section != build.doc.sections[0].slug:
        pytest.fail("paragraph 1 is expected on the home page in this edition")
    assert 'url=../../#para_1"' in (paths.site / "p/1/index.html").read_text(encoding="utf-8")
