"""A reader searches the online site (served on loopback) and lands on the paragraph."""

from __future__ import annotations

import re

import pytest
from search_helpers import Hit, in_viewport, paragraph_hits, search

from build_tools.model import Build, Paths

pytestmark = pytest.mark.browser


def _numbers_using(build: Build, word: str) -> set[int]:
    token = re.compile(rf"(?<![\w$]){re.escape(word)}(?![\w$])")
    return {p.number for p in build.doc.paragraphs if token.search(p.text)}


def test_an_acronym_finds_its_paragraphs_and_its_glossary_entry(
        page, site_url: str, built: tuple[Build, Paths]) -> None:
    page.goto(site_url)
    hits = search(page, "UNAMI")
    using = _numbers_using(built[0], "UNAMI")
    found = {h.para for h in paragraph_hits(hits)}
    assert using and using <= found, f"paragraphs using UNAMI {using}, search found {found}"
    # The glossary entry comes first (its title is the acronym); search is by prefix, as in
    # Material, so UNAMID's paragraphs are found too, after it.
    entry = next(h for h in hits if "#" in h.href)
    assert "indexes/bodies/" in entry.href and entry.title.startswith("UNAMI "), hits[:3]
    titles = [h.title for h in paragraph_hits(hits)]
    assert any(re.fullmatch(r"¶ \d+ · Iraq", t) for t in titles), titles


def test_a_full_name_finds_paragraphs_that_use_only_the_acronym(
        page, site_url: str, built: tuple[Build, Paths]) -> None:
    build = built[0]
    only_acronym = {p.number for p in build.doc.paragraphs
                    if "UNHCR" in p.text and "High Commissioner" not in p.text}
    assert only_acronym, "the text should use UNHCR without its full name somewhere"
    page.goto(site_url)
    hits = paragraph_hits(search(page, "High Commissioner for Refugees"))
    assert hits and hits[0].para in only_acronym, hits[:5]
    assert only_acronym <= {h.para for h in hits}


def test_the_first_result_for_a_phrase_opens_its_paragraph(
        page, site_url: str, built: tuple[Build, Paths]) -> None:
    phrase = "restore its strong presence"
    (target,) = [p.number for p in built[0].doc.paragraphs if phrase in p.text]
    page.goto(site_url)
    hits = search(page, phrase)
    first = paragraph_hits(hits)[0]
    assert first.para == target, hits[:5]
    assert first.title.startswith(f"¶ {target} · ")
    # Enter opens the best result, as Material does; the reader lands on the paragraph.
    page.locator("input[data-md-component=search-query]").press("Enter")
    page.wait_for_url(re.compile(rf"#para_{target}$"))
    assert in_viewport(page, f"#para_{target}")
    # The search words are highlighted on the page (Material's search.highlight), once Material
    # has mounted and its search index is loaded: wait for it (fails after 10 s without a mark).
    page.locator(f"#para_{target} mark").first.wait_for(timeout=10_000)
    assert page.locator(f"#para_{target} mark").count() >= 1


def test_clicking_a_paragraph_result_lands_on_it(page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "UNAMI")
    shown = page.locator('a.md-search-result__link[href*="#para_"]:visible').first
    hit = Hit(shown.get_attribute("href") or "", "")
    assert hit.para is not None
    shown.click()
    page.wait_for_url(re.compile(rf"#para_{hit.para}$"))
    assert in_viewport(page, f"#para_{hit.para}")
    assert page.locator(f"#para_{hit.para}").inner_text().lstrip().startswith(str(hit.para))
