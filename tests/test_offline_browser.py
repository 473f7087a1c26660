"""A reader with no network unzips the offline bundle, opens index.html from file:// and searches.

The `page` fixture blocks and records every request that is not file:// or loopback; here nothing
is served at all, so any request but file:// fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from search_helpers import in_viewport, paragraph_hits, search, unzip_bundle

from build_tools.model import Build, Paths

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle_root(built: tuple[Build, Paths], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unzip_bundle(built, tmp_path_factory.mktemp("unzipped"))


def _only_file_requests(page: object) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))  # type: ignore[attr-defined]
    return seen


def test_search_from_file_lands_on_the_paragraph(page, bundle_root: Path,
                                                 built: tuple[Build, Paths]) -> None:
    requests = _only_file_requests(page)
    page.goto((bundle_root / "index.html").as_uri())
    assert "Final Document" in page.locator("h1").first.inner_text()
    phrase = "restore its strong presence"
    (target,) = [p.number for p in built[0].doc.paragraphs if phrase in p.text]
    hits = paragraph_hits(search(page, phrase))
    assert hits and hits[0].para == target, hits[:5]
    assert hits[0].href.startswith("file://") and ".html" in hits[0].href
    shown = page.locator(f'a.md-search-result__link[href*="#para_{target}"]').first
    shown.click()
    page.wait_for_url(re.compile(rf"\.html(\?[^#]*)?#para_{target}$"))
    assert in_viewport(page, f"#para_{target}")
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))] == []


def test_an_acronym_and_a_full_name_search_offline(page, bundle_root: Path) -> None:
    page.goto((bundle_root / "index.html").as_uri())
    hits = search(page, "UNHCR")
    assert paragraph_hits(hits), hits
    full = paragraph_hits(search(page, "High Commissioner for Refugees"))
    assert {h.para for h in full} & {h.para for h in paragraph_hits(hits)}


def test_a_resolver_address_leads_to_the_paragraph(page, bundle_root: Path,
                                                   built: tuple[Build, Paths]) -> None:
    build = built[0]
    p = build.doc.paragraphs[len(build.doc.paragraphs) // 2]
    resolver = bundle_root / "p" / f"{p.number}.html"
    assert resolver.is_file(), f"no resolver file {resolver.relative_to(bundle_root)} in the bundle"
    page.goto(resolver.as_uri())
    page.wait_for_url(re.compile(rf"\.html#para_{p.number}$"))
    assert in_viewport(page, f"#para_{p.number}")


def test_navigation_and_tooltips_work_offline(page, bundle_root: Path) -> None:
    page.goto((bundle_root / "index.html").as_uri())
    link = page.locator("nav.md-nav a.md-nav__link[href$='.html']").nth(1)
    href = link.get_attribute("href") or ""
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0].lstrip("./")) + r"(#.*)?$"))
    abbr = page.locator("article abbr[title]").first
    assert abbr.count() == 1 and abbr.get_attribute("title")
    abbr.hover()
    # The acronym's title becomes a tooltip element (build_tools/site/inline/acronyms.js).
    page.locator(".md-tooltip2--active").first.wait_for(timeout=5_000)
