"""Reading and sharing (issue 20) as readers do it in Chromium: the one-tap paragraph link and what
it copies or shares, a linked acronym's first tap, the home page's first screen on a phone, the
calm text and its "link every mention", no dead ends (404, a missing paragraph), tooltips."""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import checked_page, material_mounted

from build_tools.bench.loopback import serve_dir
from build_tools.model import Build, Paths
from build_tools.pages.cite import page_url

pytestmark = pytest.mark.browser

# Records what the page copies or shares instead of touching the machine's clipboard.
RECORD = """
window.__copied = [];
window.__shared = [];
Object.defineProperty(navigator, "clipboard", {value: {
  writeText: (text) => { window.__copied.push(text); return Promise.resolve(); }}});
"""
SHARE = """
navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
"""


def permanent(built: tuple[Build, Paths], n: int) -> str:
    url = str(built[0].inputs.meta["edition_site_url"])
    return url.rstrip("/") + f"/p/{n}/"


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    yield from checked_page(browser, viewport={"width": 375, "height": 667}, has_touch=True,
                            is_mobile=True)


def test_the_link_control_copies_the_permanent_address_without_the_search_words(
        page, site_url: str, built: tuple[Build, Paths]) -> None:
    page.add_init_script(RECORD)
    page.goto(site_url + "sudan/?h=darfur#para_36")
    material_mounted(page)
    control = page.locator("#para_36 a.plink")
    assert control.get_attribute("aria-label") == "Copy link to paragraph 36"
    control.click()
    page.locator(".cite-toast.md-dialog--active").wait_for(timeout=5000)
    assert page.locator(".cite-toast").inner_text().strip() == "Link to paragraph 36 copied"
    assert page.evaluate("window.__copied") == [permanent(built, 36)]
    assert "?h=" not in page.evaluate("window.__copied[0]")
    assert page.url.endswith("sudan/?h=darfur#para_36")  # the click did not navigate


def test_on_a_phone_the_link_control_is_44_px_and_opens_the_share_sheet(
        phone, site_url: str, built: tuple[Build, Paths]) -> None:
    phone.add_init_script(RECORD + SHARE)
    phone.goto(site_url + "sudan/")
    material_mounted(phone)
    control = phone.locator("#para_34 a.plink")
    control.scroll_into_view_if_needed()
    box = control.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44, box
    # The larger target does not push the lines of the paragraph apart.
    lines = phone.evaluate("""() => { const p = document.querySelector('#para_35');
        return parseFloat(getComputedStyle(p).lineHeight); }""")
    rects = phone.evaluate("""() => { const r = document.createRange();
        r.selectNodeContents(document.querySelector('#para_34'));
        return [...r.getClientRects()].map(x => Math.round(x.top)); }""")
    tops = sorted(set(rects))
    gaps = [b - a for a, b in itertools.pairwise(tops) if b - a > 4]
    assert gaps and max(gaps) <= lines * 1.2, (gaps, lines)
    control.tap()
    phone.wait_for_function("window.__shared.length > 0", timeout=5000)
    shared = phone.evaluate("window.__shared[0]")
    assert shared["url"] == permanent(built, 34)
    assert phone.evaluate("window.__copied") == []


def test_offline_the_link_control_copies_the_bundles_address(
        browser: object, built: tuple[Build, Paths], tmp_path: Path) -> None:
    bundle = sorted(built[1].dist.glob("*-offline.zip"))[0]
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(tmp_path)
    index = sorted(tmp_path.rglob("index.html"), key=lambda p: len(p.parts))[0]
    for page in checked_page(browser, viewport={"width": 1280, "height": 900}):
        page.add_init_script(RECORD)
        page.goto((index.parent / "sudan.html").as_uri() + "?h=darfur")
        material_mounted(page)
        page.locator("#para_36 a.plink").click()
        page.wait_for_function("window.__copied.length > 0", timeout=5000)
        copied = page.evaluate("window.__copied[0]")
        assert copied == (index.parent / "p" / "36.html").as_uri()
        page.goto(copied)
        page.wait_for_url(re.compile(r"sudan\.html#para_36$"))


