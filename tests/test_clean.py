"""Clean: page breaks, line breaks, compound hyphens and each correction, from fixture files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.errors import EditionError
from build_tools.model import Correction, Span
from build_tools.source import clean

CASES = yaml.safe_load((Path(__file__).parent / "fixtures/clean/cases.yml").read_text("utf-8"))
PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_unwrap(case: dict[str, Any]) -> None:
    blocks = clean.unwrap(case["source"], set(case.get("headings", [])),
                          {int(k): v for k, v in case.get("overrides", {}).items()})
    assert [b.text for b in blocks] == case["blocks"]
    assert [b.joined_page_break for b in blocks] == case["joined"]


def _corr(source: str, edition: str, kind: str = "conversion-slip") -> Correction:
    return Correction("c", kind, source, edition, "why", 7)


def test_correction_replaces_and_marks_only_the_changed_words() -> None:
    blocks = clean.unwrap("at its 63\" session in the autumn\n", set(), {})
    out = clean.apply_corrections(blocks, (_corr('its 63" session', "its 63rd session"),), "c.yml")
    assert out[0].text == "at its 63rd session in the autumn"
    (mark,) = out[0].corrections
    assert out[0].text[mark.start:mark.end] == "63rd"
    assert out[0].source == "at its 63\" session in the autumn"


def test_deletion_is_a_point_mark() -> None:
    blocks = clean.unwrap("information between. OIC and others\n", set(), {})
    out = clean.apply_corrections(blocks, (_corr("between. OIC", "between OIC"),), "c.yml")
    assert out[0].text == "information between OIC and others"
    (mark,) = out[0].corrections
    assert mark.start == mark.end == len("information between")


def test_addition_marks_the_added_words() -> None:
    blocks = clean.unwrap("resolution 1/2 of 4 December, the\n", set(), {})
    out = clean.apply_corrections(
        blocks, (_corr("of 4 December,", "of 4 December 2006,", "addition"),), "c.yml")
    (mark,) = out[0].corrections
    assert out[0].text[mark.start:mark.end] == "2006"


def test_later_correction_shifts_earlier_marks() -> None:
    blocks = clean.unwrap("aa bb cc dd\n", set(), {})
    out = clean.apply_corrections(blocks, (_corr("cc", "CCCC"), _corr("aa", "A")), "c.yml")
    assert out[0].text == "A bb CCCC dd"
    spans = out[0].corrections
    assert [out[0].text[s.start:s.end] for s in spans] == ["A", "CCCC"]


@pytest.mark.parametrize("text", ["nothing to see\n", "twice twice\n\ntwice\n"])
def test_correction_must_match_exactly_once(text: str) -> None:
    blocks = clean.unwrap(text, set(), {})
    with pytest.raises(EditionError) as err:
        clean.apply_corrections(blocks, (_corr("twice", "once"),), "content/corrections.yml")
    assert "content/corrections.yml:7" in str(err.value)
    assert ("nowhere" in str(err.value)) or ("times" in str(err.value))


def test_each_listed_correction_of_the_edition_applies_once() -> None:
    from build_tools.source.load import load_inputs

    inputs = load_inputs(PROJECT / "content", PROJECT / "annexes")
    blocks = clean.clean(inputs)
    marks: list[Span] = [s for b in blocks for s in b.corrections]
    assert sorted(s.key for s in marks) == sorted(c.id for c in inputs.corrections)
    for c in inputs.corrections:
        block = next(b for b in blocks if any(s.key == c.id for s in b.corrections))
        assert c.edition in block.text
        assert c.source in block.source
