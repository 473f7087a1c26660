"""The real site: mkdocs --strict passes, every para_N exists exactly once, pages in order."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from build_tools import pipeline
from build_tools.model import Build, Paths

PROJECT = Path(__file__).resolve().parent.parent


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != "p"]


def test_every_paragraph_id_exists_exactly_once(built: tuple[Build, Paths]) -> None:
    build, paths = built
    counts: dict[str, int] = {}
    for page in html_pages(paths.site):
        for eid in re.findall(r'<p [^>]*id="(para_\d+)"', page.read_text("utf-8")):
            counts[eid] = counts.get(eid, 0) + 1
    expected = {p.eid for p in build.doc.paragraphs}
    assert set(counts) == expected
    assert all(n == 1 for n in counts.values()), {k: v for k, v in counts.items() if v > 1}


def test_each_paragraph_is_on_its_section_page_with_its_number(built: tuple[Build, Paths]) -> None:
    build, paths = built
    page_of = dict(build.page_of)
    for p in build.doc.paragraphs:
        md = page_of[p.section]
        html_path = paths.site / (md[:-3] + ".html" if md.endswith("index.md")
                                  else md[:-3] + "/index.html")
        html = html_path.read_text("utf-8")
        assert f'id="{p.eid}"' in html
        assert re.search(rf'class="pnum"[^>]*>{p.number}</a>', html)


def test_one_page_per_section_in_document_order(built: tuple[Build, Paths]) -> None:
    build, _ = built
    flat: list[str] = []

    def walk(items: object) -> None:
        for item in items:  # type: ignore[attr-defined]
            if isinstance(item, str):
                flat.append(item)
            else:
                for value in item.values():
                    if isinstance(value, str):
                        flat.append(value)
                    else:
                        walk(value)

    walk(build.nav)
    pages = dict(build.page_of)
    order = [pages[s.slug] for s in build.doc.sections]
    assert [p for p in flat if p in order] == order


def test_the_end_of_the_source_is_said_where_the_text_stops(built: tuple[Build, Paths]) -> None:
    build, paths = built
    last = build.doc.paragraphs[-1]
    md = (paths.docs / dict(build.page_of)[last.section]).read_text("utf-8")
    after = md.split(f"#{last.eid}", 1)[1]
    assert "the source ends here" in after.split("\n\n", 3)[1]


def test_annex_pages_say_what_the_text_says_and_that_they_are_missing(
        built: tuple[Build, Paths]) -> None:
    build, paths = built
    for annex in build.inputs.annexes:
        md = (paths.docs / "annexes" / f"{annex.key}.md").read_text("utf-8")
        assert annex.label in md
        if annex.text is None:
            assert "Not in the source" in md
            assert f"#para_{annex.para}" in md


def test_edition_page_lists_every_correction_with_its_original(built: tuple[Build, Paths]) -> None:
    build, paths = built
    html = (paths.site / "edition" / "index.html").read_text("utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", html))
    for c in build.inputs.corrections:
        assert f"\u201c{c.source}\u201d" in text, c.id
        assert f"\u201c{c.edition}\u201d" in text, c.id
        assert " ".join(c.reason.split()) in " ".join(text.split()), c.id
    md = (paths.docs / "edition.md").read_text("utf-8")
    assert md.count("| [") >= len(build.inputs.corrections)


def test_corrections_show_as_marks_with_the_original_reading(built: tuple[Build, Paths]) -> None:
    build, paths = built
    html = "".join(p.read_text("utf-8") for p in html_pages(paths.site))
    for c in build.inputs.corrections:
        assert f'href="#fn:{c.id}"' in html
        assert "the source reads" in html


def test_the_stage_list_is_pinned() -> None:
    assert [name for name, _ in pipeline.STAGES] == [
        "check", "structure", "clean", "segment", "number", "notes", "annotate", "render", "checks",
        "indexes", "cite", "resolver", "downloads"]
