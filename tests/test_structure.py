"""The source-structure layer on a document outside the corpus: a Security Council resolution as
a PDF extraction leaves it (masthead, job number, bar code, running head, page number, a rule
and a footnote at the page's foot, lines with no blank line between paragraphs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools import pipeline
from build_tools.model import Build, Paths
from build_tools.source import draft

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "un" / "S_RES_9999.txt"
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    out = tmp_path_factory.mktemp("sc")
    content = draft.init(FIXTURE, out)
    paths = Paths(content, out / "annexes", out / "out", PROJECT / "mkdocs.yml")
    names = [name for name, _ in pipeline.STAGES]
    return pipeline.generate(paths, pipeline.STAGES[:names.index("notes") + 1])


def test_init_reads_type_symbol_organ_and_date_from_the_masthead(built: Build) -> None:
    meta = built.inputs.meta
    assert meta["type"] == "sc-resolution"
    assert meta["document_symbol"] == "S/RES/9999 (2030)"
    assert meta["document_organ"] == "Security Council"
    assert meta["document_date"] == "2030-03-01"
    drafted = (built.inputs.root / "edition.yml").read_text("utf-8")
    assert "TO DECIDE" in drafted  # the title is not in this text: a choice for the editor


def test_the_masthead_is_the_header_not_paragraphs(built: Build) -> None:
    assert built.doc.header[0] == "S/RES/9999 (2030)"
    assert built.doc.header[-1].startswith("Adopted by the Security Council")
    assert all("Distr." not in p.text for p in built.doc.paragraphs)


def test_page_furniture_is_dropped_and_listed(built: Build) -> None:
    kinds = {kind: text for _, text, kind in built.furniture}
    assert kinds == {"job number": "30-01234 (E) 020330", "bar code": "*3001234*",
                     "running head": "Resolution 9999 (2030)", "page number": "2/3",
                     "rule": "______________"}


def test_numbers_and_points_are_the_addresses(built: Build) -> None:
    by_id = {p.eid: p for p in built.doc.paragraphs}
    assert list(by_id) == ["preamble__formula", "preamble__recital_1", "preamble__recital_2",
                           "para_1", "para_2", "para_2__subpara_a", "para_2__subpara_b",
                           "para_3"]
    # A numbered line with no blank line before it starts a new paragraph.
    assert by_id["para_1"].text.startswith("Decides to extend")
    # The point cut by the page break, its furniture dropped, is one paragraph again.
    point = by_id["para_2__subpara_a"]
    assert point.text == "The progress made in the implementation of the mandate;"
    assert point.joined_page_break and point.locator == "para. 2 (a)"


def test_a_footnote_at_the_page_foot_is_a_note_at_its_marker(built: Build) -> None:
    recital = next(p for p in built.doc.paragraphs if p.eid == "preamble__recital_1")
    assert recital.text.endswith("resolution 9000 (2029),")
    marks = [s for s in recital.spans if s.kind == "note"]
    assert [(s.key, s.start) for s in marks] == [("fn-1", len(recital.text))]
    note = next(n for n in built.inputs.notes if n.id == "fn-1")
    assert note.own and note.text == "See S/RES/9000 (2029)."
    assert all("See S/RES" not in p.text for p in built.doc.paragraphs)


def test_the_benchmark_times_init_and_build_per_document(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.bench import bench_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / FIXTURE.name).write_bytes(FIXTURE.read_bytes())
    (corpus / "README.md").write_text("# not a document\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "build_all", pipeline.generate)  # the model, no site here
    table = bench_corpus.corpus_table(corpus)
    assert len(table) == 3  # header, rule, one document (the README is not one)
    cells = [c.strip() for c in table[2].strip("|").split("|")]
    assert cells[0] == FIXTURE.stem
    assert cells[2:8] == ["3", "2", "2", "1", "1", "5"]  # para_1-3, (a) (b), 2 recitals...
    assert cells[8] == "100.00%" and float(cells[9]) >= 0 and float(cells[10]) > 0


def test_init_drafts_the_acronyms_the_text_defines() -> None:
    from build_tools.source.draft_index import defined

    text = ("the International Criminal Police Organization (INTERPOL), the United Nations "
            "Conference on Trade and Development (UNCTAD), information and communications "
            "technologies (ICTs), resolution 169 (II) and, later, the (UNCTAD) again")
    assert defined(text) == [
        ("International Criminal Police Organization", "INTERPOL"),
        ("United Nations Conference on Trade and Development", "UNCTAD"),
        ("information and communications technologies", "ICTs")]


def test_akoma_ntoso_nests_points_and_has_the_preamble(built: Build) -> None:
    import xml.etree.ElementTree as ET

    from build_tools.export import export_akn

    root = ET.fromstring(export_akn.render(built))
    ns = {"a": export_akn.NS}
    statement = root.find("a:statement", ns)
    assert statement is not None and statement.get("name") == "resolution"
    assert [r.get("eId") for r in statement.iterfind("a:preamble/a:recitals/a:recital", ns)] == [
        "preamble__recital_1", "preamble__recital_2"]
    para = statement.find("a:mainBody/a:paragraph[@eId='para_2']", ns)
    assert para is not None
    assert [s.get("eId") for s in para.iterfind("a:subparagraph", ns)] == [
        "para_2__subpara_a", "para_2__subpara_b"]
    number = root.find(".//a:FRBRWork/a:FRBRnumber", ns)
    assert number is not None and number.get("value") == "S/RES/9999 (2030)"
