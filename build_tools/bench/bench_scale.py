"""Benchmark (make bench-scale): the whole build at 1x, 5x, 20x and 50x the document's text.

    .venv/bin/python -m build_tools.bench.bench_scale [--sizes 1 5 20 50] [--runs 3]

Each size is a generated content folder (scaled.py: each section's paragraphs repeated) in a
temporary directory, built by `edition build` in a subprocess of its own: wall time, the
largest resident set of the build's processes (os.wait4: the build or the largest process it
waited for, mkdocs or Chromium), each stage's time as the build logs it, pages, the site's
size, the search index raw and gzipped, the offline zip. Medians over --runs builds of each
size (other work on the machine moves a single run). Then the ratio of each stage between
sizes (linear: the ratio of the sizes), and last one line with the figures of the targets.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.bench import scaled

log = logging.getLogger("bench_scale")
PROJECT = Path(__file__).resolve().parents[2]
SIZES = (1, 5, 20, 50)
# A stage's line as pipeline.timed logs it: "mkdocs       1.234 s".
STAGE_LINE = re.compile(r"^(\S+)\s+(\d+\.\d+) s$")


@dataclass
class Run:
    """One build of one size."""

    wall: float
    rss_mb: float
    stages: dict[str, float] = field(default_factory=dict)


@dataclass
class Size:
    times: int
    paragraphs: int
    runs: list[Run]
    pages: int = 0
    site_bytes: int = 0
    search_raw: int = 0
    search_gzip: int = 0
    zip_bytes: int = 0

    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    def rss(self) -> float:
        return statistics.median(r.rss_mb for r in self.runs)

    def stage(self, name: str) -> float:
        return statistics.median(r.stages.get(name, 0.0) for r in self.runs)

    def stage_names(self) -> list[str]:
        return list(dict.fromkeys(n for r in self.runs for n in r.stages))


def build_once(content: Path, annexes: Path, out: Path) -> Run:
    """`edition build` in a subprocess: its wall time, largest RSS and stage times."""
    cmd = [sys.executable, "-m", "build_tools.cli", "build", "--content", str(content),
           "--annexes", str(annexes), "--out", str(out),
           "--mkdocs", str(PROJECT / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=PROJECT)
        # wait4, not RUSAGE_CHILDREN: this build's own peak, not the largest of every size so far.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log_text = err.read().decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"the build failed ({proc.returncode}):\n{log_text[-3000:]}")
    stages: dict[str, float] = {}
    for line in log_text.splitlines():
        m = STAGE_LINE.match(line.strip())
        if m:
            stages[m.group(1)] = stages.get(m.group(1), 0.0) + float(m.group(2))
    return Run(wall, usage.ru_maxrss / 1024, stages)  # ru_maxrss is in KiB on Linux


def outputs(size: Size, out: Path) -> None:
    """Pages, site size, search index (raw, gzipped) and zip size of the last build."""
    site = out / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    # Pages of the site: the resolver's p/N/ stubs are redirects, not pages.
    size.pages = sum(1 for p in files if p.suffix == ".html"
                     and p.relative_to(site).parts[0] != "p")
    size.site_bytes = sum(p.stat().st_size for p in files)
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        size.search_raw, size.search_gzip = len(data), len(gzip.compress(data, 6, mtime=0))
    size.zip_bytes = sum(p.stat().st_size for p in (out / "dist").glob("*-offline.zip"))


def measure(times: int, runs: int, tmp: Path) -> Size:
    folder = tmp / f"x{times}"
    content, annexes = scaled.write(PROJECT / "content", PROJECT / "annexes", times, folder)
    paragraphs = sum(1 for line in (content / "numbering.yml").read_text("utf-8").splitlines()
                     if line.startswith("- n: "))
    size = Size(times, paragraphs, [])
    for i in range(runs):
        size.runs.append(build_once(content, annexes, folder / "out"))
        log.info("%dx run %d: %.2f s, %.0f MB", times, i + 1, size.runs[-1].wall,
                 size.runs[-1].rss_mb)
    outputs(size, folder / "out")
    return size


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def table(sizes: list[Size]) -> list[str]:
    lines = []
    for s in sizes:
        lines.append(f"{s.times}x: {s.paragraphs} paragraphs, {s.pages} pages; whole build "
                     f"{s.wall():.2f} s (median of {len(s.runs)}: "
                     + ", ".join(f"{r.wall:.2f}" for r in s.runs)
                     + f"), max RSS {s.rss():.0f} MB; site {_mb(s.site_bytes)}, search index "
                     f"{_mb(s.search_raw)} raw, {_mb(s.search_gzip)} gzipped, zip "
                     f"{_mb(s.zip_bytes)}")
        lines.append("    stages (s): " + ", ".join(f"{n} {s.stage(n):.3f}"
                                                   for n in s.stage_names()))
    by_times = {s.times: s for s in sizes}
    for a, b in ((5, 20), (20, 50), (5, 50)):
        if a in by_times and b in by_times:
            lo, hi = by_times[a], by_times[b]
            names = [n for n in hi.stage_names() if lo.stage(n) >= 0.001]
            lines.append(f"ratio {b}x/{a}x (linear: {b / a:.1f}): whole build "
                         f"{hi.wall() / lo.wall():.2f}; " + ", ".join(
                             f"{n} {hi.stage(n) / lo.stage(n):.2f}" for n in names))
    return lines


def summary(sizes: list[Size]) -> str:
    """The last line: `scale: 1x W1 s, 50x W50 s, RSS50 MB, ratio50/5 R`."""
    by_times = {s.times: s for s in sizes}
    first, last = sizes[0], sizes[-1]
    ratio = (f"{by_times[50].wall() / by_times[5].wall():.2f}"
             if 5 in by_times and 50 in by_times else "n/a")
    return (f"scale: {first.times}x {first.wall():.2f} s, {last.times}x {last.wall():.2f} s, "
            f"{last.rss():.0f} MB, ratio{last.times}/5 {ratio}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3, help="builds per size (median)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    # The generated copies reach no index warning worth reading here.
    logging.getLogger("build_tools").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        sizes = [measure(t, args.runs, Path(tmp)) for t in sorted(args.sizes)]
    sys.stdout.write("\n".join([*table(sizes), summary(sizes)]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
