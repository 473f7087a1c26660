"""Phone and print: at 375 px wide and in print emulation nothing is cut off or pushed past the
right edge. Screenshots are kept (EDITION_SHOTS=folder keeps them there) for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
