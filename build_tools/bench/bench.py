"""Benchmark (make bench): Lighthouse beside an untouched Material site, stage times, scaling."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import yaml

from build_tools import pipeline
from build_tools.bench import bench_corpus, bench_paint, bench_pdf
from build_tools.bench.loopback import served
from build_tools.model import Build, FrozenNumbering, Inputs, Paths
from build_tools.source import number

log = logging.getLogger("bench")
PROJECT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The stage that prints the PDF spends its time in Chromium, not in the generator.
NOT_GENERATOR = {"downloads"}
# Lighthouse's simulated TCP: 10 segments of 1,460 bytes before the first acknowledgement.
WINDOW = 14_600
REFRESH = re.compile(r'http-equiv="refresh"\s+content="0;\s*url=([^"]+)"', re.IGNORECASE)


class _StageTimes(logging.Handler):
    """Collects the (stage, seconds) that pipeline.timed logs."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.times: list[tuple[str, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if isinstance(args, tuple) and len(args) == 2 and isinstance(args[1], float):
            self.times.append((str(args[0]), args[1]))


def timed_build(paths: Paths) -> tuple[Build, list[tuple[str, float]], float]:
    handler = _StageTimes()
    logger = logging.getLogger(pipeline.__name__)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    start = time.perf_counter()
    try:
        build = pipeline.build_all(paths)
    finally:
        logger.removeHandler(handler)
    return build, handler.times, time.perf_counter() - start


