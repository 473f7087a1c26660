"""Every statement of the editor the site shows (corrections, notes, where the source ends,
annexes it lacks) is in every export: JSON, CSV, plain text and Akoma Ntoso."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from build_tools.export import apparatus, downloads, export_akn
from build_tools.model import Build, Paths
from build_tools.pages import cite, render

NS = {"a": export_akn.NS}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _bare(text: str) -> str:
    return "".join(text.split())


def _page_text(site: Path, page: str) -> str:
    """The characters of a built page's words, markup and blanks dropped."""
    raw = (site / cite.page_url(page) / "index.html").read_text("utf-8")
    return _bare(html.unescape(re.sub(r"<[^>]+>", "", raw)))


@pytest.fixture(scope="module")
def said(built: tuple[Build, Paths]) -> list[apparatus.Statement]:
    found = apparatus.statements(built[0])
    kinds = {s.kind for s in found}
    # The edition has each kind, or the checks below would pass on nothing.
    assert kinds == {"correction", "note", "ending", "annex"}, kinds
    return found


@pytest.fixture(scope="module")
def dl(built: tuple[Build, Paths]) -> Path:
    return built[1].site / downloads.FOLDER


def test_the_site_shows_each_statement(built: tuple[Build, Paths],
                                       said: list[apparatus.Statement]) -> None:
    build, paths = built
    for s in said:
        page = (render.annex_path(s.key) if s.kind == "annex"
                else build.page(build.doc.paragraph(s.para).section))
        assert _bare(s.text) in _page_text(paths.site, page), (s.kind, s.key)


def test_the_site_shows_no_note_the_exports_lack(built: tuple[Build, Paths],
                                                 said: list[apparatus.Statement]) -> None:
    """Footnotes of the section pages are exactly the corrections and notes listed."""
    build, paths = built
    for section in build.doc.sections:
        raw = (paths.site / cite.page_url(build.page(section.slug)) / "index.html").read_text(
            "utf-8")
        shown = len(re.findall(r'<li id="?fn:', raw))
        numbers = {p.number for p in build.doc.in_section(section.slug)}
        listed = [s for s in said if s.kind in ("correction", "note") and s.para in numbers]
        assert shown == len(listed), section.slug


def test_paragraphs_json_has_each_statement(dl: Path, said: list[apparatus.Statement]) -> None:
    data = json.loads((dl / "paragraphs.json").read_text("utf-8"))
    records = {p["number"]: p for p in data["paragraphs"]}
    for s in said:
        rec = records[s.para]
        field = {"correction": "corrections", "note": "notes"}.get(s.kind, "editorial")
        items = [i for i in rec[field] if i.get("id", i.get("key")) == s.key]
        assert len(items) == 1, (s.kind, s.key)
        text = items[0].get("reason", items[0]["text"])
        assert apparatus.plain(text) == s.text, (s.kind, s.key)
    last = records[len(records)]
    assert [e["kind"] for e in last["editorial"]] == ["ending"]


def test_editorial_csv_has_each_statement(dl: Path, said: list[apparatus.Statement]) -> None:
    rows = list(csv.DictReader(io.StringIO((dl / "editorial.csv").read_text("utf-8"),
                                           newline="")))
    got = [(int(r["paragraph"]), r["kind"], r["key"], r["text"]) for r in rows]
    assert got == [(s.para, s.kind, s.key, s.text) for s in said]


def test_plain_text_has_each_statement(built: tuple[Build, Paths], dl: Path,
                                       said: list[apparatus.Statement]) -> None:
    text = (dl / downloads._names(built[0])["text"]).read_text("utf-8")
    lines = text.splitlines()
    for s in said:
        assert any(f"({s.key}), paragraph {s.para}:" in line and s.text in line
                   for line in lines), (s.kind, s.key)


def test_akoma_ntoso_has_each_statement(built: tuple[Build, Paths], dl: Path,
                                        said: list[apparatus.Statement]) -> None:
    root = ET.fromstring((dl / downloads._names(built[0])["akn"]).read_bytes())
    notes = {n.get("eId"): _flat("".join(n.itertext()))
             for n in root.iterfind(".//a:meta/a:notes/a:note", NS)}
    refs: dict[int, set[str]] = {}
    for para in root.iterfind(".//a:mainBody//a:paragraph", NS):
        number = int(para.findtext("a:num", namespaces=NS) or 0)
        refs[number] = {r.get("href", "")[1:] for r in para.iterfind(".//a:noteRef", NS)}
    for s in said:
        assert any(s.text in notes[eid] for eid in refs[s.para]), (s.kind, s.key)
