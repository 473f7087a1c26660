"""The pipeline: load -> clean -> segment -> number -> notes -> annotate -> render -> write."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from build_tools.annotation import annotate, checks, notes
from build_tools.errors import EditionError
from build_tools.export import downloads
from build_tools.model import Build, Paths
from build_tools.pages import cite, indexes, render, resolver
from build_tools.site import offline, search_index, site, write
from build_tools.source import clean, load, number, segment, structure
from build_tools.verify import external, linkcheck, reproducible

log = logging.getLogger(__name__)

Stage = Callable[[Build], Build]

# The stages, in order; each takes the frozen Build and returns a new one.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("check", load.run),
    ("structure", structure.run),
    ("clean", clean.run),
    ("segment", segment.run),
    ("number", number.run),
    ("notes", notes.run),
    ("annotate", annotate.run),
    ("render", render.run),
    ("checks", checks.run),
    ("indexes", indexes.run),
    ("cite", cite.run),
    ("resolver", resolver.run),
    ("downloads", downloads.run),
)

T = TypeVar("T")


def timed(name: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = fn()
    log.info("%-10s %7.3f s", name, time.perf_counter() - start)
    return result


class _Warnings(logging.Handler):
    """Counts the warnings the stages log (what --strict fails on)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def generate(paths: Paths, stages: tuple[tuple[str, Stage], ...] = STAGES,
             strict: bool = False) -> Build:
    """Read the inputs and run every stage up to rendered files (nothing written). In strict
    mode, the first stage that logs a warning ends the build: nothing costly (the PDF, mkdocs,
    the offline bundle) runs for a build that is going to fail."""
    warnings = _Warnings()
    logging.getLogger("build_tools").addHandler(warnings)

    def stop_if_warned(stage: str) -> None:
        if strict and warnings.messages:
            raise EditionError(f"--strict: the {stage} stage logged {len(warnings.messages)} "
                               "warning(s) (listed above); fix them or build without --strict")

    try:
        return _generate(paths, stages, stop_if_warned)
    finally:
        logging.getLogger("build_tools").removeHandler(warnings)


def _generate(paths: Paths, stages: tuple[tuple[str, Stage], ...],
              after: Callable[[str], None]) -> Build:
    inputs = timed("load", lambda: load.load_inputs(paths.content, paths.annexes))
    reproducible.pin_build_date(inputs.meta)  # before any stage stamps a date
    after("load")
    build = Build(inputs=inputs)
    for name, stage in stages:
        build = timed(name, lambda stage=stage, build=build: stage(build))  # type: ignore[misc]
        after(name)
    return build


def build_all(paths: Paths, strict: bool = False) -> Build:
    """Generate, write the Markdown tree, and build the site; the old site stays on failure."""
    build = generate(paths, strict=strict)
    searched = search_index.prepare(build, paths)  # the paragraph-search hook and its entries
    new_dist = site.fresh(paths.out / "dist.new")
    new_site = paths.out / "site.new"
    # Three things at once on a machine's cores: the offline site and the online site (two
    # mkdocs processes over one docs tree) and the PDF (Chromium). The Download pages list the
    # PDF's and the offline zip's size and SHA-256, which exist only once those are made: they
    # are pending words in the Markdown, filled in the built pages after (downloads.pending).
    # The online Download page offers the zip; the offline build reads its own text of that
    # page (offline_hook.py).
    zip_name = offline.zip_path(build, new_dist).name
    online = downloads.with_bundle(build, zip_name)
    timed("write", lambda: write.write_tree(online, paths))
    offline_build = offline.start_bundle(build, online, paths, searched)
    build = online
    config = write.write_config(build, paths, "mkdocs.yml", new_site, **searched)
    online_build = site.mkdocs_start(config, new_site)
    # The checks that read every page of a site run in processes of their own, beside what
    # is left: the zip's while the online build ends, the online site's beside its link check.
    with ProcessPoolExecutor(max_workers=2) as pool:
        try:
            pdf_name = downloads.pdf_name(build)
            pdf = timed("pdf", lambda: downloads.print_pdf_of(build))
            pdf_values = downloads.values(pdf_name, pdf)
            # The lighter offline build ends first: its zip is made and checked while the
            # online build goes on.
            offline_dir = timed("offline", lambda: offline.finish_site(offline_build, paths))
            site.fill_pending(offline_dir, downloads.PAGE, pdf_values)
            site.put_file(offline_dir / downloads.FOLDER / pdf_name, pdf)
            bundle = timed("zip", lambda: offline.zip_bundle(build, paths, new_dist))
            in_zip = pool.submit(external.check_zip, bundle)
            timed("mkdocs", lambda: site.mkdocs_wait(online_build, config, new_site))
        finally:
            site.stop(offline_build, online_build)
        zipped = bundle.read_bytes()
        site.fill_pending(new_site, downloads.PAGE,
                          {**pdf_values, **downloads.values(zip_name, zipped)})
        site.put_file(new_site / downloads.FOLDER / pdf_name, pdf)
        shutil.copyfile(bundle, new_site / downloads.FOLDER / zip_name)
        site_url = build.inputs.meta.get("edition_site_url")
        in_site = pool.submit(external.check_dir, new_site)
        timed("links", lambda: linkcheck.check_built(new_site, site_url))
        timed("ext-zip", lambda: external.ensure_none(in_zip.result(), bundle))
        timed("external", lambda: external.ensure_none(in_site.result(), new_site))
    build = downloads.with_files(build, {pdf_name: pdf, zip_name: zipped})
    write.write_files(build, paths, {downloads.PAGE, f"{downloads.FOLDER}/{pdf_name}"})
    downloads.copy_to_dist(build, new_dist)
    # Swapped in only when all above succeeded: a failure leaves site/ and dist/ as they were.
    site.swap_in(new_site, paths.site)
    site.swap_in(new_dist, paths.dist)
    return build


def generate_tree(paths: Paths) -> Build:
    """Generate and write the Markdown tree and config, without building the site (for serve)."""
    build = generate(paths)
    build = downloads.with_files(build, {downloads.pdf_name(build): timed(
        "pdf", lambda: downloads.print_pdf_of(build))})
    timed("write", lambda: write.write_tree(build, paths))
    write.write_config(build, paths, "mkdocs.yml", paths.site, **search_index.prepare(build, paths))
    return build
