"""Driving Material's search box in a real browser, for the search and offline tests."""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from build_tools.model import Build, Paths
from build_tools.site import offline

SEARCH_INPUT = "input[data-md-component=search-query]"
RESULT_LINKS = ".md-search-result__list a.md-search-result__link"


@dataclass(frozen=True)
class Hit:
    href: str
    title: str

    @property
    def para(self) -> int | None:
        m = re.search(r"#para_(\d+)$", self.href)
        return int(m.group(1)) if m else None


SNAPSHOT = """els => els.map(a => [a.href,
    ((a.querySelector("h1, h2") || {}).textContent || "").trim()])"""


def _snapshot(page: object) -> list[list[str]]:
    return page.eval_on_selector_all(RESULT_LINKS, SNAPSHOT)  # type: ignore[attr-defined, no-any-return]


def search(page: object, query: str, settle_ms: int = 300) -> list[Hit]:
    """Type query into the search box as a reader does; return every result link, in order,
    once the list has stopped changing (each keystroke is a query of its own)."""
    box = page.locator(SEARCH_INPUT)  # type: ignore[attr-defined]
    box.click()
    box.fill("")
    box.press_sequentially(query)
    page.locator(RESULT_LINKS).first.wait_for(state="attached", timeout=10_000)  # type: ignore[attr-defined]
    last, stable_since = _snapshot(page), time.monotonic()
    deadline = time.monotonic() + 10
    while time.monotonic() - stable_since < settle_ms / 1000 and time.monotonic() < deadline:
        page.wait_for_timeout(50)  # type: ignore[attr-defined]
        now = _snapshot(page)
        if now != last:
            last, stable_since = now, time.monotonic()
    return [Hit(href, title) for href, title in last]


# Every result link with Material's score for it (what Enter compares), once every result is
# rendered (Material renders ten, then more as the list scrolls).
SCORED = """els => els.map(a => [a.href,
    parseFloat(a.querySelector("article").getAttribute("data-md-score"))])"""
SCROLL = """() => { const box = document.querySelector(".md-search__scrollwrap");
    box.scrollTop = box.scrollHeight; return document.querySelectorAll(
    ".md-search-result__item").length; }"""


def scored(page: object, query: str) -> list[tuple[str, float]]:
    """Type query as a reader does; every result (href, score), in the order shown."""
    search(page, query)
    count, stable = -1, 0
    while stable < 3:  # scroll until no more results are rendered
        now = page.evaluate(SCROLL)  # type: ignore[attr-defined]
        stable = stable + 1 if now == count else 0
        count = now
        page.wait_for_timeout(50)  # type: ignore[attr-defined]
    found: list[tuple[str, float]] = page.eval_on_selector_all(  # type: ignore[attr-defined]
        RESULT_LINKS, SCORED)
    return found


def paragraph_hits(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.para is not None]


def in_viewport(page: object, selector: str) -> bool:
    box = page.locator(selector).bounding_box()  # type: ignore[attr-defined]
    height = page.viewport_size["height"]  # type: ignore[attr-defined]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0


def unzip_bundle(built: tuple[Build, Paths], target: Path) -> Path:
    """Unzip the built offline bundle into target; return the folder that holds index.html."""
    build, paths = built
    bundle = offline.zip_path(build, paths.dist)
    if target.exists():
        shutil.rmtree(target)
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(target)
    return target / offline.bundle_name(build)
