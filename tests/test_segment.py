"""Segment and number: the real document's structure, and the frozen numbering's contract."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.errors import EditionError
from build_tools.model import Document, Inputs
from build_tools.source import clean, number, segment
from build_tools.source.load import load_inputs

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def inputs() -> Inputs:
    return load_inputs(PROJECT / "content", PROJECT / "annexes")


@pytest.fixture(scope="module")
def doc(inputs: Inputs) -> Document:
    return segment.segment(inputs, clean.clean(inputs))


def test_paragraphs_run_from_the_first_to_the_fragment(doc: Document) -> None:
    assert [p.number for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    assert doc.paragraphs[0].text.startswith("Pursuant to General Assembly resolution")
    assert doc.paragraphs[-1].text.endswith("including OIC members and")


def test_title_dateline_and_headings_are_not_paragraphs(doc: Document, inputs: Inputs) -> None:
    texts = {p.text for p in doc.paragraphs}
    assert doc.title not in texts and doc.dateline not in texts
    assert not texts & {h.text for h in inputs.headings}
    assert [s.title for s in doc.sections[1:]] == [h.text for h in inputs.headings]


def test_hierarchy_follows_the_levels(doc: Document) -> None:
    by = {s.slug: s for s in doc.sections}
    for s in doc.sections[1:]:
        if s.level == 1:
            assert s.parent is None
        else:
            assert by[s.parent].level == s.level - 1  # type: ignore[index]


def test_page_breaks_inside_paragraphs_are_joined(doc: Document) -> None:
    joined = [p for p in doc.paragraphs if p.joined_page_break]
    assert joined, "the source has page breaks inside paragraphs"
    for p in doc.paragraphs:
        assert "\n" not in p.text
    # A page break mid-sentence ("meeting in" / "Rabat.") is one paragraph.
    assert any("cooperation meeting in Rabat." in p.text for p in joined)


def test_no_line_end_hyphen_lost_or_spaced(doc: Document, inputs: Inputs) -> None:
    hyphenated = re.findall(r"(\S+-)\n+(\S+)", inputs.source_text)
    assert hyphenated
    text = " ".join(p.text for p in doc.paragraphs)
    for left, right in hyphenated:
        assert left + right.rstrip(".,;:") in text or (left + right)[:-1] in text


def test_frozen_numbering_matches(doc: Document, inputs: Inputs) -> None:
    checked = number.check(doc, inputs.frozen, Path("numbering.yml"))
    assert [p.number for p in checked.paragraphs] == [n for n, _, _ in inputs.frozen.paragraphs]


def test_a_merge_is_refused_naming_the_paragraphs(doc: Document, inputs: Inputs) -> None:
    a, b = doc.paragraphs[9], doc.paragraphs[10]
    merged = replace(a, source=a.source + " " + b.source, text=a.text + " " + b.text)
    rest = tuple(replace(p, number=p.number - 1) for p in doc.paragraphs[11:])
    broken = replace(doc, paragraphs=(*doc.paragraphs[:9], merged, *rest))
    with pytest.raises(EditionError) as err:
        number.check(broken, inputs.frozen, Path("content/numbering.yml"))
    message = str(err.value)
    assert "content/numbering.yml" in message
    assert "paragraph 10 (" in message and "split, merged or changed" in message
    assert "paragraph 12 (" in message and "renumbered 11" in message
    assert "edition freeze" in message


def test_a_split_is_refused(doc: Document, inputs: Inputs) -> None:
    p = doc.paragraphs[4]
    cut = p.source.index(". ") + 1
    one = replace(p, source=p.source[:cut], text=p.text[:cut])
    two = replace(p, source=p.source[cut + 1:], text=p.text[cut + 1:], number=p.number + 1)
    rest = tuple(replace(q, number=q.number + 1) for q in doc.paragraphs[5:])
    broken = replace(doc, paragraphs=(*doc.paragraphs[:4], one, two, *rest))
    with pytest.raises(EditionError, match=r"paragraph 5 .* split, merged or changed"):
        number.check(broken, inputs.frozen, Path("numbering.yml"))


def test_missing_frozen_file_says_how_to_freeze(doc: Document, inputs: Inputs) -> None:
    empty = replace(inputs.frozen, exists=False, paragraphs=(), sections=())
    with pytest.raises(EditionError, match="edition freeze"):
        number.check(doc, empty, Path("numbering.yml"))


def test_frozen_slug_survives_a_new_slug_rule(doc: Document, inputs: Inputs) -> None:
    renamed = replace(doc, sections=tuple(
        replace(s, slug=s.slug + "-x") if s.level else s for s in doc.sections))
    renamed = replace(renamed, paragraphs=tuple(
        replace(p, section=p.section + "-x") if p.section != doc.sections[0].slug else p
        for p in renamed.paragraphs))
    checked = number.check(renamed, inputs.frozen, Path("numbering.yml"))
    assert [s.slug for s in checked.sections] == [s.slug for s in doc.sections]
    assert [p.section for p in checked.paragraphs] == [p.section for p in doc.paragraphs]
