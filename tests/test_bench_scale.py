"""make bench-scale: the scaled content it builds, the stage lines it reads, its last line."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import PROJECT

from build_tools import pipeline
from build_tools.bench import bench_scale, scaled
from build_tools.model import Paths
from build_tools.source import load


def test_scaled_content_repeats_each_sections_paragraphs_and_builds(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR, logger="build_tools")  # restored after the test
    original = scaled.document(load.load_inputs(PROJECT / "content", PROJECT / "annexes"))
    content, annexes = scaled.write(PROJECT / "content", PROJECT / "annexes", 3, tmp_path)
    paths = Paths(content=content, annexes=annexes, out=tmp_path / "out",
                  mkdocs_yml=PROJECT / "mkdocs.yml")
    # Every stage up to the pages (numbering frozen, notes and annexes at their paragraphs).
    build = pipeline.generate(paths, pipeline.STAGES[:-1])
    doc = build.doc
    assert len(doc.paragraphs) == 3 * len(original.paragraphs)
    assert [s.slug for s in doc.sections] == [s.slug for s in original.sections]
    for s in original.sections:
        assert len(doc.in_section(s.slug)) == 3 * len(original.in_section(s.slug)), s.slug
    assert {n.id for n in build.inputs.notes} == {n.id for n in load.read_notes(
        PROJECT / "content" / "notes.yml")}
    topics = [e for e in build.inputs.entries if e.kind == "topic"]
    covered = {n for e in topics for n in e.get("paras")}
    assert covered == {p.number for p in doc.paragraphs}


def test_renumber_moves_para_to_copy_one_and_paras_to_every_copy() -> None:
    numbers = {1: [1, 2], 2: [3, 4]}
    data = [{"para": 2, "paras": [1, 2], "nested": {"paras": [2]}}]
    assert scaled.renumber(data, numbers) == [{"para": 3, "paras": [1, 2, 3, 4],
                                               "nested": {"paras": [3, 4]}}]


def test_the_stage_lines_the_build_logs_are_read(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=pipeline.__name__):
        pipeline.timed("ext-zip", lambda: None)
    (line,) = [r.getMessage() for r in caplog.records]
    m = bench_scale.STAGE_LINE.match(line.strip())
    assert m is not None and m.group(1) == "ext-zip"


def test_the_last_line_gives_the_targets_figures() -> None:
    def size(times: int, wall: float, rss: float) -> bench_scale.Size:
        return bench_scale.Size(times, times * 49, [bench_scale.Run(wall, rss, {"mkdocs": 1.0}),
                                                    bench_scale.Run(wall + 2, rss, {})])

    sizes = [size(1, 4.0, 200), size(5, 8.0, 250), size(50, 40.0, 480)]
    line = bench_scale.summary(sizes)
    assert line == "scale: 1x 5.00 s, 50x 41.00 s, 480 MB, ratio50/5 4.56"
    assert re.fullmatch(r"scale: 1x [\d.]+ s, 50x [\d.]+ s, \d+ MB, ratio50/5 [\d.]+", line)
    assert any(row.startswith("ratio 50x/5x (linear: 10.0): whole build 4.56")
               for row in bench_scale.table(sizes))
