"""The inline stylesheet: Material's dark scheme on :root for dark systems, then the edition's."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import FIXTURES

from build_tools import style_hook, theme_css
from build_tools.model import Build, Paths

PALETTE = (FIXTURES / "theme" / "palette.css").read_text(encoding="utf-8")
MATERIAL = Path(material.__file__).parent / "templates"


def test_the_dark_scheme_is_materials_rules_for_it_on_root() -> None:
    assert theme_css.dark_scheme(PALETTE) == (
        "@media screen and (prefers-color-scheme: dark){"
        "@media screen{:root{color-scheme:dark;--md-default-bg-color:#1e2129}"
        ':root img[src$="#only-light"],:root img[src$="#gh-light-mode-only"]{display:none}}'
        ":root .md-x:is(.a,.b){color:red}"
        '@media screen and (min-width:60em){:root .md-search__form{background:#000}}}')


def test_rules_for_a_colour_or_the_switch_are_left_out() -> None:
    """Without Material's toggle nothing sets a primary, accent or switching attribute."""
    dark = theme_css.dark_scheme(PALETTE)
    assert "data-md-color" not in dark
    assert "#ed5487" not in dark and "#ff1a47" not in dark and "transition" not in dark


def test_a_scheme_material_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match="no rules for scheme 'sepia'"):
        theme_css.dark_scheme(PALETTE, scheme="sepia")


def test_the_installed_materials_dark_scheme(tmp_path: Path) -> None:
    css = theme_css.site_css([MATERIAL], [])
    assert css.startswith("@media screen and (prefers-color-scheme: dark){")
    assert ":root{color-scheme:dark;" in css and "--md-default-bg-color:" in css
    assert "data-md-color" not in css
    with pytest.raises(FileNotFoundError):
        theme_css.palette_source([tmp_path])


def test_a_stylesheet_that_would_close_the_style_element_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.css"
    bad.write_text('.x::before { content: "</style><script>"; }', encoding="utf-8")
    theme = tmp_path / "theme" / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    (theme / "palette.0123abcd.min.css").write_text(PALETTE, encoding="utf-8")
    with pytest.raises(ValueError, match="</style"):
        theme_css.site_css([tmp_path / "theme"], [bad])


def test_every_page_carries_the_styles_inline_and_no_other_stylesheet(
        built: tuple[Build, Paths]) -> None:
    """One render-blocking request for styles, Material's main.css, as on an untouched site."""
    site = built[1].site
    own = theme_css.site_css([MATERIAL], style_hook.STYLESHEETS)
    pages = [p for p in site.rglob("*.html") if "http-equiv" not in p.read_text("utf-8")[:4000]]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert [Path(h).name.split(".")[0] for h in links] == ["main"], (page, links)
        assert f"<style>{own}</style>" in html, page
        body = re.search(r"<body[^>]*>", html)
        assert body and "data-md-color" not in body.group(0), page
