"""In Chromium, the policy refuses markup that is not the build's own, and the tests see it:
whatever an editor's text could slip into a page cannot run."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import material_mounted, watch_csp

from build_tools.site import csp

pytestmark = pytest.mark.browser
INJECTED = {
    "inline script": "<script>document.title='RAN'</script>",
    "event handler": "<img src=nowhere.png onerror=\"document.title='RAN'\">",
    "javascript: URL": "<a id=hostile href=\"javascript:document.title='RAN'\">x</a>",
}


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    ctx = browser.new_context()  # type: ignore[attr-defined]
    yield ctx
    ctx.close()


@pytest.mark.parametrize("kind", list(INJECTED))
def test_markup_not_of_the_build_is_refused_and_reported(context: object, site_url: str,
                                                         kind: str) -> None:
    violations = watch_csp(context)
    page = context.new_page()  # type: ignore[attr-defined]
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))

    def inject(route: object) -> None:
        response = route.fetch()  # type: ignore[attr-defined]
        body = response.text().replace("</article>", INJECTED[kind] + "</article>", 1)
        route.fulfill(response=response, body=body)  # type: ignore[attr-defined]

    page.route(site_url + "iraq/", inject)
    page.goto(site_url + "iraq/")
    material_mounted(page)
    if kind == "javascript: URL":
        page.click("#hostile")
    page.wait_for_timeout(300)
    assert page.title() != "RAN"
    assert violations, console
    assert all("script-src" in v for v in violations), violations
    # The build's own inline scripts ran: Material mounted, nothing of the build was refused.
    assert len(violations) == 1, violations


def test_the_hash_the_build_computes_is_the_one_chromium_asks_for(context: object,
                                                                  site_url: str) -> None:
    page = context.new_page()  # type: ignore[attr-defined]
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    text = "document.title = 'ñ\\u00e9 ' + 1"
    page.route(site_url + "hash-probe.html", lambda route: route.fulfill(
        content_type="text/html; charset=utf-8", body=(
            "<!doctype html><html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" "
            "content=\"script-src 'none'\"></head><body><script>" + text + "</script></body>"
            "</html>")))
    page.goto(site_url + "hash-probe.html")
    page.wait_for_timeout(200)
    asked = re.findall(r"a hash \('(sha256-[^']+)'\)", " ".join(console))
    assert asked == [csp.digest(text).strip("'")], console
