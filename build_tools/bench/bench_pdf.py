"""The PDF stage on the document repeated: time, sizes and peak memory (README, "Large input")."""

from __future__ import annotations

import logging
import resource
import time
from pathlib import Path

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.export import print_edition, print_pdf
from build_tools.model import Build
from build_tools.source import load

TIMES = (1, 10, 25)


def pdf_row(content: Path, annexes: Path, times: int) -> str:
    from build_tools.bench.bench import synthetic  # the same repetition as the scaling table

    inputs = synthetic(load.load_inputs(content, annexes), times)
    build = Build(inputs=inputs)
    for name, stage in pipeline.STAGES:
        if name == "downloads":
            break
        build = stage(build)
    start = time.perf_counter()
    html = print_edition.standalone_html(build)
    try:
        pdf = print_pdf.html_to_pdf(html, {"Title": "bench"}, "2000-01-01")
        result = f"PDF {len(pdf) / 1e6:6.1f} MB"
    except EditionError as err:
        result = f"refused: {str(err)[:60]}"
    seconds = time.perf_counter() - start
    # Peak resident memory of this process and of the largest child (Chromium's processes).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return (f"{times:>4}x  {len(build.doc.paragraphs):>6} paragraphs  HTML "
            f"{len(html.encode('utf-8')) / 1e6:5.1f} MB  {seconds:7.1f} s  {result}  peak "
            f"memory {own:5.0f} MB (build), {child:5.0f} MB (largest child)")


def pdf_table(content: Path, annexes: Path) -> list[str]:
    logging.getLogger("build_tools").setLevel(logging.ERROR)
    return [f"PDF stage (print edition -> Chromium -> pypdf) on the document repeated, limit "
            f"{print_pdf.MAX_HTML_BYTES / 1e6:.1f} MB of HTML:",
            *(pdf_row(content, annexes, n) for n in TIMES)]
