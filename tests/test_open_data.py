"""Open data (JSON, CSV, plain text, Akoma Ntoso) round-trips to the site's paragraphs."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import jsonschema
import pytest
from site_text import site_paragraphs

from build_tools.errors import EditionError
from build_tools.export import downloads, export_akn, export_data, export_json
from build_tools.model import Build, Paths

NS = {"a": export_akn.NS}


@pytest.fixture(scope="module")
def site_words(built: tuple[Build, Paths]) -> dict[int, str]:
    words = site_paragraphs(built[1].site)
    assert sorted(words) == list(range(1, len(built[0].doc.paragraphs) + 1))
    return words


@pytest.fixture(scope="module")
def dl(built: tuple[Build, Paths]) -> Path:
    return built[1].site / downloads.FOLDER


def _names(build: Build) -> dict[str, str]:
    return downloads._names(build)


def _json(dl: Path) -> dict:
    return json.loads((dl / "paragraphs.json").read_text(encoding="utf-8"))


# --- JSON -------------------------------------------------------------------------------------

def test_json_validates_against_its_published_schema(dl: Path) -> None:
    schema = json.loads((dl / "paragraphs.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_json(dl), schema, cls=jsonschema.Draft202012Validator)


def test_the_build_refuses_data_that_breaks_the_schema(dl: Path) -> None:
    data = _json(dl)
    broken = copy.deepcopy(data)
    broken["paragraphs"][3]["id"] = "paragraph-4"
    with pytest.raises(EditionError, match=r"paragraphs/3/id"):
        export_json.validate(broken)
    broken = copy.deepcopy(data)
    del broken["paragraphs"][0]["mentions"][0]["start"]
    with pytest.raises(EditionError, match="start"):
        export_json.validate(broken)


def test_json_words_numbers_and_ids_equal_the_site(dl: Path, site_words: dict[int, str]) -> None:
    paras = _json(dl)["paragraphs"]
    assert [p["number"] for p in paras] == sorted(site_words)
    for p in paras:
        assert p["id"] == f"para_{p['number']}"
        assert p["text"] == site_words[p["number"]], f"paragraph {p['number']}"
        assert p["url"].endswith(f"#para_{p['number']}")


def test_json_sections_are_the_paragraphs_path(built: tuple[Build, Paths], dl: Path) -> None:
    doc = built[0].doc
    for p in _json(dl)["paragraphs"]:
        path = p["section_path"]
        assert path[-1]["slug"] == p["section"] == doc.paragraph(p["number"]).section
        for outer, inner in itertools.pairwise(path):
            assert doc.section(inner["slug"]).parent == outer["slug"]


def test_every_offset_points_at_its_words(dl: Path) -> None:
    count = 0
    for p in _json(dl)["paragraphs"]:
        text = p["text"]
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"] != "", (p["number"], m)
            count += 1
        for c in p["corrections"]:
            assert text[c["start"]:c["end"]] == c["text"]
            assert c["text"] in c["edition"]
        for n in p["notes"]:
            assert 0 <= n["at"] <= len(text)
    assert count > 0, "no mention was exported"


def test_every_annotation_of_the_model_is_exported(built: tuple[Build, Paths], dl: Path) -> None:
    build = built[0]
    paras = {p["number"]: p for p in _json(dl)["paragraphs"]}
    for p in build.doc.paragraphs:
        rec = paras[p.number]
        want = sorted((s.kind, s.key, s.start, s.end) for s in p.spans
                      if s.kind not in export_data.APPARATUS)
        got = sorted((m["kind"], m["key"], m["start"], m["end"]) for m in rec["mentions"])
        assert got == want, f"paragraph {p.number}"
        assert ({c["id"] for c in rec["corrections"]}
                == {s.key for s in p.spans if s.kind == "correction"})
        assert {n["id"] for n in rec["notes"]} == {s.key for s in p.spans if s.kind == "note"}
    keys = {(e["kind"], e["key"]) for e in _json(dl)["entries"]}
    assert all((m["kind"], m["key"]) in keys for p in paras.values() for m in p["mentions"])


# --- CSV and plain text -------------------------------------------------------------------------

def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def test_paragraphs_csv_words_equal_the_site(dl: Path, site_words: dict[int, str]) -> None:
    rows = _csv(dl / "paragraphs.csv")
    assert list(rows[0])[:2] == ["number", "id"]
    assert {int(r["number"]): r["text"] for r in rows} == site_words
    assert all(r["id"] == f"para_{r['number']}" for r in rows)


def test_mentions_csv_has_one_row_per_mention_and_true_offsets(dl: Path) -> None:
    rows = _csv(dl / "mentions.csv")
    texts = {p["number"]: p["text"] for p in _json(dl)["paragraphs"]}
    assert len(rows) == sum(len(p["mentions"]) for p in _json(dl)["paragraphs"])
    for r in rows:
        text = texts[int(r["paragraph"])]
        assert text[int(r["start"]):int(r["end"])] == r["text"], r


def test_plain_text_words_and_numbers_equal_the_site(built: tuple[Build, Paths], dl: Path,
                                                     site_words: dict[int, str]) -> None:
    text = (dl / _names(built[0])["text"]).read_text(encoding="utf-8")
    found = {int(m[1]): m[2] for m in re.finditer(r"(?m)^\[(\d+)\] (.*)$", text)}
    assert found == site_words
    for s in built[0].doc.sections[1:]:
        assert f"\n{s.title}\n" in text


def test_the_text_as_received_is_the_source_byte_for_byte(built: tuple[Build, Paths],
                                                          dl: Path) -> None:
    meta = built[0].inputs.meta
    raw = (dl / _names(built[0])["source"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == meta["source_sha256"]


# --- Akoma Ntoso --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def akn(built: tuple[Build, Paths], dl: Path) -> ET.Element:
    return ET.fromstring((dl / _names(built[0])["akn"]).read_bytes())  # well-formed, or it raises


def _words(el: ET.Element) -> str:
    return "".join(el.itertext())


def test_akn_paragraph_words_equal_the_site(akn: ET.Element, site_words: dict[int, str]) -> None:
    paras = akn.findall(".//a:mainBody//a:paragraph", NS)
    assert [int(p.findtext("a:num", namespaces=NS) or 0) for p in paras] == sorted(site_words)
    for p in paras:
        n = int(p.findtext("a:num", namespaces=NS) or 0)
        content = p.find("a:content/a:p", NS)
        assert content is not None
        assert _words(content) == site_words[n], f"paragraph {n}"


def test_every_akn_eid_of_a_paragraph_is_one_on_the_site(akn: ET.Element,
                                                         site_words: dict[int, str]) -> None:
    eids = [p.get("eId") for p in akn.iter(f"{{{export_akn.NS}}}paragraph")]
    assert eids == [f"para_{n}" for n in sorted(site_words)]
    every = [el.get("eId") for el in akn.iter() if el.get("eId")]
    assert len(every) == len(set(every)), "eIds must be unique"


def test_akn_is_a_debate_report_with_frbr_identification(built: tuple[Build, Paths],
                                                          akn: ET.Element) -> None:
    assert akn.tag == f"{{{export_akn.NS}}}akomaNtoso"
    report = akn.find("a:debateReport", NS)
    assert report is not None
    ident = report.find("a:meta/a:identification", NS)
    assert ident is not None
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        node = ident.find(f"a:{level}", NS)
        assert node is not None, level
        for part in ("FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"):
            assert node.find(f"a:{part}", NS) is not None, (level, part)
    lang = ident.find("a:FRBRExpression/a:FRBRlanguage", NS)
    assert lang is not None and len(lang.get("language", "")) == 3
    doc = built[0].doc
    headings = [h.text for h in report.iter(f"{{{export_akn.NS}}}heading")]
    assert headings == [s.title for s in doc.sections[1:]]


def test_akn_marks_resolve_to_references_and_notes(built: tuple[Build, Paths],
                                                   akn: ET.Element) -> None:
    references = akn.find(".//a:references", NS)
    assert references is not None
    tlc = {el.get("eId") for el in references}
    all_notes = akn.findall(".//a:notes/a:note", NS)
    # An entry's note (its symbol, name today, sources) refers to the entry; every other note
    # is marked in the text.
    on_entries = [el for el in all_notes if el.get("class") == "reference"]
    assert on_entries and all(el.get("refersTo", "")[1:] in tlc for el in on_entries)
    notes = {el.get("eId") for el in all_notes if el.get("class") != "reference"}
    body = akn.find(".//a:mainBody", NS)
    assert body is not None
    refers = [el for el in body.iter() if el.get("refersTo")]
    kinds = {el.tag.split("}")[1] for el in refers}
    assert {"organization", "person", "location"} <= kinds
    for el in refers:
        assert el.get("refersTo", "")[1:] in tlc, el.get("refersTo")
    refs = [el.get("href", "")[1:] for el in body.iter(f"{{{export_akn.NS}}}noteRef")]
    assert sorted(refs) == sorted(notes)
    corrections = {c.id for c in built[0].inputs.corrections}
    assert {f"note_corr_{c}" for c in corrections} <= notes
    assert {f"note_{n.id}" for n in built[0].inputs.notes} <= notes


# --- Download page and dist ---------------------------------------------------------------------

def test_download_page_lists_every_file_with_its_true_size_and_hash(built: tuple[Build, Paths],
                                                                    dl: Path) -> None:
    html = (dl / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<a href="([^"/]+)">[^<]+</a></td>\s*<td>.*?</td>\s*'
                      r'<td>([\d,]+)(?:\xa0|&nbsp;)bytes</td>\s*'
                      r'<td><code class="sha256">([0-9a-f]{64})</code>', html, re.S)
    files = sorted(p.name for p in dl.iterdir() if p.name != "index.html")
    assert sorted(r[0] for r in rows) == files
    for name, size, digest in rows:
        raw = (dl / name).read_bytes()
        assert int(size.replace(",", "")) == len(raw), name
        assert hashlib.sha256(raw).hexdigest() == digest, name
        assert (built[1].dist / name).read_bytes() == raw, f"dist/{name}"


ROW = re.compile(r'<a href="([^"/]+)">[^<]+</a></td>\s*<td>.*?</td>\s*'
                 r'<td>([\d,]+)(?:\xa0|&nbsp;)bytes</td>\s*'
                 r'<td><code class="?sha256"?>([0-9a-f]{64})</code>', re.S)


def test_the_offline_download_page_gives_the_true_size_and_hash_of_the_pdf_it_holds(
        built: tuple[Build, Paths]) -> None:
    """The PDF is printed beside the site's builds: its row is filled in the built offline page
    before the zip is made (downloads.pending)."""
    [bundle] = sorted(built[1].dist.glob("*-offline.zip"))
    with zipfile.ZipFile(bundle) as zf:
        folder = next(n for n in zf.namelist() if n.endswith("/downloads/index.html"))
        folder = folder.removesuffix("index.html")
        rows = ROW.findall(zf.read(folder + "index.html").decode("utf-8"))
        held = {n.removeprefix(folder) for n in zf.namelist()
                if n.startswith(folder) and not n.endswith("index.html")}
        assert sorted(r[0] for r in rows) == sorted(held)
        for name, size, digest in rows:
            raw = zf.read(folder + name)
            assert raw, f"{name} is empty in the bundle"
            assert int(size.replace(",", "")) == len(raw), name
            assert hashlib.sha256(raw).hexdigest() == digest, name
    assert downloads.pdf_name(built[0]) in held


def test_no_pending_word_is_left_in_the_site_the_bundle_or_the_markdown(
        built: tuple[Build, Paths]) -> None:
    words = [w for name in (downloads.pdf_name(built[0]),
                            *(p.name for p in built[1].dist.glob("*.zip")))
             for w in downloads.pending(name)]
    assert len(words) == 4
    texts = {str(p): p.read_bytes() for root in (built[1].site, built[1].docs)
             for p in root.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".js",
                                                                         ".md"}}
    [bundle] = sorted(built[1].dist.glob("*-offline.zip"))
    with zipfile.ZipFile(bundle) as zf:
        texts.update({n: zf.read(n) for n in zf.namelist() if n.endswith((".html", ".js",
                                                                          ".json"))})
    left = sorted(f"{where}: {w}" for where, data in texts.items() for w in words
                  if w.encode() in data)
    assert not left


def test_a_page_built_without_its_pending_words_is_an_error(tmp_path: Path) -> None:
    from build_tools.site import site

    page = tmp_path / "downloads" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>no words here</p>", encoding="utf-8")
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [],
                        "fields": {"title": {"boost": 1}, "text": {"boost": 1}}}, "docs": []}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(EditionError, match="lacks the pending word"):
        site.fill_pending(tmp_path, "downloads/index.md", downloads.values("x.pdf", b"%PDF"))
    size, digest = downloads.pending("x.pdf")
    page.write_text(f"<td>{size} bytes</td><td>{digest}</td>", encoding="utf-8")
    site.fill_pending(tmp_path, "downloads/index.md", downloads.values("x.pdf", b"%PDF"))
    assert page.read_text(encoding="utf-8") == (
        f"<td>4 bytes</td><td>{hashlib.sha256(b'%PDF').hexdigest()}</td>")


def test_download_and_print_pages_are_in_the_navigation(built: tuple[Build, Paths]) -> None:
    nav = [next(iter(item)) for item in built[0].nav if isinstance(item, dict)]
    assert "Download" in nav and "Print edition" in nav
    home = (built[1].site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/"' in home and 'href="print/"' in home


def test_the_offline_bundle_carries_the_downloads(built: tuple[Build, Paths]) -> None:
    zips = sorted(built[1].dist.glob("*.zip"))
    assert zips, "no offline bundle in dist/"
    names = set(zipfile.ZipFile(zips[0]).namelist())
    for f in built[0].files:
        # The online site offers the zip itself too; a zip cannot hold itself.
        if (f.path.startswith("downloads/") and not f.path.endswith(".md")
                and f.path != f"downloads/{zips[0].name}"):
            assert any(n.endswith(f.path) for n in names), f.path
    assert any(n.endswith("downloads/index.html") for n in names)
