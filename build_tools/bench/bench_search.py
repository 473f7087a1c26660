"""Benchmark (not a test): time from typing a query to the first search result, online and
offline, and the search index's size against the text's.

    .venv/bin/python -m build_tools.bench.bench_search [--out DIR] [--rounds N]

Builds into DIR (a temporary folder by default) unless DIR already holds site/ and dist/. Online,
the site is served on 127.0.0.1; offline, the zip is unzipped and opened from file://. Queries are
taken from the built edition (acronyms, full names, phrases of paragraphs), so any document works.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    return (f"{name:8} median {statistics.median(samples):6.1f} ms   min {min(samples):6.1f}   "
            f"max {max(samples):6.1f}   ({len(samples)} queries)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_search", description=__doc__)
    parser.add_argument("--out", help="a built out folder (site/, dist/); default: build afresh")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out or tmp).resolve()
        ns = argparse.Namespace(content=cli.PROJECT / "content", annexes=cli.PROJECT / "annexes",
                                out=out, mkdocs=cli.PROJECT / "mkdocs.yml")
        paths = cli.paths_from(ns)
        if paths.site.is_dir() and paths.dist.is_dir():
            build = pipeline.generate(paths)
        else:
            build = pipeline.build_all(paths)
        qs = queries(build)
        unzipped = Path(tmp) / "unzipped"
        with zipfile.ZipFile(offline.zip_path(build, paths.dist)) as zf:
            zf.extractall(unzipped)
        home = unzipped / offline.bundle_name(build) / "index.html"
        url, server = serve_dir(paths.site)
        try:
            with browser_page() as (page, external):
                online = time_queries(page, url, qs, args.rounds)
                offline_ms = time_queries(page, home.as_uri(), qs, args.rounds)
        finally:
            server.shutdown()
        print("queries:", "; ".join(qs))
        print("time from typing to the first result:")
        print(" ", report("online", online))
        print(" ", report("offline", offline_ms))
        size = sizes(build, paths)
        text = size["paragraph text"]
        print("sizes (bytes):")
        for name, value in size.items():
            print(f"  {name:26} {value:9,}   {value / text:5.2f} x paragraph text")
        if external:
            print("external requests (blocked):", external)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
