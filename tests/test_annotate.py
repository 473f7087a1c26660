"""Matching mentions: case, token boundaries, longest match, overlaps, nesting, ambiguity rules,
corrections; then one test per ambiguous occurrence of the real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import project_paths

from build_tools import pipeline
from build_tools.annotation import annotate
from build_tools.errors import EditionError
from build_tools.model import Build, Entry, Span


def entry(key: str, forms: list[str], abbr: list[str] | None = None, kind: str = "body",
          when_near: list[str] | None = None, line: int = 1) -> Entry:
    return Entry(kind=kind, key=key, name=key.upper() + " full name", forms=tuple(forms),
                 abbr=tuple(abbr or ()), when_near=tuple(when_near or ()),
                 file=f"index/{kind}.yml", line=line)


UN = entry("un", ["United Nations", "UN"], ["UN"])
OIC = entry("oic", ["Organization of the Islamic Conference", "OIC"], ["OIC"])
WHO = entry("who", ["World Health Organization", "WHO"], ["WHO"])
HABITAT = entry("un-habitat", ["UN-HABITAT"], ["UN-HABITAT"])
ISDR = entry("un-isdr", ["UN/ISDR", "ISDR"], ["UN/ISDR", "ISDR"])
ICYF = entry("icyf-dc", ["ICYF-DC", "ICYF"], ["ICYF-DC", "ICYF"])
GENSEC = entry("oic-general-secretariat", ["OIC General Secretariat"])
US = entry("us", ["US"], ["US"], kind="place")
ALL = [UN, OIC, WHO, HABITAT, ISDR, ICYF, GENSEC, US]


def mentions(text: str, entries: list[Entry] | None = None,
             protected: tuple[Span, ...] = ()) -> list[tuple[str, str, bool]]:
    spans, _ = annotate.find(text, annotate.matcher(entries or ALL), protected)
    return [(text[s.start:s.end], s.key, s.abbr) for s in spans]


def test_case_sensitive() -> None:
    assert mentions("who decided? WHO did.") == [("WHO", "who", True)]


def test_whole_tokens_only() -> None:
    assert mentions("UNOG and UNHCR and UNS and XUN") == []


def test_apostrophe_and_punctuation_are_boundaries() -> None:
    assert mentions("the OIC’s role (UN).") == [("OIC", "oic", True), ("UN", "un", True)]


@pytest.mark.parametrize("text", ["OIC-UN general meeting", "UN-OIC general meeting"])
def test_hyphenated_compound_links_both_parts(text: str) -> None:
    assert {m[1] for m in mentions(text)} == {"un", "oic"}
    assert len(mentions(text)) == 2


def test_dollar_is_a_token_character() -> None:
    assert mentions("a Special US$16 million Fund") == []
    assert mentions("the US position") == [("US", "us", True)]


@pytest.mark.parametrize("text, form, key", [
    ("the UN-HABITAT programme", "UN-HABITAT", "un-habitat"),
    ("the UN/ISDR secretariat", "UN/ISDR", "un-isdr"),
    ("and ICYF-DC.", "ICYF-DC", "icyf-dc"),
])
def test_longest_match_wins(text: str, form: str, key: str) -> None:
    assert mentions(text) == [(form, key, True)]


def test_shorter_form_still_matches_alone() -> None:
    assert mentions("ICYF, ISDR") == [("ICYF", "icyf-dc", True), ("ISDR", "un-isdr", True)]


def test_overlapping_forms_longest_first_without_overlap() -> None:
    ab = entry("ab", ["Alpha Beta"])
    bcd = entry("bcd", ["Beta Gamma Delta"])
    text = "Alpha Beta Gamma Delta"
    assert mentions(text, [ab, bcd]) == [("Beta Gamma Delta", "bcd", False)]


def test_abbreviation_nested_in_a_longer_name() -> None:
    found = mentions("The OIC General Secretariat agreed.")
    assert found == [("OIC General Secretariat", "oic-general-secretariat", False),
                     ("OIC", "oic", True)]


def test_first_mention_per_paragraph_links_not_nested() -> None:
    spans, _ = annotate.find("The OIC General Secretariat and the OIC and the OIC.",
                             annotate.matcher(ALL))
    links = [(s.key, s.start) for s in spans if s.link]
    # The name links; the nested OIC cannot (a link in a link); the next OIC is the first link.
    assert links == [("oic-general-secretariat", 4), ("oic", 36)]


def test_full_name_and_acronym_are_separate_mentions() -> None:
    assert mentions("World Health Organization (WHO)") == [
        ("World Health Organization", "who", False), ("WHO", "who", True)]


# --- the ambiguity rule -------------------------------------------------------------------

DPA = entry("dpa", ["Department of Political Affairs", "DPA"], ["DPA"], line=10)
DARFUR = entry("darfur-peace-agreement", ["Darfur Peace Agreement", "DPA"], ["DPA"],
               kind="instrument", when_near=["Darfur Peace Agreement"], line=20)


def test_when_near_picks_the_reading_in_its_paragraph() -> None:
    assert mentions("the Darfur Peace Agreement (DPA)", [DPA, DARFUR])[-1] == (
        "DPA", "darfur-peace-agreement", True)


def test_default_reading_elsewhere() -> None:
    assert mentions("DPA and the OIC", [DPA, DARFUR, OIC])[0] == ("DPA", "dpa", True)


def test_two_defaults_for_one_form_is_an_error_naming_both() -> None:
    other = entry("dpa2", ["DPA"], ["DPA"], kind="instrument", line=33)
    with pytest.raises(EditionError) as err:
        annotate.matcher([DPA, other])
    message = str(err.value)
    assert "index/body.yml:10" in message and "index/instrument.yml:33" in message
    assert "'dpa'" in message and "'dpa2'" in message


def test_two_when_near_rules_in_one_paragraph_is_an_error() -> None:
    a = entry("srsg-a", ["SRSG"], ["SRSG"], kind="term", when_near=["Afghanistan"], line=3)
    b = entry("srsg-s", ["SRSG"], ["SRSG"], kind="term", when_near=["Somalia"], line=4)
    with pytest.raises(EditionError, match=r"srsg-a.*srsg-s"):
        annotate.find("the SRSG for Afghanistan and Somalia", annotate.matcher([a, b]))


def test_occurrence_no_rule_claims_is_unresolved() -> None:
    a = entry("srsg-a", ["SRSG"], ["SRSG"], kind="term", when_near=["Afghanistan"])
    spans, unresolved = annotate.find("the SRSG said", annotate.matcher([a]))
    assert spans == [] and [u.form for u in unresolved] == ["SRSG"]


# --- corrections ---------------------------------------------------------------------------

def test_mention_may_hold_or_stand_beside_a_correction() -> None:
    text = "the UNHCR and WHO"
    unhcr = entry("unhcr", ["UNHCR"], ["UNHCR"])
    inside = Span(5, 7, "correction", "c1")
    beside = Span(9, 9, "correction", "c2")
    assert len(mentions(text, [unhcr, WHO], (inside, beside))) == 2


def test_mention_crossing_a_correction_is_an_error() -> None:
    text = "the UNHCR office"
    unhcr = entry("unhcr", ["UNHCR"], ["UNHCR"])
    with pytest.raises(EditionError, match="crosses the correction 'c1'"):
        annotate.find(text, annotate.matcher([unhcr]), (Span(7, 12, "correction", "c1"),))


# --- the real text: one test per ambiguous occurrence --------------------------------------

@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> Build:
    stages = tuple(s for s in pipeline.STAGES
                   if s[0] in ("check", "clean", "segment", "number", "notes", "annotate"))
    return pipeline.generate(project_paths(Path(tmp_path_factory.mktemp("annotate"))), stages)


def readings(build: Build, number: int, form: str) -> list[str]:
    p = build.doc.paragraph(number)
    return [s.key for s in p.spans if p.text[s.start:s.end] == form]


def paragraphs_with(build: Build, form: str) -> list[int]:
    return [p.number for p in build.doc.paragraphs
            if annotate.occurrences(p.text, form)]


def test_dpa_in_paragraph_36_is_the_darfur_peace_agreement(annotated: Build) -> None:
    assert readings(annotated, 36, "DPA") == ["darfur-peace-agreement"]


@pytest.mark.parametrize("number", [3, 7, 8, 12, 18, 19])
def test_dpa_elsewhere_is_the_department(annotated: Build, number: int) -> None:
    found = readings(annotated, number, "DPA")
    assert found and set(found) == {"dpa"}


def test_every_dpa_paragraph_is_tested(annotated: Build) -> None:
    assert paragraphs_with(annotated, "DPA") == [3, 7, 8, 12, 18, 19, 36]


def test_srsg_in_paragraph_39_is_the_representative_for_afghanistan(annotated: Build) -> None:
    assert readings(annotated, 39, "SRSG") == ["srsg-afghanistan", "srsg-afghanistan"]


def test_srsg_in_paragraph_44_is_the_representative_for_somalia(annotated: Build) -> None:
    assert readings(annotated, 44, "SRSG") == ["srsg-somalia"]


def test_every_srsg_paragraph_is_tested(annotated: Build) -> None:
    assert paragraphs_with(annotated, "SRSG") == [39, 44]


def test_general_cooperation_meeting_in_paragraph_18_is_rabat(annotated: Build) -> None:
    assert readings(annotated, 18, "general cooperation meeting") == ["general-meeting-rabat"]


def test_general_cooperation_meeting_in_paragraph_14_is_istanbul_2010(annotated: Build) -> None:
    assert readings(annotated, 14, "general cooperation meeting") == ["general-meeting-2010"]


def test_every_general_cooperation_meeting_paragraph_is_tested(annotated: Build) -> None:
    assert paragraphs_with(annotated, "general cooperation meeting") == [14, 18]


def test_wto_is_the_tourism_organization(annotated: Build) -> None:
    assert readings(annotated, 5, "WTO") == ["unwto"]


def test_us_dollar_is_not_a_mention(annotated: Build) -> None:
    p = annotated.doc.paragraph(40)
    at = p.text.index("US$16")
    assert not any(s.start <= at < s.end and s.abbr for s in p.spans)
