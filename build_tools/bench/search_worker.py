"""The site's search worker, driven from a page of the built site: the query pipeline readers
get (same worker script, index, tokenizer and lunr pipeline), minus the typing, for whole-text
recall checks and index timings."""

from __future__ import annotations

from typing import Any

# Load the site's search index the way Material does (fetched online; offline, the bundle's
# search/search_index.js defines __index), start a fresh copy of the site's worker (offline, the
# iframe-worker shim stands in for Worker), and resolve with the worker's ready time in ms.
START = """async () => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const started = performance.now();
  if (typeof window.__index === "undefined") {
    if (location.protocol === "file:") {
      await new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("search/search_index.js", base).href;
        script.onload = resolve; script.onerror = reject;
        document.head.appendChild(script);
      });
    } else {
      window.__index = await (await fetch(new URL("search/search_index.json", base))).json();
    }
  }
  const index = window.__index;
  // The worker's URL exactly as Material gives it to `new Worker`: offline, the shim writes it
  // into an inline script whose hash the page's Content-Security-Policy allows.
  const worker = new Worker(config.search);
  window.__probe = {worker, waiting: null};
  worker.addEventListener("message", (ev) => {
    const waiting = window.__probe.waiting;
    window.__probe.waiting = null;
    if (waiting) waiting(ev.data);
  });
  // A worker that never answers fails the probe after 60 s instead of hanging its caller.
  const ask = (message) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the search worker did not answer")), 60000);
    window.__probe.waiting = (data) => { clearTimeout(timer); resolve(data); };
    worker.postMessage(message);
  });
  window.__probe.ask = ask;
  await ask({type: 0, data: {config: index.config, docs: index.docs,
                             options: {suggest: false}}});
  return performance.now() - started;
}"""

# Each query through the worker, in turn; for each, the hits best first as Material ranks them
# (what Enter opens is the first): [location, score, title] of every item the worker returns,
# but the pages Material adds with score 0 only to head a group.
QUERY = """async (queries) => {
  const out = [];
  for (const query of queries) {
    const started = performance.now();
    const reply = await window.__probe.ask({type: 2, data: query});
    const ms = performance.now() - started;
    const hits = reply.data.items.flat().filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((item) => [item.location, item.score, item.title]);
    out.push({hits, ms});
  }
  return out;
}"""


def start(page: Any) -> float:
    """Start a fresh copy of the site's worker on the page's own index; the ms it took."""
    return float(page.evaluate(START))


def query(page: Any, queries: list[str]) -> list[dict[str, Any]]:
    """Each query's hits, best first ({"hits": [[location, score, title], ...], "ms": ...})."""
    result: list[dict[str, Any]] = page.evaluate(QUERY, queries)
    return result
