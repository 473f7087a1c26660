"""Reading and sharing (issue 20) in the generated Markdown: an entry links once per section page,
title case for the navigation and citations, the home page's orientation, About's marks and
corrections in the order of the text, the source linked to its download."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import project_paths

from build_tools import pipeline
from build_tools.model import Build
from build_tools.pages import cite, render, titles

LINK = re.compile(r"\]\(([^)]*#(?:body|term|person|place|instrument)-[^)]+)\)")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return pipeline.generate(project_paths(tmp_path_factory.mktemp("reading")))


def _pages(build: Build) -> dict[str, str]:
    return {f.path: f.content for f in build.files if isinstance(f.content, str)}


def test_title_case_only_for_headings_in_capitals() -> None:
    keep = frozenset({"UN", "OIC"})
    assert titles.title_case("COOPERATION IN THE MAINTENANCE OF PEACE AND SECURITY", keep) == \
        "Cooperation in the Maintenance of Peace and Security"
    assert titles.title_case("UN-OIC COOPERATION IN PEACE-BUILDING", keep) == \
        "UN-OIC Cooperation in Peace-Building"
    assert titles.title_case("THE ROLE OF THE OIC", keep) == "The Role of the OIC"
    assert titles.title_case("Middle East and Palestine", keep) == "Middle East and Palestine"
    assert titles.title_case("1990", keep) == "1990"


def test_an_entry_links_once_per_section_page_and_later_mentions_wait(build: Build) -> None:
    pages = _pages(build)
    later = 0
    for slug in (s.slug for s in build.doc.sections):
        text = pages[build.page(slug)].split('<aside class="deals-with"')[0]
        targets = LINK.findall(text)
        assert len(targets) == len(set(targets)), (slug, targets)
        later += text.count("<span data-m=")
        for key in re.findall(r'<span data-m="([^"]+)">', text):
            assert any(t.endswith("#" + key) for t in targets), (slug, key)
    assert later > 0


def test_navigation_and_citations_show_title_case_and_the_text_keeps_the_case(
        build: Build) -> None:
    caps = [s for s in build.doc.sections if s.level > 0 and s.title.isupper()]
    assert caps
    nav = repr(build.nav)
    page = _pages(build)[build.page(caps[0].slug)]
    for s in caps:
        assert titles.display(build, s) in nav and s.title not in nav
    assert page.startswith(f"# {caps[0].title}\n")
    p = next(p for p in build.doc.paragraphs if p.section == caps[0].slug)
    assert f"\u201c{titles.display(build, caps[0])}\u201d" in cite.text(
        build.inputs.meta, cite.paragraph_cited(build, p))


def test_the_home_page_orients_before_the_text(build: Build) -> None:
    home = _pages(build)[render.HOME]
    orient = home.index('<div class="orient"')
    assert home.index("# ") < orient < home.index('{: #para_1 ')
    block = home[orient:home.index("</div>", orient)]
    for target in ("#para_1", "#contents", cite.HOW_TO_CITE, render.EDITION_PAGE,
                   "downloads/index.md#offline"):
        assert f"]({target})" in block, target
    assert "## Contents { #contents }" in home


def test_about_explains_the_marks_and_lists_corrections_in_text_order(build: Build) -> None:
    about = _pages(build)[render.EDITION_PAGE]
    marks = about[about.index("## Marks in the text"):about.index("## The source")]
    for mark in ("<abbr title=", 'class="ed-corr"', 'class="ed-add"'):
        assert mark in marks, mark
    table = about[about.index("## Corrections"):about.index("## Page breaks")]
    numbers = [int(n) for n in re.findall(r"^\| \[(\d+)\]", table, re.MULTILINE)]
    assert len(numbers) == len(build.inputs.corrections) and numbers == sorted(numbers)
    source = Path(str(build.inputs.meta["source_file"])).name
    assert re.search(rf"- File: \[`[^`]*{re.escape(source)}`\]\(downloads/index\.md#"
                     rf"[^)]*{re.escape(source)}\)", about)
