"""A reader's browser paints the page before Material's script runs, and Material still mounts,
once (build_tools/site/inline/after-paint.js)."""

from __future__ import annotations

import pytest
from conftest import material_mounted

pytestmark = pytest.mark.browser

# Registered before any of the page's own scripts, so it runs before the page's after-paint
# callback in the same frame.
FRAME = ("window.edFrameAt = null; requestAnimationFrame(function () {"
         " setTimeout(function () { window.edFrameAt = performance.now(); }); });")


def test_materials_bundle_is_requested_after_the_first_frame(page, site_url: str) -> None:
    page.add_init_script(FRAME)
    searches: list[str] = []
    page.on("request", lambda r: searches.append(r.url) if "search_index" in r.url else None)
    page.goto(site_url + "iraq/")
    material_mounted(page)
    frame_at = page.evaluate("window.edFrameAt")
    bundle = page.evaluate("performance.getEntriesByType('resource')"
                           ".filter(e => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(e.name))"
                           ".map(e => e.startTime)")
    assert frame_at is not None and len(bundle) == 1
    assert bundle[0] >= frame_at, (bundle, frame_at)
    # Material mounted: its search answers; and mounted once: one search index fetched.
    page.keyboard.press("/")
    page.keyboard.type("refugees")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    page.wait_for_timeout(500)
    assert len(searches) == 1, searches
    assert page.locator("script[data-after-paint]").count() == 0