def untouched_site(paths: Paths, site_name: str, out: Path) -> Path:
    """The same generated Markdown built by Material with its defaults. The one change is
    font: false, as this machine cannot reach Google Fonts (a failed request would cost the
    untouched site points it would not lose on the web)."""
    config = out / "mkdocs.yml"
    out.mkdir(parents=True, exist_ok=True)
    config.write_text(yaml.safe_dump({
        "site_name": site_name, "docs_dir": str(paths.docs), "site_dir": str(out / "site"),
        "theme": {"name": "material", "font": False},
    }, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
                   check=True, env=env, capture_output=True)
    return out / "site"


def pages(site_dir: Path) -> dict[str, str]:
    """Label -> path under the site: home, a section, each index, the edition page and where
    the resolver lands (found in the built site, so new pages join by themselves)."""
    found = {"home": ""}
    for p in sorted(site_dir.glob("*/index.html")):
        if 'class="para"' in p.read_text(encoding="utf-8"):
            found["section"] = p.parent.name + "/"
            break
    for p in sorted(site_dir.glob("indexes/*/index.html")):
        found[f"index: {p.parent.name}"] = f"indexes/{p.parent.name}/"
    if (site_dir / "edition" / "index.html").exists():
        found["edition page"] = "edition/"
    stubs = sorted((site_dir / "p").glob("*/index.html"), key=lambda p: p.parent.name.zfill(6))
    if stubs:
        stub = stubs[len(stubs) // 2]
        m = REFRESH.search(stub.read_text(encoding="utf-8"))
        if m:
            target = (stub.parent / m.group(1).split("#")[0]).resolve()
            found["resolver target"] = target.relative_to(site_dir.resolve()).as_posix() + "/"
    return found


def lighthouse(url: str) -> dict[str, Any]:
    """Category scores (0-100) and page weight (KiB) of one page, or the error."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env=env, check=False, timeout=300)
    if proc.returncode != 0:
        log.warning("Lighthouse failed on %s:\n%s", url, proc.stderr[-3000:])
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    report = json.loads(proc.stdout)
    result: dict[str, Any] = {c: round(100 * (report["categories"][c]["score"] or 0))
                              for c in CATEGORIES}
    result["KiB"] = round(report["audits"]["total-byte-weight"]["numericValue"] / 1024)
    # The same requests' bytes once decompressed (gzip hides part of what a page carries).
    requests = report["audits"]["network-requests"]["details"]["items"]
    result["raw KiB"] = round(sum(r.get("resourceSize") or 0 for r in requests) / 1024)
    # The page itself as sent: past the first congestion window it costs a round trip more.
    result["html B"] = next((r.get("transferSize") or 0 for r in requests
                             if r.get("resourceType") == "Document"), 0)
    result["below"] = sorted(
        f"{a['id']}" for c in CATEGORIES if c != "performance"
        for ref in report["categories"][c]["auditRefs"]
        if (a := report["audits"][ref["id"]])["score"] is not None and a["score"] < 1
        and ref["weight"] > 0)
    return result


def median_of(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over repeated runs (Lighthouse's performance score moves by
    several points from run to run on this machine); an error if any run failed."""
    failed = [r for r in results if "error" in r]
    if failed:
        return failed[0]
    out: dict[str, Any] = {k: statistics.median(r[k] for r in results)
                           for k in (*CATEGORIES, "KiB", "raw KiB", "html B")}
    out["below"] = sorted({b for r in results for b in r["below"]})
    return out


def paired(differences: list[float]) -> str:
    """The performance score's difference, edition minus untouched, over every pair of runs
    taken in turn on every page: its mean and 95% interval (normal approximation). A page's
    median moves by a point or two from run to run; the pooled pairs tell whether the whole
    edition is slower or faster than that noise."""
    n = len(differences)
    if n < 2:
        return "performance, edition - untouched: too few pairs of runs"
    mean = statistics.fmean(differences)
    half = 1.96 * statistics.stdev(differences) / n ** 0.5
    return (f"performance, edition - untouched, over {n} pairs of runs: mean {mean:+.2f} points "
            f"(95% interval {mean - half:+.2f} to {mean + half:+.2f})")


def _ratio(mine: dict[str, Any], other: dict[str, Any] | None, key: str) -> str:
    if other is None or "error" in mine or "error" in other or not other[key]:
        return "   -"
    return f"{mine[key] / other[key]:.2f}"


def _row(result: dict[str, Any] | None) -> str:
    if result is None:
        return "n/a".ljust(31)
    if "error" in result:
        return ("error: " + " ".join(result["error"]))[:31].ljust(31)
    return (" ".join(f"{result[c]:>4.0f}" for c in CATEGORIES)
            + f" {result['KiB']:>4.0f} {result['raw KiB']:>5.0f}  ")


def lighthouse_table(edition_site: Path, plain_site: Path, bundle: Path | None,
                     runs: int = 3) -> list[str]:
    lines = [f"Lighthouse 12.2.3 (mobile, simulated throttling), median of {runs} runs taken in "
             "turn, served as a static host serves (gzip, HTTP/1.1): perf a11y best-practices "
             "SEO, page weight (KiB sent, KiB decompressed); ratios edition/untouched",
             f"{'page':<26} {'edition':<31} | {'untouched Material':<31} | perf  weight  raw"]
    below: set[str] = set()
    sent: list[str] = []
    differences: list[float] = []
    with served(edition_site, as_hosted=True) as ours, \
            served(plain_site, as_hosted=True) as theirs:
        for label, path in pages(edition_site).items():
            has_other = (plain_site / path / "index.html").exists()
            mine_runs, other_runs = [], []
            for _ in range(runs):  # in turn, so a slow spell of the machine hits both
                mine_runs.append(lighthouse(ours + path))
                if has_other:
                    other_runs.append(lighthouse(theirs + path))
            mine = median_of(mine_runs)
            other = median_of(other_runs) if has_other else None
            if has_other:
                differences.extend(a["performance"] - b["performance"]
                                   for a, b in zip(mine_runs, other_runs, strict=True)
                                   if "error" not in a and "error" not in b)
            below.update(mine.get("below", []))
            lines.append(f"{label:<26} {_row(mine)} | {_row(other)} | "
                         f"{_ratio(mine, other, 'performance')}  {_ratio(mine, other, 'KiB')}  "
                         f"{_ratio(mine, other, 'raw KiB')}")
            log.info("%s", lines[-1])
            if "error" not in mine:
                plain_html = (f"{other['html B']:.0f}" if other and "error" not in other
                              else "-")
                sent.append(f"{label} {mine['html B']:.0f} / {plain_html}")
    if bundle is not None:
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(bundle) as zf:
                zf.extractall(tmp)
            index = sorted(Path(tmp).rglob("index.html"), key=lambda p: len(p.parts))[0]
            # Lighthouse cannot audit file:// pages: the unzipped bundle is served on loopback.
            with served(index.parent, as_hosted=True) as url:
                mine = lighthouse(url)
            below.update(mine.get("below", []))
            lines.append(f"{'offline bundle (home)':<26} {_row(mine)} | {_row(None)}")
    lines.append(paired(differences))
    lines.append(f"HTML sent, bytes with headers, edition / untouched (first congestion window: "
                 f"{WINDOW}): " + "; ".join(sent))
    if below:
        lines.append("audits below 1 (a11y, best practices, SEO): " + ", ".join(sorted(below)))
    return lines


def synthetic(inputs: Inputs, times: int) -> Inputs:
    """The document with its body repeated. Copy 1 is the text as it is; in copies 2.. every
    block (and so every heading) ends with a mark "[copy i]", as paragraphs and headings are
    frozen by the fingerprint of their words, which must differ. Corrections are left out (each
    must match exactly once); the numbering of the result is frozen as it comes."""
    text = inputs.source_text
    dateline = str(inputs.meta["document_dateline"])
    cut = text.index(dateline) + len(dateline)
    parts = re.split(r"(\n[ \t]*\n\s*)", text[cut:].strip("\n"))
    copies = [text[:cut] + "\n\n" + "".join(parts)]
    for i in range(2, times + 1):
        mark = f" [copy {i}]"
        copies.append("".join(p if n % 2 else p + mark for n, p in enumerate(parts)))
    headings = inputs.headings + tuple(
        dataclasses.replace(h, text=f"{h.text} [copy {i}]", slug=None)
        for i in range(2, times + 1) for h in inputs.headings)
    draft = dataclasses.replace(inputs, source_text="\n\n".join(copies) + "\n",
                                headings=headings, corrections=())
    build = Build(inputs=draft)
    for name, stage in pipeline.STAGES:
        if name == "number":
            break
        build = stage(build)
    doc = build.doc
    frozen = FrozenNumbering(
        tuple((p.number, number.fingerprint(p.source), number.first_words(p.source))
              for p in doc.paragraphs),
        tuple((number.fingerprint(s.title), s.slug) for s in doc.sections if s.level > 0),
        exists=True)
    return dataclasses.replace(draft, frozen=frozen)


def generator_time(inputs: Inputs) -> tuple[float, int]:
    build = Build(inputs=inputs)
    start = time.perf_counter()
    for name, stage in pipeline.STAGES:
        if name not in NOT_GENERATOR:
            build = stage(build)
    return time.perf_counter() - start, len(build.doc.paragraphs)


def scaling_table(paths: Paths) -> list[str]:
    from build_tools.source import load

    inputs = load.load_inputs(paths.content, paths.annexes)
    # The copies reach no index entry: the checks' per-paragraph warnings are expected here.
    logging.getLogger("build_tools").setLevel(logging.ERROR)
    rows = []
    base = 0.0
    for times in (1, 10, 100):
        best = min(generator_time(synthetic(inputs, times)) for _ in range(3 if times < 100
                                                                            else 1))
        seconds, paragraphs = best
        base = base or seconds
        rows.append(f"{times:>4}x  {paragraphs:>6} paragraphs  {seconds:8.3f} s  "
                    f"ratio {seconds / base:7.1f}  (linear: {times})")
    stages = ", ".join(n for n, _ in pipeline.STAGES if n not in NOT_GENERATOR)
    return [f"Generator ({stages}) on the document repeated, best of 3 (1 at 100x):", *rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--no-lighthouse", action="store_true", help="timings only")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page and site")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        log.error("Lighthouse is missing: run `make bench` (npm ci --prefix bench)")
        return 1
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths(content=PROJECT / "content", annexes=PROJECT / "annexes",
                      out=Path(tmp) / "edition", mkdocs_yml=PROJECT / "mkdocs.yml")
        build, stage_times, total = timed_build(paths)
        out.append("Build stages (s): " + ", ".join(f"{n} {s:.3f}" for n, s in stage_times))
        out.append(f"Whole build: {total:.2f} s")
        if not args.no_lighthouse:
            plain = untouched_site(paths, str(build.inputs.meta.get("document_short_title")
                                              or build.inputs.meta["document_title"]),
                                   Path(tmp) / "plain")
            bundles = sorted(paths.dist.glob("*-offline.zip")) if paths.dist.exists() else []
            out.extend(lighthouse_table(paths.site, plain, bundles[0] if bundles else None,
                                        args.runs))
            out.extend(bench_paint.paint_table(paths.site, plain, pages(paths.site)))
        out.extend(scaling_table(paths))
        out.extend(bench_pdf.pdf_table(paths.content, paths.annexes))
    out.append("Init + build per document of the corpus:")
    out.extend(bench_corpus.corpus_table())
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
