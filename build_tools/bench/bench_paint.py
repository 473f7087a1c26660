"""Benchmark figures from a reader's browser: the paints Chromium observes, its CPU slowed 4x."""

from __future__ import annotations

import statistics
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from build_tools.bench.bench_search import CHROMIUM, CHROMIUM_ARGS
from build_tools.bench.loopback import served

# Lighthouse's mobile setting; its simulation estimates paints from a trace, this observes them.
CPU_SLOWDOWN = 4
# The paints, once the page has loaded and a second has passed for the late ones.
PAINTS = """() => new Promise((resolve) => {
  const first = performance.getEntriesByName("first-contentful-paint")[0];
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    resolve([first ? first.startTime : null, entries[entries.length - 1].startTime]);
  }).observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => resolve([first ? first.startTime : null, null]), 3000);
})"""


def paints(browser: Browser, url: str) -> tuple[float, float]:
    """First and largest contentful paint (ms) of one load in a fresh phone-sized context."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                           {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1000)
        first, largest = page.evaluate(PAINTS)
    finally:
        context.close()
    if first is None or largest is None:
        raise RuntimeError(f"{url}: Chromium reported no contentful paint")
    return first, largest


def paint_table(edition_site: Path, plain_site: Path, pages: dict[str, str],
                loads: int = 5, browser: Browser | None = None) -> list[str]:
    """Per page, the medians of the edition's and the untouched site's paints, loads in turn;
    in the given Chromium, or one of its own."""
    if browser is None:
        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return paint_table(edition_site, plain_site, pages, loads, own)
            finally:
                own.close()
    lines = [f"Observed in Chromium, CPU slowed {CPU_SLOWDOWN}x, no network throttling, median "
             f"of {loads} loads taken in turn: first / largest contentful paint (ms); ratios "
             "edition/untouched",
             f"{'page':<26} {'edition':>13} | {'untouched':>13} | ratios"]
    ratios: list[float] = []
    with served(edition_site, as_hosted=True) as ours, \
            served(plain_site, as_hosted=True) as theirs:
        for label, path in pages.items():
            if not (plain_site / path / "index.html").exists():
                continue
            mine: list[tuple[float, float]] = []
            other: list[tuple[float, float]] = []
            for _ in range(loads):
                mine.append(paints(browser, ours + path))
                other.append(paints(browser, theirs + path))
            m, o = _medians(mine), _medians(other)
            ratios.append(m[1] / o[1])
            lines.append(f"{label:<26} {m[0]:>5.0f} / {m[1]:>5.0f} | {o[0]:>5.0f} / "
                         f"{o[1]:>5.0f} | {m[0] / o[0]:.2f} / {m[1] / o[1]:.2f}")
    if ratios:
        lines.append(f"largest paint, edition/untouched, median over the pages: "
                     f"{statistics.median(ratios):.2f}")
    return lines


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
