"""A reader opens the home page in a real browser and follows a paragraph address."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_page_opens_and_paragraph_is_addressable(page, site_url: str) -> None:
    page.goto(site_url)
    assert "Final Document" in page.locator("h1").first.inner_text()
    page.goto(site_url + "iraq/#para_27")
    para = page.locator("#para_27")
    assert para.is_visible()
    assert para.inner_text().startswith("27")
