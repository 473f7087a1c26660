"""Phone and print: at 375 px wide and in print emulation nothing is cut off or pushed past the
right edge. Screenshots are kept (EDITION_SHOTS=folder keeps them there) for a person to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import checked_page, material_mounted

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
PAPER = {"width": 794, "height": 1123}  # A4 at 96 dpi, as the print engine lays it out

# Elements of the main content that stick out of the viewport. A box inside a scroll container
# (Material wraps wide tables in one) is only reachable on screen, so in print it counts too.
OFFENDERS = """(print) => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === "auto" || o === "scroll") && p.scrollWidth > p.clientWidth) return true; }
    return false; };
  const out = [];
  for (const el of document.querySelectorAll(".md-content *, .md-header *")) {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (!r.width || !r.height || s.visibility === "hidden" || s.display === "none") continue;
    if (el.closest(".md-search, .md-sidebar, [hidden]")) continue;
    if (r.right > width + 1 || r.left < -1) {
      if (!print && scrolls(el)) continue;
      out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..` +
               `${Math.round(r.right)} of ${width}`);
    }
  }
  return out.slice(0, 20);
}"""


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("EDITION_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pages_to_check(site_dir: Path) -> dict[str, str]:
    """The home page and the first section page (numbered paragraphs, not the home page)."""
    for p in sorted(site_dir.rglob("index.html")):
        rel = p.relative_to(site_dir).as_posix()
        if rel != "index.html" and 'class="para"' in p.read_text(encoding="utf-8"):
            return {"home": "", "section": rel.removesuffix("index.html")}
    raise AssertionError("no section page with numbered paragraphs")


def check(page: object, url: str, shot: Path, print_: bool) -> list[str]:
    page.goto(url)  # type: ignore[attr-defined]
    material_mounted(page)
    page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
    scroll = page.evaluate(  # type: ignore[attr-defined]
        "[document.scrollingElement.scrollWidth, document.documentElement.clientWidth]")
    problems = []
    if scroll[0] > scroll[1]:
        problems.append(f"page scrolls sideways: {scroll[0]} > {scroll[1]}")
    return problems + page.evaluate(OFFENDERS, print_)  # type: ignore[attr-defined]


def test_phone_width_cuts_nothing_off(page: object, site_url: str, site_dir: Path,
                                      tmp_path: Path) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[attr-defined]
    folder = _shots(tmp_path)
    problems = []
    for name, rel in pages_to_check(site_dir).items():
        shot = folder / f"phone-{name}.png"
        problems += [f"{name}: {p}" for p in check(page, site_url + rel, shot, False)]
        assert shot.stat().st_size > 10_000
    assert problems == [], "\n".join(problems)


def test_print_cuts_nothing_off(page: object, site_url: str, site_dir: Path,
                                tmp_path: Path) -> None:
    page.set_viewport_size(PAPER)  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    folder = _shots(tmp_path)
    problems = []
    for name, rel in pages_to_check(site_dir).items():
        shot = folder / f"print-{name}.png"
        problems += [f"{name}: {p}" for p in check(page, site_url + rel, shot, True)]
        hidden = page.evaluate(  # type: ignore[attr-defined]
            "getComputedStyle(document.querySelector('.md-header')).display")
        assert hidden == "none", "print shows the site's header"
    assert problems == [], "\n".join(problems)


# Layout shifts of the page so far, with what moved (a shift after input would not count, and
# there is none here).
SHIFTS = """() => new Promise(done => {
  const out = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => out.push(
      `${e.value.toFixed(4)}: ${e.sources.map(s => s.node && s.node.nodeName).join(" ")}`)))
    .observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done(out)));
})"""


@pytest.fixture
def touch_phone(browser: object) -> Iterator[object]:
    """A phone: 375 px, touch, no hover; external requests fail the test."""
    yield from checked_page(browser, viewport=PHONE, has_touch=True, is_mobile=True,
                            device_scale_factor=2)


def test_a_touch_screen_shows_permalink_and_cite(touch_phone: object, site_url: str,
                                                 site_dir: Path) -> None:
    """Without hover the ¶ link and the cite button are always shown (edition.css)."""
    page = touch_phone
    page.goto(site_url + pages_to_check(site_dir)["section"])  # type: ignore[attr-defined]
    assert page.evaluate("matchMedia('(hover: none)').matches")  # type: ignore[attr-defined]
    para = page.locator("p.para:not(:target)").nth(1)  # type: ignore[attr-defined]
    para.locator("button.cite-btn:not([hidden])").wait_for()
    for mark in ("a.plink", "button.cite-btn"):
        look = para.locator(mark).evaluate(
            "e => [getComputedStyle(e).opacity, getComputedStyle(e).visibility]")
        assert look == ["1", "visible"], (mark, look)


def test_showing_the_cite_buttons_moves_no_text(touch_phone: object, site_url: str,
                                                site_dir: Path) -> None:
    """The script shows the cite buttons in the places kept for them: nothing shifts. Whether
    a button would need a line of its own depends on the width: two phones' widths are tried."""
    page = touch_phone
    for width in (PHONE["width"], 412):  # 412: the phone Lighthouse emulates
        page.set_viewport_size({**PHONE, "width": width})  # type: ignore[attr-defined]
        for name, rel in pages_to_check(site_dir).items():
            page.goto(site_url + rel)  # type: ignore[attr-defined]
            page.locator("button.cite-btn:not([hidden])").first.wait_for()  # type: ignore[attr-defined]
            assert page.evaluate(SHIFTS) == [], (width, name)  # type: ignore[attr-defined]
