"""Every document of the corpus (../shared/corpus): init + build with no hand edits, its own
numbers as addresses, points nested, no furniture in the text, every footnote a note, its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_helpers import (
    body_lines,
    corpus_files,
    edition_words,
    init_and_generate,
    kept_in_order,
    source_words,
)

from build_tools.export import export_akn, export_json
from build_tools.model import Build
from build_tools.pages import cite

FILES = corpus_files()
_LINE_NUMBER = re.compile(r"^(\d{1,3})\.\s+(.+)$")
_LINE_POINT = re.compile(r"^\(([a-z]{1,2})\)\s+(.+)$")


def _words(text: str, n: int = 4) -> str:
    """The first words of a line, footnote markers aside (as the edition reads them)."""
    text = re.sub(r"\[\^\d+\]", "", text)
    return " ".join(text.split()[:n])


@pytest.fixture(scope="module", params=FILES, ids=[f.stem for f in FILES])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    source: Path = request.param
    return init_and_generate(source, tmp_path_factory.mktemp(source.stem))


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 6, "the corpus folder ../shared/corpus is missing or incomplete"


def test_every_numbered_line_is_para_n_of_its_own_number(built: Build) -> None:
    paras = built.doc.paragraphs
    body = [line for _, line in body_lines(built.inputs.source_text)]
    found = [(m.group(1), _words(m.group(2))) for line in body
             if (m := _LINE_NUMBER.match(line.strip())) and not line.startswith("[^")]
    header = " ".join(built.doc.header)
    found = [(n, w) for n, w in found if f"{n}. {w}" not in header]  # the title line "80/3."
    assert found
    for n, words in found:
        hits = [p for p in paras if re.search(rf"(?:^|__)para_{n}$", p.eid)
                and p.text.startswith(words)]
        assert hits, f"paragraph {n} (\u201c{words}\u2026\u201d) is not at para_{n}"


def test_every_lettered_point_is_nested_under_its_paragraph(built: Build) -> None:
    paras = built.doc.paragraphs
    body = [line for _, line in body_lines(built.inputs.source_text)]
    points = [(m.group(1), _words(m.group(2))) for line in body
              if (m := _LINE_POINT.match(line.strip()))]
    for letter, words in points:
        hits = [p for p in paras if p.text.startswith(words)]
        assert hits, f"point ({letter}) \u201c{words}\u2026\u201d is lost"
        assert any(re.search(rf"para_\d+__(?:subpara|point)_{letter}(?:_\d+)?$", p.eid)
                   for p in hits), f"point ({letter}) is not nested: {[p.eid for p in hits]}"


def test_no_running_head_or_page_furniture_inside_a_paragraph(built: Build) -> None:
    text = built.inputs.source_text
    heads = {t for _, t, kind in built.furniture if kind == "running head"}
    for head in heads:
        inline = sum(line.count(head) for _, line in body_lines(text) if line.strip() != head)
        in_paras = sum(p.text.count(head) for p in built.doc.paragraphs)
        assert in_paras <= inline, f"the running head {head!r} is inside a paragraph"
    for p in built.doc.paragraphs:
        assert not re.search(r"\b\d{2}-\d{5}\b|^\d{1,3}$|\[\^\d+\]", p.text), p.eid


def test_every_footnote_is_kept_as_a_note_at_a_marker(built: Build) -> None:
    defined = re.findall(r"^\[\^(\d+)\]:", built.inputs.source_text, re.MULTILINE)
    own = {n.id: n for n in built.inputs.notes if n.own}
    assert sorted(own) == sorted(f"fn-{n}" for n in defined)
    marks = [s.key for p in built.doc.paragraphs for s in p.spans if s.kind == "note"]
    assert sorted(marks) == sorted(own), "each footnote has one mark in the text"


def test_the_source_words_are_kept_in_order(built: Build) -> None:
    share = kept_in_order(source_words(built), edition_words(built))
    assert share >= 0.99, f"only {share:.2%} of the source's words kept in order"


def test_the_symbol_is_in_the_citation_and_the_exports(built: Build) -> None:
    symbol = str(built.inputs.meta["document_symbol"])
    numbered = next(p for p in built.doc.paragraphs if re.search(r"para_\d+$", p.eid))
    line = cite.text(built.inputs.meta, cite.paragraph_cited(built, numbered))
    assert symbol in line and numbered.locator in line
    assert f"p/{numbered.ref}/" in line
    data, _ = export_json.render(built)
    assert symbol in data and f'"id": "{numbered.eid}"' in data
    akn = export_akn.render(built).decode("utf-8")
    assert f'value="{symbol}"' in akn and f'eId="{numbered.eid}"' in akn
    assert "<debateReport" not in akn


def test_nothing_of_the_2008_document(built: Build) -> None:
    out = "".join(f.content for f in built.files if isinstance(f.content, str))
    for word in ("Islamic", "OIC", "Geneva, 8-10 July 2008", "took part", "opening session"):
        assert word not in out, word


def test_one_document_through_the_full_build_in_two_commands(tmp_path: Path) -> None:
    """edition init, then edition build --strict: the site, the offline bundle and the exports."""
    from build_tools import cli

    source = next((f for f in FILES if f.stem.endswith("80_3")), FILES[0])
    out = tmp_path / "ed"
    assert cli.main(["init", str(source), "--out", str(out)]) == 0
    assert cli.main(["build", "--strict", "--content", str(out / "content"), "--annexes",
                     str(out / "annexes"), "--out", str(out / "out")]) == 0
    site, dist = out / "out" / "site", out / "out" / "dist"
    html = "".join(p.read_text("utf-8") for p in site.rglob("*.html") if "/p/" not in str(p))
    ids = set(re.findall(r'id="((?:annex_\d+__)?(?:para|preamble)_[a-z0-9_]+)"', html))
    assert "para_1" in ids and "annex_1__para_3" in ids and "annex_1__para_13__subpara_a" in ids
    # The resolver: the annex's paragraph 3 is not the resolution's paragraph 3.
    landing = (site / "p" / "annex_1__para_3" / "index.html").read_text("utf-8")
    assert "#annex_1__para_3" in landing
    assert (site / "p" / "1" / "index.html").exists()
    # The document's footnotes are notes, named as the document's, not the editor's.
    assert "Footnote 1 of the document:" in html
    assert "Editorial note:" not in html
    # Furniture and masthead: the masthead is the document's header, not a numbered paragraph.
    home = (site / "index.html").read_text("utf-8")
    assert 'class="masthead"' in home
    slug = str(source.stem).lower().replace("_", "-")
    assert {f.name for f in dist.iterdir()} >= {
        "paragraphs.json", "paragraphs.csv", f"{slug}.akn.xml", f"{slug}.pdf",
        f"{slug}-offline.zip"}


@pytest.mark.parametrize("source", FILES, ids=lambda f: f.stem)
def test_every_document_inits_and_builds_strict_with_no_hand_edits(source: Path,
                                                                   tmp_path: Path) -> None:
    """The two commands on each file of the corpus: a drafted entry carries its source, and a
    document without headings offers no section citation whose record does not exist."""
    from build_tools import cli

    out = tmp_path / "ed"
    assert cli.main(["init", str(source), "--out", str(out)]) == 0
    assert cli.main(["build", "--strict", "--content", str(out / "content"), "--annexes",
                     str(out / "annexes"), "--out", str(out / "out")]) == 0
    assert (out / "out" / "site" / "index.html").exists()
