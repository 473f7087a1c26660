"""Repeated paragraphs: each copy of a word-for-word repeated paragraph keeps its own number."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.errors import EditionError
from build_tools.model import Document, Paragraph, Section
from build_tools.source import number


def _doc(texts: list[str]) -> Document:
    front = Section("front", "Front", 0, None, 1)
    paras = tuple(Paragraph(i, t, t, i, "front") for i, t in enumerate(texts, start=1))
    return Document("T", "D", (front,), paras)


def test_a_repeated_paragraph_freezes_and_checks(tmp_path: Path) -> None:
    doc = _doc(["One.", "Same words.", "Two.", "Same words.", "Three."])
    target = tmp_path / "numbering.yml"
    number.freeze(doc, target)
    from build_tools.source.load import read_frozen

    frozen = read_frozen(target)
    checked = number.check(doc, frozen, target)
    assert [p.number for p in checked.paragraphs] == [1, 2, 3, 4, 5]


def test_a_moved_copy_of_a_repeated_paragraph_is_still_refused(tmp_path: Path) -> None:
    target = tmp_path / "numbering.yml"
    number.freeze(_doc(["One.", "Same words.", "Two.", "Same words."]), target)
    from build_tools.source.load import read_frozen

    frozen = read_frozen(target)
    moved = _doc(["Same words.", "One.", "Two.", "Same words."])
    with pytest.raises(EditionError, match=r"paragraph 2 .* renumbered 1"):
        number.check(moved, frozen, target)


def test_a_changed_address_of_the_documents_own_is_refused(tmp_path: Path) -> None:
    from dataclasses import replace

    from build_tools.source.load import read_frozen

    doc = _doc(["Recalling.", "Decides.", "Requests."])
    own = replace(doc, paragraphs=tuple(
        replace(p, address=a) for p, a in zip(doc.paragraphs,
                                              ("preamble__recital_1", "para_1", "para_2"),
                                              strict=True)))
    target = tmp_path / "numbering.yml"
    number.freeze(own, target)
    assert "id: para_1" in target.read_text("utf-8")
    frozen = read_frozen(target)
    assert number.check(own, frozen, target) is not None
    moved = replace(own, paragraphs=(*own.paragraphs[:2],
                                     replace(own.paragraphs[2], address="para_1__subpara_a")))
    with pytest.raises(EditionError, match="paragraph 3 would change its address from para_2"):
        number.check(moved, frozen, target)
