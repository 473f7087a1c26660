"""The site's print page, printed by a real browser: the document and its numbers, no furniture."""

from __future__ import annotations

import pytest

from build_tools.model import Build, Paths

pytestmark = pytest.mark.browser


def test_print_page_in_print_media_hides_the_site_and_keeps_the_numbers(
        page, site_url: str, built: tuple[Build, Paths], tmp_path) -> None:
    doc = built[0].doc
    page.goto(site_url + "print/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        loc = page.locator(selector).first
        assert loc.count() == 0 or not loc.is_visible(), selector
    last = doc.paragraphs[-1]
    for p in (doc.paragraphs[0], last):
        num = page.locator(f"#print-{p.eid} .pnum")
        assert num.is_visible()
        assert num.inner_text() == str(p.number)
    assert page.locator("h2, h3, h4").count() >= len(doc.sections) - 1
    assert page.locator(".footnote li").count() >= len(built[0].inputs.corrections)
    page.screenshot(path=str(tmp_path / "print.png"), full_page=True)
    page.pdf(path=str(tmp_path / "print.pdf"))  # the browser's own print of the page works
    assert (tmp_path / "print.pdf").stat().st_size > 10_000


def test_download_page_links_open(page, site_url: str) -> None:
    page.goto(site_url + "downloads/")
    links = page.locator("table a")
    assert links.count() >= 8
    for href in links.evaluate_all("els => els.map(e => e.href)"):
        response = page.request.get(href)
        assert response.ok, href
