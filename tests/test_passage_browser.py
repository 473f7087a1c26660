"""Cite a passage (select words, "cite this passage") and the cite panel as a phone shows it."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import rispy
from conftest import checked_page, material_mounted

from build_tools.model import Build, Paths
from build_tools.pages import cite

pytestmark = pytest.mark.browser

N = 35  # a paragraph of a section page, with plain words before its first link

# A word of paragraph n outside any link, abbreviation or mark: its text and where it is; with
# select, it is also selected as a long press leaves it (a touch selection cannot be synthesised).
FIND_WORD = """([n, select]) => {
  const para = document.getElementById('para_' + n);
  const walk = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
  for (let node; (node = walk.nextNode());) {
    if (node.parentElement.closest('a, abbr, sup, .pnum, button')) continue;
    const m = /[A-Za-z]{6,}/.exec(node.textContent);
    if (!m) continue;
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    if (select) {
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
    const r = range.getBoundingClientRect();
    return {word: m[0], x: r.left + r.width / 2, y: r.top + r.height / 2,
            start: m.index, end: m.index + m[0].length, path: null};
  }
  return null;
}"""


@pytest.fixture
def clip_page(browser: object) -> Iterator[object]:
    pages = checked_page(browser, viewport={"width": 1280, "height": 900})
    pg = next(pages)
    pg.context.grant_permissions(["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    yield pg
    next(pages, None)


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    pages = checked_page(browser, viewport={"width": 375, "height": 740}, has_touch=True,
                         is_mobile=True)
    pg = next(pages)
    pg.context.grant_permissions(["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    yield pg
    next(pages, None)


def open_paragraph(pg: object, url: str, n: int) -> None:
    pg.goto(url)  # type: ignore[attr-defined]
    pg.wait_for_function(f"location.hash === '#para_{n}'")  # type: ignore[attr-defined]
    material_mounted(pg)


def passage_by_keyboard(pg: object, n: int) -> str:
    """Double-click a word of paragraph n, Tab to "cite this passage", press Enter; the word."""
    found = pg.evaluate(FIND_WORD, [n, False])  # type: ignore[attr-defined]
    assert found, f"no plain word in paragraph {n}"
    pg.mouse.dblclick(found["x"], found["y"])  # type: ignore[attr-defined]
    button = pg.locator(f"#para_{n} .passage-btn")  # type: ignore[attr-defined]
    button.wait_for(state="visible")
    assert button.get_attribute("aria-label") == f"Cite this passage of paragraph {n}"
    for _ in range(30):
        pg.keyboard.press("Tab")  # type: ignore[attr-defined]
        if pg.evaluate("document.activeElement.classList.contains('passage-btn')"):  # type: ignore[attr-defined]
            break
    else:
        pytest.fail("Tab never reached 'cite this passage'")
    pg.keyboard.press("Enter")  # type: ignore[attr-defined]
    pg.locator("#cite-panel [role=status]").get_by_text("copied").wait_for()  # type: ignore[attr-defined]
    return str(found["word"])


def check_passage(text: str, word: str, build: Build, n: int) -> None:
    url = cite.permanent_url(build.inputs.meta, n)
    assert text.startswith(f"\u201c{word}\u201d ")
    assert f"para. {n}." in text
    assert text.endswith(f"{url}#:~:text={quote(word)}")


def test_cite_a_passage_with_the_keyboard(clip_page: object, site_url: str,
                                          built: tuple[Build, Paths]) -> None:
    open_paragraph(clip_page, f"{site_url}p/{N}/", N)
    word = passage_by_keyboard(clip_page, N)
    text = clip_page.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    check_passage(text, word, built[0], N)
    assert clip_page.locator("#cite-panel-text").input_value() == text  # type: ignore[attr-defined]
    title = clip_page.locator("#cite-panel-title").inner_text()  # type: ignore[attr-defined]
    assert title == f"Cite a passage of paragraph {N}"


def test_cite_a_passage_on_touch(phone: object, site_url: str,
                                 built: tuple[Build, Paths]) -> None:
    open_paragraph(phone, f"{site_url}p/{N}/", N)
    word = phone.evaluate(FIND_WORD, [N, True])["word"]  # type: ignore[attr-defined]
    button = phone.locator(f"#para_{N} .passage-btn")  # type: ignore[attr-defined]
    button.wait_for(state="visible")
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    button.tap()
    phone.locator("#cite-panel [role=status]").get_by_text("copied").wait_for()  # type: ignore[attr-defined]
    check_passage(phone.evaluate("navigator.clipboard.readText()"), word, built[0], N)  # type: ignore[attr-defined]


def offline_root(built: tuple[Build, Paths], folder: Path) -> Path:
    [bundle] = sorted(built[1].dist.glob("*-offline.zip"))
    with zipfile.ZipFile(bundle) as z:
        z.extractall(folder)
    [root] = [d for d in folder.iterdir() if d.is_dir()]
    return root


def test_cite_a_passage_offline(clip_page: object, built: tuple[Build, Paths],
                                tmp_path: Path) -> None:
    root = offline_root(built, tmp_path)
    open_paragraph(clip_page, (root / "p" / f"{N}.html").as_uri(), N)
    word = passage_by_keyboard(clip_page, N)
    text = clip_page.locator("#cite-panel-text").input_value()  # type: ignore[attr-defined]
    check_passage(text, word, built[0], N)


@pytest.mark.parametrize("where", ["online", "offline"])
def test_the_resolver_passes_a_text_fragment_on(page: object, site_url: str, where: str,
                                                built: tuple[Build, Paths],
                                                tmp_path: Path) -> None:
    words = "#:~:text=regional%20and%20international"
    start = (f"{site_url}p/{N}/" if where == "online"
             else (offline_root(built, tmp_path) / "p" / f"{N}.html").as_uri())
    page.goto(start + words)  # type: ignore[attr-defined]
    page.wait_for_url(f"**#para_{N}*")  # type: ignore[attr-defined]
    assert page.url.endswith(f"#para_{N}:~:text=regional%20and%20international")  # type: ignore[attr-defined]


def test_cite_panel_on_a_phone(phone: object, site_url: str,
                               built: tuple[Build, Paths]) -> None:
    build = built[0]
    open_paragraph(phone, f"{site_url}p/{N}/", N)
    cite_button = phone.locator(f"#para_{N} button.cite-btn")  # type: ignore[attr-defined]
    cite_button.tap()
    status = phone.locator("#cite-panel [role=status]")  # type: ignore[attr-defined]
    status.get_by_text(f"Citation of paragraph {N} copied").wait_for()
    panel = phone.locator("#cite-panel")  # type: ignore[attr-defined]
    area = phone.locator("#cite-panel-text")  # type: ignore[attr-defined]
    # A proportional face, the text's own; the whole citation in view, nothing cut at 375 px.
    faces = phone.evaluate(  # type: ignore[attr-defined]
        f"[getComputedStyle(document.querySelector('#cite-panel-text')).fontFamily,"
        f" getComputedStyle(document.querySelector('#para_{N}')).fontFamily]")
    assert faces[0] == faces[1] and "mono" not in faces[0].lower()
    sizes = area.evaluate("e => [e.scrollHeight, e.clientHeight, e.scrollWidth, e.clientWidth]")
    assert sizes[0] <= sizes[1] + 1 and sizes[2] <= sizes[3], sizes
    assert panel.bounding_box()["x"] + panel.bounding_box()["width"] <= 375
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375  # type: ignore[attr-defined]
    # The message covers nothing: it is in the panel, beside no control.
    message = status.bounding_box()
    for control in phone.locator("#cite-panel button, #cite-panel select, "  # type: ignore[attr-defined]
                                 "#cite-panel textarea, #cite-panel summary").all():
        box = control.bounding_box()
        if box is None:
            continue
        apart = (box["y"] >= message["y"] + message["height"] or
                 message["y"] >= box["y"] + box["height"] or
                 box["x"] >= message["x"] + message["width"] or
                 message["x"] >= box["x"] + box["width"])
        assert apart, "the message covers a control"
    assert phone.locator(".cite-toast.md-dialog--active").count() == 0  # type: ignore[attr-defined]
    # A CSL style, chosen, is what the panel shows and what the next copy takes.
    phone.select_option("#cite-panel-style", "oscola")  # type: ignore[attr-defined]
    forms = cite.formats(build.inputs.meta, cite.paragraph_cited(build, build.doc.paragraph(N)))
    assert area.input_value() == forms["oscola"]
    # RIS: the record of this paragraph, as a reference manager reads it.
    href = phone.locator("#cite-panel .cite-panel__ris").get_attribute("href")  # type: ignore[attr-defined]
    ris_text = phone.evaluate("h => fetch(h).then(r => r.text())", href)  # type: ignore[attr-defined]
    [record] = rispy.loads(ris_text)
    assert record["urls"] == [cite.permanent_url(build.inputs.meta, N)]
    # Escape closes the panel from the cite button too.
    cite_button.focus()
    phone.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert panel.is_hidden()
    assert cite_button.get_attribute("aria-expanded") == "false"


def test_front_matter_is_cited_as_its_page_shows_it(clip_page: object, site_url: str,
                                                    built: tuple[Build, Paths]) -> None:
    build = built[0]
    front = build.doc.section(build.doc.paragraph(1).section)
    open_paragraph(clip_page, f"{site_url}p/1/", 1)
    clip_page.locator("#para_1 button.cite-btn").click()  # type: ignore[attr-defined]
    text = clip_page.locator("#cite-panel-text").input_value()  # type: ignore[attr-defined]
    shown = clip_page.locator("article").inner_text()  # type: ignore[attr-defined]
    assert front.title not in shown and front.title not in text
    assert "para. 1." in text or "Para. 1." in text
    [item] = json.loads(clip_page.locator("#cite-panel-csl").input_value())  # type: ignore[attr-defined]
    assert "section" not in item


def test_home_page_cites_the_whole_document(clip_page: object, site_url: str,
                                            built: tuple[Build, Paths]) -> None:
    build = built[0]
    clip_page.goto(site_url)  # type: ignore[attr-defined]
    material_mounted(clip_page)
    clip_page.locator("button.cite-btn--section").click()  # type: ignore[attr-defined]
    title = clip_page.locator("#cite-panel-title").inner_text()  # type: ignore[attr-defined]
    assert title == "Cite the document"
    forms = cite.formats(build.inputs.meta, cite.document_cited(build))
    clip_page.select_option("#cite-panel-style", "chicago")  # type: ignore[attr-defined]
    chicago = clip_page.locator("#cite-panel-text").input_value()  # type: ignore[attr-defined]
    assert chicago == forms["chicago"] and "para" not in chicago
    assert chicago.endswith(cite.site_url(build.inputs.meta) + ".")
