"""A reader hovers an acronym and sees its full name (Material's tooltip), then follows the
acronym's link to its glossary entry, which lists the paragraphs that mention the body."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_hovering_an_acronym_shows_its_full_name(page, site_url: str) -> None:
    page.goto(site_url + "iraq/")
    unhcr = page.locator("#para_29 abbr", has_text="UNHCR").first
    unhcr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "Office of the United Nations High Commissioner for Refugees" in tooltip.inner_text()


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
