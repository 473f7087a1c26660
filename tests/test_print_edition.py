"""The print edition: the PDF the build prints, and the site's print page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import PROJECT
from mkdocs.utils import yaml_load
from pypdf import PdfReader

from build_tools.export import downloads, print_edition, print_pdf
from build_tools.model import Build, Paths


def _pdf(built: tuple[Build, Paths]) -> Path:
    return built[1].site / downloads.FOLDER / downloads._names(built[0])["pdf"]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf_text(built: tuple[Build, Paths]) -> str:
    # pypdf (pinned), not a system PDF tool: nothing the README's commands do not install.
    return _flat(" ".join(page.extract_text() for page in PdfReader(_pdf(built)).pages))


def test_pdf_has_every_paragraph_number_and_section_heading(built: tuple[Build, Paths],
                                                            pdf_text: str) -> None:
    doc = built[0].doc
    assert _flat(doc.title) in pdf_text
    for s in doc.sections[1:]:
        assert _flat(s.title) in pdf_text, s.title
    at = 0
    for p in doc.paragraphs:
        start = " ".join(p.text.split()[:3])
        # The number, then the paragraph's first words (text extraction may drop the gap).
        found = re.compile(rf"\b{p.number} ?{re.escape(start)}").search(pdf_text, at)
        assert found, f"paragraph {p.number} ({start}…) is not in the PDF, in order"
        at = found.start()
    assert "the source ends here" in pdf_text.lower()


def test_pdf_footnotes_give_the_corrections_and_notes(built: tuple[Build, Paths],
                                                      pdf_text: str) -> None:
    for c in built[0].inputs.corrections:
        assert _flat(c.reason)[:40] in pdf_text, c.id
    for n in built[0].inputs.notes:
        assert _flat(n.text)[:30] in pdf_text, n.id


def test_pdf_metadata_is_the_editions_not_the_time_of_printing(built: tuple[Build, Paths]) -> None:
    reader = PdfReader(_pdf(built))
    meta = built[0].inputs.meta
    assert reader.metadata is not None
    assert reader.metadata["/Title"] == built[0].doc.title
    day = str(meta["edition_date"]).replace("-", "")
    assert reader.metadata["/CreationDate"].startswith(f"D:{day}")
    assert reader.metadata["/ModDate"] == reader.metadata["/CreationDate"]
    assert reader.trailer["/ID"][0] == reader.trailer["/ID"][1]


def test_pdf_is_byte_identical_when_printed_again(built: tuple[Build, Paths]) -> None:
    build = built[0]
    html = print_edition.standalone_html(build)
    first = print_pdf.html_to_pdf(html, {"Title": "t"}, "2001-02-03")
    second = print_pdf.html_to_pdf(html, {"Title": "t"}, "2001-02-03")
    assert first == second
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20010203000000Z"


def test_standalone_html_reads_the_markdown_as_the_site_does() -> None:
    config = yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    missing = [n for n in names if n not in print_edition.EXTENSIONS]
    assert not missing, f"print_edition.EXTENSIONS lacks {missing} (mkdocs.yml enables them)"


def test_standalone_html_is_self_contained(built: tuple[Build, Paths]) -> None:
    html = print_edition.standalone_html(built[0])
    assert not re.search(r'<(link|script|img)\b', html)
    assert not re.search(r'href="(?!#|https?://)[^"]*"', html), "a relative link would break"
    for p in built[0].doc.paragraphs:
        assert f'id="{p.eid}"' in html