def test_first_tap_on_a_linked_acronym_shows_its_name_and_second_tap_follows(
        phone, site_url: str) -> None:
    phone.goto(site_url + "iraq/")
    material_mounted(phone)
    link = phone.locator("#para_29 a", has_text="UNHCR").first
    full = link.locator("abbr").get_attribute("title")
    link.scroll_into_view_if_needed()
    link.tap()
    tip = phone.locator(".md-tooltip2--active")
    tip.wait_for(state="visible", timeout=5000)
    assert full and full in tip.inner_text()
    entry = tip.locator("a")
    assert entry.inner_text() == "Index entry"
    assert entry.get_attribute("href") == link.get_attribute("href")
    phone.wait_for_timeout(300)
    assert phone.url.endswith("/iraq/")  # still on the page
    link.tap()
    phone.wait_for_url("**/indexes/bodies/#body-unhcr", timeout=5000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tooltip_is_readable_in_both_schemes(page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "iraq/")
    page.locator("#para_29 abbr", has_text="UNHCR").first.hover()
    inner = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    inner.wait_for(state="visible", timeout=5000)
    style = inner.evaluate("""e => { const s = getComputedStyle(e);
        return [s.fontSize, s.color, s.backgroundColor]; }""")
    assert float(style[0].removesuffix("px")) >= 12, style
    assert contrast(rgb(style[1]), rgb(style[2])) >= 4.5, style


def rgb(css: str) -> tuple[float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)[:4]]
    assert len(parts) == 3 or parts[3] == 1, f"{css}: not opaque"
    return parts[0], parts[1], parts[2]


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def lum(c: tuple[float, ...]) -> float:
        ch = [v / 255 for v in c]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_home_page_says_where_to_start_in_the_first_screen(phone, site_url: str) -> None:
    phone.goto(site_url)
    material_mounted(phone)
    orient = phone.locator(".orient")
    box = orient.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 667, box
    links = orient.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links == ["#para_1", "#contents", "how-to-cite/", "edition/", "downloads/#offline"]
    # ... above the text, which follows it.
    first = phone.locator("#para_1").bounding_box()
    assert first and first["y"] > box["y"] + box["height"]


def test_headings_keep_their_case_in_the_text_and_show_title_case_in_the_navigation(
        page, site_url: str, built: tuple[Build, Paths]) -> None:
    caps = [s for s in built[0].doc.sections if s.level > 0 and s.title.isupper()]
    assert caps, "no heading in capitals to test with"
    section = caps[0]
    page.goto(site_url + page_url(built[0].page(section.slug)))
    material_mounted(page)
    assert page.locator("article h1").inner_text().strip().rstrip("\u00b6") == section.title
    header = page.locator(".md-header__topic").last.inner_text().strip()
    assert header != section.title and header.lower() == section.title.lower()
    assert section.title not in page.locator(".md-nav--primary").inner_text()


def test_a_later_mention_links_on_demand_and_the_choice_is_remembered(
        page, site_url: str) -> None:
    page.goto(site_url + "sudan/")
    material_mounted(page)
    later = page.locator("p.para span[data-m]")
    assert later.count() > 0
    assert page.locator("p.para span[data-m] a").count() == 0
    button = page.locator(".deals-with button.ed-links")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert page.locator("p.para span[data-m] a").count() == later.count()
    page.reload()
    material_mounted(page)
    assert page.locator(".deals-with button.ed-links").get_attribute("aria-pressed") == "true"
    assert page.locator("p.para span[data-m] a").count() == later.count()
    page.locator(".deals-with button.ed-links").click()
    assert page.locator("p.para span[data-m] a").count() == 0


def test_an_address_to_a_missing_paragraph_says_so(page, site_url: str) -> None:
    page.goto(site_url + "sudan/#para_99")
    material_mounted(page)
    note = page.locator("#ed-missing")
    note.wait_for(timeout=5000)
    assert "no paragraph 99" in note.inner_text()
    assert note.locator("a").get_attribute("href").rstrip("/").endswith("concordance")


@pytest.fixture(scope="module")
def rooted(built: tuple[Build, Paths], tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[str]:
    """The site under the path of its public URL, as deployed (the 404 page's links are rooted
    there)."""
    base = urlsplit(str(built[0].inputs.meta["edition_site_url"])).path.strip("/")
    root = tmp_path_factory.mktemp("rooted")
    if base:
        (root / base).parent.mkdir(parents=True, exist_ok=True)
        (root / base).symlink_to(built[1].site, target_is_directory=True)
    url, server = serve_dir(root if base else built[1].site)
    yield url + (base + "/" if base else "")
    server.shutdown()


def test_the_404_page_says_what_the_edition_holds_and_names_a_missing_paragraph(
        page, rooted: str, built: tuple[Build, Paths]) -> None:
    body = (built[1].site / "404.html").read_text(encoding="utf-8")
    # What a static host does for an address it does not have: its 404 page, status 404.
    page.route("**/p/99/", lambda route: route.fulfill(status=404, body=body,
                                                          content_type="text/html"))
    page.goto(rooted + "p/99/")
    text = page.locator("article").inner_text()
    total = len(built[0].doc.paragraphs)
    assert f"There is no paragraph 99: the document's paragraphs are numbered 1 to {total}" in text
    hrefs = page.locator("article a").evaluate_all("as => as.map(a => a.href)")
    for want in ("concordance/", "indexes/", "how-to-cite/", "downloads/", "edition/"):
        assert any(h.endswith(want) for h in hrefs), (want, hrefs)
    for href in hrefs:
        assert page.request.get(href).status == 200, href
    page.goto(rooted + "404.html")
    assert "Nothing is published at this address" in page.locator("article").inner_text()
