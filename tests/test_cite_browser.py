"""A reader follows a p/N address and cites a paragraph with the keyboard, online and offline."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pybtex.database import parse_string

from build_tools.model import Build, Paths
from build_tools.pages import cite

pytestmark = pytest.mark.browser

N = 29  # a paragraph well down its page, so landing on it needs a scroll


@pytest.fixture(scope="module")
def offline_root(built: tuple[Build, Paths], tmp_path_factory: pytest.TempPathFactory) -> Path:
    [bundle] = sorted(built[1].dist.glob("*-offline.zip"))
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(bundle) as z:
        z.extractall(out)
    [root] = [d for d in out.iterdir() if d.is_dir()]
    return root


@pytest.fixture
def clip_page(page: object) -> Iterator[object]:
    """The shared page (external requests fail the test), allowed to use the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    yield page


def landed(page: object, n: int) -> None:
    """The address has led to paragraph n: targeted, highlighted, visible below the header."""
    pg: object = page
    # A function, not an expression: Playwright evaluates an expression with eval, which the
    # pages' Content-Security-Policy refuses.
    pg.wait_for_function(f"() => location.hash === '#para_{n}'")  # type: ignore[attr-defined]
    assert pg.evaluate("document.querySelector(':target').id") == f"para_{n}"  # type: ignore[attr-defined]
    para = pg.locator(f"#para_{n}")  # type: ignore[attr-defined]
    assert para.inner_text().startswith(str(n))
    look = ("e => ['backgroundColor', 'boxShadow', 'outlineStyle', 'borderLeftStyle']"
            ".map(k => getComputedStyle(e)[k]).join(' | ')")
    other = pg.locator(f"#para_{n + 1}")  # type: ignore[attr-defined]
    assert para.evaluate(look) != other.evaluate(look), "the targeted paragraph is not marked"
    box = para.bounding_box()
    header = pg.locator("header.md-header").bounding_box()  # type: ignore[attr-defined]
    height = pg.evaluate("innerHeight")  # type: ignore[attr-defined]
    assert box["y"] >= header["y"] + header["height"], "the paragraph is under the header"
    assert box["y"] < height / 2, "the paragraph is not brought into view"
    assert pg.evaluate("scrollY") > 0  # type: ignore[attr-defined]


def cite_with_keyboard(page: object, n: int) -> dict[str, str]:
    """Tab from the paragraph to its cite button, press Enter; return clipboard and panel."""
    pg: object = page
    for _ in range(40):
        pg.keyboard.press("Tab")  # type: ignore[attr-defined]
        focused = pg.evaluate(  # type: ignore[attr-defined]
            "document.activeElement.getAttribute('aria-label')")
        if focused == f"Cite paragraph {n}":
            break
    else:
        pytest.fail(f"Tab never reached the cite button of paragraph {n}")
    pg.keyboard.press("Enter")  # type: ignore[attr-defined]
    toast = pg.locator("#cite-panel [role=status]")  # type: ignore[attr-defined]
    toast.get_by_text(f"Citation of paragraph {n} copied").wait_for()
    assert toast.is_visible()
    button = pg.locator(f"#para_{n} button.cite-btn")  # type: ignore[attr-defined]
    assert button.get_attribute("aria-expanded") == "true"
    panel = pg.locator("#cite-panel")  # type: ignore[attr-defined]
    assert panel.is_visible()
    got = {"clipboard": pg.evaluate("navigator.clipboard.readText()")}  # type: ignore[attr-defined]
    for fmt in ("text", "bibtex", "csl"):
        got[fmt] = pg.locator(f"#cite-panel-{fmt}").input_value()  # type: ignore[attr-defined]
    pg.keyboard.press("Tab")  # type: ignore[attr-defined]
    pg.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert panel.is_hidden()
    assert pg.evaluate("document.activeElement.dataset.cite") == f"p{n}"  # type: ignore[attr-defined]
    return got


