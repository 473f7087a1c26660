"""Benchmark (not a test): time from typing a query to the first search result, online and
offline, the time each keystroke takes to show its results, when the search index is ready, and
the search index's size against the text's.

    .venv/bin/python -m build_tools.bench.bench_search [--out DIR] [--rounds N] [--scale N]

Builds into DIR (a temporary folder by default) unless DIR already holds site/ and dist/. With
`--scale N` the document is the text repeated N times (bench.synthetic: every section N times,
so the paragraphs and the index are N times as many) and built whole, site and offline bundle.
Online, the site is served on 127.0.0.1; offline, the zip is unzipped and opened from file://.
Queries are taken from the built edition (acronyms, full names, phrases of paragraphs), so any
document works. `run()` is the same as a function, for other benchmarks.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import statistics
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from build_tools import cli, pipeline
from build_tools.bench.loopback import serve_dir
from build_tools.model import Build, Paths
from build_tools.site import offline

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL = ("file://", "http://127.0.0.1", "data:", "blob:", "about:")

# Set the query as typed, fire the keyup Material listens to, and resolve when the first result
# is in the list (a MutationObserver: no polling delay in the figure).
TIME_QUERY = """async (query) => {
  const input = document.querySelector("input[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  return await new Promise((resolve) => {
    let start = 0;
    const seen = new MutationObserver(() => {
      if (list.querySelector(".md-search-result__item")) {
        seen.disconnect();
        resolve(performance.now() - start);
      }
    });
    seen.observe(list, {childList: true});
    setTimeout(() => { seen.disconnect(); resolve(-1); }, 5000);  // no result: not timed
    input.value = query;
    start = performance.now();
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: query.slice(-1)}));
  });
}"""


# The search worker, as Material starts it, reports when its index is loaded (message type 1,
# READY): record when, whatever Worker is (the iframe-worker shim replaces it on file://).
READY_PROBE = """(() => {
  window.__searchReady = null;
  const wrap = (W) => class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => {
        if (ev.data && ev.data.type === 1 && window.__searchReady === null)
          window.__searchReady = performance.now();
      });
    }
  };
  let current = wrap(window.Worker);
  Object.defineProperty(window, "Worker", {configurable: true,
    get: () => current, set: (W) => { current = wrap(W); }});
})();"""

# ms from the page's load event (online) or the search box's opening (offline: Material starts
# the worker only then) to the index being ready.
READY_AFTER = """(opened) => new Promise((resolve) => {
  const start = opened ?? performance.getEntriesByType("navigation")[0].loadEventEnd;
  const check = () => window.__searchReady === null ? setTimeout(check, 5)
                                                    : resolve(window.__searchReady - start);
  check();
})"""


def queries(build: Build, count: int = 12) -> list[str]:
    """Acronyms, full names and four-word phrases from the edition itself."""
    with_abbr = [e for e in build.inputs.entries if e.abbr]
    acronyms = [e.abbr[0] for e in with_abbr][: count // 3]
    names = [e.name for e in with_abbr][: count // 3]
    paras = build.doc.paragraphs
    step = max(1, len(paras) // (count - len(acronyms) - len(names)))
    phrases = [" ".join(p.text.split()[2:6]) for p in paras[::step]]
    return [q for q in acronyms + names + phrases if q][:count]


@contextmanager
def browser_page() -> Iterator[tuple[Page, list[str]]]:
    """A Chromium page that blocks (and lists) every request off this machine."""
    external: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})

        def check(route: object) -> None:
            url = route.request.url  # type: ignore[attr-defined]
            if url.startswith(LOCAL):
                route.continue_()  # type: ignore[attr-defined]
            else:
                external.append(url)
                route.abort()  # type: ignore[attr-defined]

        context.route("**/*", check)
        yield context.new_page(), external
        browser.close()


def ready_ms(page: Page, url: str) -> float:
    """Load the page, open search, and return how long after load (online) or after opening
    (offline) the search index was ready."""
    page.goto(url, wait_until="load")
    opened = None
    if url.startswith("file:"):
        page.wait_for_function("() => window.document$ !== undefined")
        opened = page.evaluate("performance.now()")
    page.locator("input[data-md-component=search-query]").click()
    return float(page.evaluate(READY_AFTER, opened))


def keystrokes(page: Page, qs: list[str]) -> list[float]:
    """Each query typed a key at a time (from its second character): ms from each keystroke to
    its results in the list."""
    samples = []
    for q in qs:
        for end in range(2, len(q) + 1):
            ms = float(page.evaluate(TIME_QUERY, q[:end]))
            if ms >= 0:
                samples.append(ms)
    return samples


def time_queries(page: Page, url: str, qs: list[str], rounds: int) -> list[float]:
    page.goto(url)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press_sequentially(qs[-1])  # warm up (the worker loads the index on first use)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    samples = []
    for _ in range(rounds):
        for q in qs:
            ms = float(page.evaluate(TIME_QUERY, q))
            if ms < 0:
                print(f"  no result for {q!r}")
            else:
                samples.append(ms)
    return samples


def sizes(build: Build, paths: Paths) -> dict[str, int]:
    text = sum(len(p.text.encode("utf-8")) for p in build.doc.paragraphs)
    online = (paths.site / "search" / "search_index.json").read_bytes()
    with zipfile.ZipFile(offline.zip_path(build, paths.dist)) as zf:
        embedded = zf.read(f"{offline.bundle_name(build)}/search/search_index.js")
    docs = json.loads(online)["docs"]
    para_entries = sum(len(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode())
                       for d in docs if "#para_" in d["location"])
    return {"paragraph text": text, "source file": len(build.inputs.source_text.encode("utf-8")),
            "search_index.json": len(online), "  of which paragraph entries": para_entries,
            "search_index.json gzip -9": len(gzip.compress(online, 9, mtime=0)),
            "offline search_index.js": len(embedded)}


def report(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return (f"{name:8} median {statistics.median(samples):6.1f} ms   p90 {p90:6.1f}   "
            f"min {min(samples):6.1f}   max {max(samples):6.1f}   ({len(samples)} samples)")


def _scaled_inputs(paths: Paths, times: int) -> Any:
    from build_tools.bench import bench
    from build_tools.source import load

    # The copies reach no index entry: the checks' per-paragraph warnings are expected here.
    logging.getLogger("build_tools").setLevel(logging.ERROR)
    return bench.synthetic(load.load_inputs(paths.content, paths.annexes), times)


def build_scaled(paths: Paths, times: int, site_too: bool = True) -> Build:
    """The document repeated `times` times: its model, and (site_too) its site and offline
    bundle built into paths."""
    from unittest import mock

    from build_tools.source import load

    inputs = _scaled_inputs(paths, times)
    if site_too:
        with mock.patch.object(load, "load_inputs", lambda content, annexes: inputs):
            return pipeline.build_all(paths)
    build = Build(inputs=inputs)
    for _, stage in pipeline.STAGES:
        build = stage(build)
    return build


def run(out: Path, rounds: int = 3, scale: int = 1) -> dict[str, Any]:
    """Build into out (unless it holds a build of this scale), then time search online and
    offline; return the figures (ms samples and byte sizes)."""
    ns = argparse.Namespace(content=cli.PROJECT / "content", annexes=cli.PROJECT / "annexes",
                            out=out, mkdocs=cli.PROJECT / "mkdocs.yml")
    paths = cli.paths_from(ns)
    stamp = paths.generated / "bench-search-scale"  # the scale of the build out holds
    built = int(stamp.read_text()) if stamp.exists() else 1
    reuse = paths.site.is_dir() and paths.dist.is_dir() and built == scale
    if scale == 1:
        build = pipeline.generate(paths) if reuse else pipeline.build_all(paths)
    else:
        build = build_scaled(paths, scale, site_too=not reuse)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(str(scale))
    qs = queries(build)
    figures: dict[str, Any] = {"scale": scale, "paragraphs": len(build.doc.paragraphs),
                               "queries": qs}
    with tempfile.TemporaryDirectory() as tmp:
        unzipped = Path(tmp) / "unzipped"
        with zipfile.ZipFile(offline.zip_path(build, paths.dist)) as zf:
            zf.extractall(unzipped)
        home = unzipped / offline.bundle_name(build) / "index.html"
        url, server = serve_dir(paths.site)
        try:
            with browser_page() as (page, external):
                page.context.add_init_script(READY_PROBE)
                for name, where in (("online", url), ("offline", home.as_uri())):
                    figures[f"ready {name}"] = [ready_ms(page, where) for _ in range(rounds)]
                    figures[f"first result {name}"] = time_queries(page, where, qs, rounds)
                    figures[f"keystroke {name}"] = keystrokes(page, qs)
                figures["external"] = list(external)
        finally:
            server.shutdown()
    figures["sizes"] = sizes(build, paths)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_search", description=__doc__)
    parser.add_argument("--out", help="a built out folder (site/, dist/); default: build afresh")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1,
                        help="the document repeated N times (default 1: the document)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        figures = run(Path(args.out or tmp).resolve(), args.rounds, args.scale)
    print(f"scale {figures['scale']}x: {figures['paragraphs']} paragraphs")
    print("queries:", "; ".join(figures["queries"]))
    for kind in ("ready", "first result", "keystroke"):
        print({"ready": "index ready (after load online, after opening search offline):",
               "first result": "time from typing a query to the first result:",
               "keystroke": "time from each keystroke to its results:"}[kind])
        for name in ("online", "offline"):
            print(" ", report(name, figures[f"{kind} {name}"]))
    size = figures["sizes"]
    text = size["paragraph text"]
    print("sizes (bytes):")
    for name, value in size.items():
        print(f"  {name:26} {value:9,}   {value / text:5.2f} x paragraph text")
    if figures["external"]:
        print("external requests (blocked):", figures["external"])
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
