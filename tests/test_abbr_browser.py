"""A reader hovers, taps or tabs to an acronym and sees its full name (a tooltip in Material's
style, build_tools/site/inline/acronyms.js), then follows the acronym's link to its glossary entry,
which lists the paragraphs that mention the body."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import checked_page, material_mounted

pytestmark = pytest.mark.browser
UNHCR = "Office of the United Nations High Commissioner for Refugees"


def test_hovering_an_acronym_shows_its_full_name(page, site_url: str) -> None:
    page.goto(site_url + "iraq/")
    # Nothing is mounted as the page loads; every acronym keeps its title until pointed at.
    # Counted once Material has mounted (before, no tooltip could be there in any case).
    material_mounted(page)
    assert page.locator(".md-tooltip2").count() == 0
    assert page.locator("article abbr:not([title])").count() == 0
    unhcr = page.locator("#para_29 abbr", has_text="UNHCR").first
    unhcr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert UNHCR in tooltip.inner_text()
    # One tooltip, which describes the acronym; no browser tooltip over it meanwhile.
    assert page.locator(".md-tooltip2").count() == 1
    assert unhcr.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    assert not unhcr.get_attribute("title")
    # Below the acronym, not elsewhere on the page.
    host, tip = unhcr.bounding_box(), tooltip.bounding_box()
    assert host and tip and 0 <= tip["y"] - (host["y"] + host["height"]) < 30
    assert tip["x"] < host["x"] + host["width"] and tip["x"] + tip["width"] > host["x"]
    page.mouse.move(5, 5)
    tooltip.wait_for(state="detached", timeout=5000)
    assert unhcr.get_attribute("title") == UNHCR
    assert unhcr.get_attribute("aria-describedby") is None


@pytest.fixture
def touch_phone(browser: object) -> Iterator[object]:
    yield from checked_page(browser, viewport={"width": 375, "height": 740}, has_touch=True,
                            is_mobile=True)


def test_tapping_an_acronym_on_a_phone_shows_its_full_name(touch_phone, site_url: str) -> None:
    page = touch_phone
    page.goto(site_url + "iraq/")
    abbr = page.locator("p.para abbr:not(a abbr)").first
    full_name = abbr.get_attribute("title")
    assert full_name
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().strip() == full_name
    box = tooltip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_tabbing_to_an_acronyms_link_shows_its_full_name(page, site_url: str) -> None:
    page.goto(site_url + "iraq/")
    link = page.locator("#para_29 a", has_text="UNHCR").first
    link.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert UNHCR in tooltip.inner_text()
    page.keyboard.press("Escape")
    tooltip.wait_for(state="detached", timeout=5000)
    assert link.locator("abbr").get_attribute("title") == UNHCR


def test_the_other_dpa_shows_its_own_name(page, site_url: str) -> None:
    page.goto(site_url + "sudan/")
    page.locator("#para_36 abbr", has_text="DPA").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "Darfur Peace Agreement" in tooltip.inner_text()


def test_acronym_links_to_its_glossary_entry(page, site_url: str) -> None:
    page.goto(site_url + "iraq/")
    page.locator("#para_29 a", has_text="UNHCR").first.click()
    page.wait_for_url("**/indexes/bodies/#body-unhcr")
    entry = page.locator("#body-unhcr")
    assert entry.is_visible()
    assert "UNHCR" in entry.inner_text()
    assert page.locator('a[href$="iraq/#para_29"]').count() >= 1
