"""Accessible names Material's markup leaves out, written into every page at build time
(build_tools/site/names_hook.py): heading permalinks, the search dialog, section toggles."""

from __future__ import annotations

import re

from build_tools.model import Build, Paths
from build_tools.site.names_hook import named

# Material 9's markup for these, as it writes them (whitespace as the minifier leaves it).
PAGE = (
    '<h2 id="a">Aims<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
    '<div class="md-search" data-md-component="search" role="dialog"> <div class="md-search__inner"'
    ' role="search"> <form> <input type="text" class="md-search__input" name="query" '
    'aria-label="Suche" placeholder="Suche"> </form> </div> </div>'
    '<li class="md-nav__item"> <a href="../.." class="md-nav__link"> <span class="md-ellipsis">'
    ' Home </span> </a> </li>'
    '<div class="md-nav__link md-nav__container"> <a href="../../p/" class="md-nav__link ">'
    ' <span class="md-ellipsis"> Peace &amp; Security </span> </a> <label class="md-nav__link "'
    ' for="__nav_2" id="__nav_2_label" tabindex="0"> <span class="md-nav__icon md-icon"></span>'
    ' </label> </div>'
    '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0"> <span '
    'class="md-ellipsis"> Annexes </span> <span class="md-nav__icon md-icon"></span> </label>')


def test_material_markup_gets_its_names() -> None:
    out = named(PAGE)
    assert '<a class="headerlink" href="#a" aria-label="Permanent link">' in out
    assert 'role="dialog" aria-label="Suche">' in out
    # The toggle beside a section's own page reads as the section; Home is not a toggle, and a
    # toggle with its own words is left as it is.
    assert re.findall(r'<span class="ed-sr-only">([^<]*)</span>', out) == ["Peace &amp; Security"]
    assert ('tabindex="0"> <span class="ed-sr-only">Peace &amp; Security</span><span '
            'class="md-nav__icon md-icon"></span>') in out
    assert named(out) == out


def test_markup_without_these_parts_is_left_alone() -> None:
    html = '<div class="md-search" role="dialog"></div><p>Text</p>'
    assert named(html) == html


def test_every_page_names_its_search_dialog_and_section_toggles(
        built: tuple[Build, Paths]) -> None:
    pages = [p for p in built[1].site.rglob("*.html")
             if 'class="md-search"' in p.read_text(encoding="utf-8")]
    assert len(pages) > 20
    toggles = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        dialog = r'<div class="md-search"[^>]*role="dialog" aria-label="Search"'
        assert re.search(dialog, html), page
        for label in re.findall(r'<label class="md-nav__link[^"]*"[^>]*_label"[^>]*>(.*?)</label>',
                                html, re.DOTALL):
            toggles += 1
            assert re.sub(r"<[^>]+>", "", label).strip(), (page, label)
    assert toggles > 20
