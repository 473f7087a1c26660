"""What every page carries inline: Material's dark scheme on :root for dark systems, then the
edition's stylesheet; the edition's script after Material's, and not Material's palette script
(the edition has no palette toggle). Heading permalinks: named, no title."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import tinycss2
from conftest import FIXTURES
from rcssmin import cssmin

from build_tools.model import Build, Paths
from build_tools.site import after_paint, inline, theme_css

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


def _preludes(css: str) -> list[str]:
    """Every rule's selector or at-rule prelude in order, written one way: what a minifier may
    change (comments, spaces that separate nothing) is dropped; a descendant space is kept."""
    out = []
    for rule in tinycss2.parse_rule_list(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            text = re.sub(r"\s+", " ", tinycss2.serialize(rule.prelude)).strip()
            out.append(re.sub(r" ?([,>+~()]) ?", r"\1", text))
        elif rule.type == "at-rule":
            out.append("@" + re.sub(r"\s+", "", tinycss2.serialize(rule.prelude)))
            if rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                out.extend(_preludes(tinycss2.serialize(rule.content)))
    return out


@pytest.mark.parametrize("css", [
    "@media (hover: none) {\n  .a p.b :is(a.c, .d) { opacity: 1; }\n}\n",
    *(p.read_text(encoding="utf-8") for p in inline.TEXT_STYLESHEETS)])
def test_minifying_keeps_every_selector(css: str) -> None:
    """csscompressor wrote "p.b:is(...)" for "p.b :is(...)" inside @media: it hid the touch
    screens' permalinks. rcssmin keeps the descendant space."""
    assert _preludes(cssmin(css)) == _preludes(css)
    assert len(_preludes(css)) > 1


def test_the_installed_materials_dark_scheme(tmp_path: Path) -> None:
    css = theme_css.site_css([MATERIAL], [])
    assert css.startswith("@media screen and (prefers-color-scheme:dark){")
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


def test_a_script_that_would_close_the_script_element_is_refused(tmp_path: Path) -> None:
    for text in ('var s = "</script>";', "var s = '<!-- x';"):
        bad = tmp_path / "bad.js"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match="</script"):
            inline.site_js([bad])


def test_every_page_carries_style_and_script_inline_and_requests_no_other(
        built: tuple[Build, Paths]) -> None:
    """The requests a page makes as it loads are an untouched Material site's: main.css for
    styles, bundle.js for scripts (started after the first paint); the edition's own come inside
    the page."""
    site = built[1].site
    style = {False: theme_css.site_css([MATERIAL], inline.STYLESHEETS),
             True: theme_css.site_css([MATERIAL], inline.TEXT_STYLESHEETS)}
    scripts_of = {False: inline.site_js(inline.SCRIPTS), True: inline.site_js(inline.TEXT_SCRIPTS)}
    assert "cite-data" in scripts_of[True] and "cite-data" not in scripts_of[False]
    assert ".cite-panel" in style[True] and ".cite-panel" not in style[False]
    # The resolver's redirects aside (every page has an http-equiv: its security policy).
    pages = [p for p in site.rglob("*.html")
             if 'http-equiv="refresh"' not in p.read_text("utf-8")[:4000]]
    assert len(pages) > 20
    named = 0
    kinds = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        text = kinds[page.relative_to(site).as_posix()] = (
            'class="para"' in html or 'class="cite-data"' in html)
        own, script = style[text], scripts_of[text]
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert [Path(h).name.split(".")[0] for h in links] == ["main"], (page, links)
        scripts = re.findall(r'<script[^>]* src="([^"]+)"', html)
        assert [Path(h).name.split(".")[0] for h in scripts] == ["bundle"], (page, scripts)
        # Held, for the page's own script to start after the first paint (after_paint.py).
        assert f'<script {after_paint.HELD} src="{scripts[0]}">' in html, page
        assert f"<style>{own}</style>" in html, page
        assert html.count(f"<script>{script}</script>") == 1, page
        assert "__palette" not in html, page
        assert not re.search(r'<a class="headerlink"[^>]* title=', html), page
        named += len(re.findall(r'<a class="headerlink" href="#[^"]+" aria-label="[^"]+"', html))
        body = re.search(r"<body[^>]*>", html)
        assert body and "data-md-color" not in body.group(0), page
    assert named > 50
    assert kinds["iraq/index.html"] and kinds["print/index.html"]
    assert not kinds["indexes/bodies/index.html"] and not kinds["404.html"]


def _classes(css: str) -> set[str]:
    """The edition's own class names in a stylesheet's selectors (md-* are Material's)."""
    return {name for prelude in _preludes(css) if not prelude.startswith("@")
            for name in re.findall(r"\.([A-Za-z][\w-]*)", prelude) if not name.startswith("md-")}


def test_a_page_without_the_texts_style_uses_none_of_its_classes(
        built: tuple[Build, Paths]) -> None:
    """What text.css alone styles (numbers, notes, cite, the closing boxes) never appears on a
    page that is sent without it: the split keeps the largest index within the first window."""
    text_only = (_classes((inline.FOLDER / "text.css").read_text(encoding="utf-8"))
                 - _classes((inline.FOLDER / "edition.css").read_text(encoding="utf-8")))
    assert {"para", "footnote", "deals-with", "cite-btn"} <= text_only
    site = built[1].site
    checked = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if inline.is_text_page(html) or 'http-equiv="refresh"' in html[:4000]:
            continue
        body = re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)
        used = {c for attr in re.findall(r'class="([^"]*)"', body) for c in attr.split()}
        assert not used & text_only, (page, used & text_only)
        checked += 1
    assert checked >= 15
