"""Generality: a made-up document with its own content/ builds into a working site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from build_tools import cli

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "other"
PROJECT = Path(__file__).resolve().parent.parent


def test_another_document_builds_into_its_own_edition(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "doc")
    out = tmp_path / "out"
    args = ["--content", str(tmp_path / "doc/content"), "--annexes",
            str(tmp_path / "doc/annexes"), "--out", str(out), "--mkdocs",
            str(PROJECT / "mkdocs.yml")]
    assert cli.main(["build", "--strict", *args]) == 0
    site = out / "site"
    home = (site / "index.html").read_text("utf-8")
    assert "Report of the Joint Workshop on Coastal Fisheries and Marine Data" in home
    assert "Lisbon, 3-4 March 2019" in home
    # Its own headings and paragraphs, numbered 1..5 across a page break and a correction.
    data = (site / "data-sharing" / "index.html").read_text("utf-8")
    assert 'id="para_3"' in data and "starting in 2020, and to publish it openly." in data
    assert 'href="#fn:double-stop"' in data
    capacity = (site / "capacity" / "index.html").read_text("utf-8")
    assert 'id="para_5"' in capacity and "The test source stops mid-sentence here." in capacity
    attendance = (site / "attendance" / "index.html").read_text("utf-8")
    assert "Sea-Level Institute" in attendance
    # A supplied annex text is built in.
    annex = (site / "annexes" / "annex-1" / "index.html").read_text("utf-8")
    assert "Annex 1: Agenda" in annex and "Not in the source" not in annex
    ids = re.findall(r'id="(para_\d+)"', "".join(
        p.read_text("utf-8") for p in site.rglob("*.html") if "/p/" not in str(p)))
    assert sorted(ids) == [f"para_{n}" for n in range(1, 6)]
    # And nothing of the real document leaked into it.
    assert "Islamic" not in "".join(p.read_text("utf-8") for p in site.rglob("*.html"))


def test_fixture_freeze_reproduces_its_committed_numbering(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "doc")
    frozen = (FIXTURE / "content/numbering.yml").read_text("utf-8")
    (tmp_path / "doc/content/numbering.yml").unlink()
    assert cli.main(["freeze", "--content", str(tmp_path / "doc/content"), "--annexes",
                     str(tmp_path / "doc/annexes"), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "doc/content/numbering.yml").read_text("utf-8") == frozen


def test_build_tools_names_nothing_of_this_document() -> None:
    code = "".join(p.read_text("utf-8") for p in (PROJECT / "build_tools").rglob("*.py"))
    for word in ("OIC", "UNHCR", "ISESCO", "Darfur", "Geneva", "Islamic", "UNOG", "Iraq",
                 "Pursuant", "General Assembly"):
        assert word not in code, word
