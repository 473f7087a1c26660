"""The benchmark's tables: Lighthouse's, with Lighthouse replaced by a stand-in (each page is run
on both sites in turn, and the figures land in the right rows and summary lines), and the paints
observed in a real Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from build_tools.bench import bench


def _site(root: Path, refresh: bool) -> Path:
    pages = {"index.html": "<p>home</p>", "a/index.html": '<p class="para">text</p>',
             "indexes/x/index.html": "<p>index</p>", "edition/index.html": "<p>about</p>"}
    if refresh:
        pages["p/1/index.html"] = '<meta http-equiv="refresh" content="0; url=../../a/#para_1">'
    for name, html in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(html, encoding="utf-8")
    return root


def test_each_page_is_run_on_both_sites_and_summed_up(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    edition = _site(tmp_path / "edition", refresh=True)
    plain = _site(tmp_path / "plain", refresh=False)
    calls: list[tuple[str, str]] = []

    def fake(url: str) -> dict[str, Any]:
        port, path = url.split(":")[2].split("/", 1)
        calls.append((port, path))
        ours = port == calls[0][0]  # the edition's pages are run first
        score = 99 if ours else 98
        return {"performance": score, "accessibility": 100, "best-practices": 100, "seo": 100,
                "KiB": 90 if ours else 100, "raw KiB": 400, "html B": 14_000 if ours else 13_000,
                "below": []}

    monkeypatch.setattr(bench, "lighthouse", fake)
    lines = bench.lighthouse_table(edition, plain, None, runs=3)
    ports = {p for p, _ in calls}
    assert len(ports) == 2
    # In turn, page by page: ours, theirs, ours, theirs...; each site on its own server.
    assert [path for _, path in calls[:6]] == [""] * 6
    assert calls[0][0] != calls[1][0] and calls[0][0] == calls[2][0]
    assert {path for _, path in calls} == {"", "a/", "indexes/x/", "edition/"}
    rows = {line.split("  ")[0].strip(): line for line in lines[2:6]}
    assert set(rows) == {"home", "section", "index: x", "edition page"}
    assert rows["home"].rstrip().endswith("1.01  0.90  1.00")
    # The resolver's target is the section: one row more, run on both sites.
    assert any(line.startswith("resolver target") for line in lines)
    assert ("over 15 pairs of runs: mean +1.00 points (95% interval +1.00 to +1.00)"
            in "\n".join(lines))
    assert "home 14000 / 13000" in lines[-1]


@pytest.mark.browser
def test_the_paints_table_observes_both_sites_in_chromium(tmp_path: Path,
                                                          browser: object) -> None:
    """A real Chromium load of each site: the text paints, and the table has a row per page
    that both sites have, with the figures in the columns they are named for."""
    from build_tools.bench import bench_paint

    edition = _site(tmp_path / "edition", refresh=True)
    plain = _site(tmp_path / "plain", refresh=False)
    (plain / "edition" / "index.html").unlink()
    lines = bench_paint.paint_table(edition, plain, {"home": "", "edition page": "edition/"},
                                    loads=2, browser=browser)  # type: ignore[arg-type]
    assert "CPU slowed 4x" in lines[0] and "median of 2 loads" in lines[0]
    rows = [line for line in lines if line.startswith(("home", "edition page"))]
    assert [row.split()[0] for row in rows] == ["home"]  # the untouched site lacks the other
    first, largest, first_other, largest_other = (
        float(x) for x in re.findall(r"(\d+) / +(\d+) \| +(\d+) / +(\d+)", rows[0])[0])
    assert 0 < first <= largest and 0 < first_other <= largest_other
    ratio_first, ratio_largest = (float(x) for x in rows[0].split("|")[-1].split("/"))
    # The ratios come from the unrounded medians.
    assert abs(ratio_first - first / first_other) < 0.02
    assert abs(ratio_largest - largest / largest_other) < 0.02
    assert lines[-1].startswith("largest paint, edition/untouched, median over the pages: ")