def check_citation(build: Build, got: dict[str, str], n: int) -> None:
    meta = build.inputs.meta
    p = build.doc.paragraph(n)
    url = cite.permanent_url(meta, n)
    text = got["clipboard"]
    assert text == got["text"]
    title = " ".join(str(meta["document_title"]).split())
    section = build.doc.section(p.section).title
    for part in (title, str(meta["document_place"]), f"para. {n}", f"\u201c{section}\u201d",
                 cite.date_text(meta.get("document_date_start"), meta["document_date"]),
                 str(meta["edition_version"])):
        assert part in text
    assert " ".join(str(meta["document_meeting"]).split()) in text + title
    assert text.endswith(" " + url)
    [entry] = parse_string(got["bibtex"], "bibtex").entries.values()
    assert entry.fields["url"] == url and entry.fields["title"] == "{" + title + "}"
    assert f"para. {n}" in entry.fields["note"]
    # The page carries CSL compact; the reader gets exactly what the build's csl_json writes.
    assert got["csl"] == cite.csl_json(meta, cite.paragraph_cited(build, p))
    [item] = json.loads(got["csl"])
    assert item["URL"] == url and item["title"] == title and item["note"] == f"para. {n}"
    assert item["section"] == section


def test_resolver_address_lands_on_the_highlighted_paragraph(page: object, site_url: str) -> None:
    page.goto(f"{site_url}p/{N}/")  # type: ignore[attr-defined]
    landed(page, N)
    assert page.url.endswith(f"#para_{N}")  # type: ignore[attr-defined]


def test_resolver_works_without_javascript(browser: object, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        pg = context.new_page()
        pg.goto(f"{site_url}p/{N}/")
        pg.wait_for_url(f"**/#para_{N}")
        assert pg.locator(f"#para_{N}").is_visible()
    finally:
        context.close()


def test_cite_with_the_keyboard(clip_page: object, site_url: str,
                                built: tuple[Build, Paths]) -> None:
    clip_page.goto(f"{site_url}p/{N}/")  # type: ignore[attr-defined]
    landed(clip_page, N)
    check_citation(built[0], cite_with_keyboard(clip_page, N), N)


def test_permalink_shows_on_focus(page: object, site_url: str) -> None:
    page.goto(f"{site_url}p/{N}/")  # type: ignore[attr-defined]
    landed(page, N)
    link = page.locator(f"#para_{N + 1} a.plink")  # type: ignore[attr-defined]
    assert link.evaluate("e => getComputedStyle(e).opacity") == "0"
    link.focus()
    page.wait_for_function(  # type: ignore[attr-defined]
        f"() => getComputedStyle(document.querySelector('#para_{N + 1} a.plink')).opacity"
        " === '1'")
    assert link.get_attribute("href") == f"#para_{N + 1}"


def test_section_citation_copies(clip_page: object, site_url: str,
                                 built: tuple[Build, Paths]) -> None:
    build = built[0]
    p = build.doc.paragraph(N)
    section = build.doc.section(p.section)
    clip_page.goto(f"{site_url}p/{N}/")  # type: ignore[attr-defined]
    landed(clip_page, N)
    clip_page.locator("button.cite-btn--section").click()  # type: ignore[attr-defined]
    clip_page.locator("#cite-panel [role=status]").get_by_text("copied").wait_for()  # type: ignore[attr-defined]
    expected = cite.text(build.inputs.meta, cite.section_cited(build, section))
    assert clip_page.evaluate("navigator.clipboard.readText()") == expected  # type: ignore[attr-defined]


def test_offline_bundle_resolver_and_cite(clip_page: object, offline_root: Path,
                                          built: tuple[Build, Paths]) -> None:
    clip_page.goto((offline_root / "p" / f"{N}.html").as_uri())  # type: ignore[attr-defined]
    landed(clip_page, N)
    assert clip_page.url.startswith("file://")  # type: ignore[attr-defined]
    check_citation(built[0], cite_with_keyboard(clip_page, N), N)


def test_offline_bundle_copy_without_clipboard_api(page: object, offline_root: Path,
                                                   built: tuple[Build, Paths]) -> None:
    """Where the clipboard API is refused, the copy falls back to execCommand and still says so."""
    page.add_init_script(  # type: ignore[attr-defined]
        "Object.defineProperty(navigator, 'clipboard', {value: undefined});"
        "window.__copied = []; const orig = document.execCommand.bind(document);"
        "document.execCommand = (c) => { window.__copied.push(getSelection().toString() ||"
        " document.activeElement.value); return orig(c); };")
    page.goto((offline_root / "p" / f"{N}.html").as_uri())  # type: ignore[attr-defined]
    landed(page, N)
    page.locator(f"#para_{N} button.cite-btn").click()  # type: ignore[attr-defined]
    status = page.locator("#cite-panel [role=status]")  # type: ignore[attr-defined]
    status.get_by_text(f"Citation of paragraph {N} copied").wait_for()
    copied = page.evaluate("window.__copied")  # type: ignore[attr-defined]
    assert copied and copied[0].endswith(cite.permanent_url(built[0].inputs.meta, N))
