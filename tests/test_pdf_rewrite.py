"""The PDF's reproducible rewrite (qpdf through pikepdf), on small PDFs made here (no Chromium)."""

from __future__ import annotations

import io

import pikepdf
from pypdf import PdfReader

from build_tools.export import print_pdf

INFO = {"Title": "A title", "Author": "One; Two", "Producer": "p"}


def printed_at(stamp: str, pages: int = 3) -> bytes:
    """A PDF as a printer leaves it: content on each page and the time of printing in Info."""
    pdf = pikepdf.new()
    for n in range(pages):
        pdf.add_blank_page()
        pdf.pages[n].Contents = pdf.make_stream(f"BT /F1 12 Tf 72 720 Td (page {n}) Tj ET"
                                                .encode())
    pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(
        CreationDate=pikepdf.String(stamp), ModDate=pikepdf.String(stamp),
        Creator=pikepdf.String("a browser")))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_the_time_of_printing_leaves_no_trace() -> None:
    one = print_pdf.reproducible(printed_at("D:20260101101010+00'00'"), INFO, "2001-02-03")
    two = print_pdf.reproducible(printed_at("D:20270505050505+00'00'"), INFO, "2001-02-03")
    assert one == two
    assert b"20260101" not in one and b"a browser" not in one


def test_info_is_the_editions_and_the_id_is_drawn_from_the_content() -> None:
    out = print_pdf.reproducible(printed_at("D:20260101101010+00'00'"), INFO, "2001-02-03")
    reader = PdfReader(io.BytesIO(out))
    assert reader.metadata == {"/Title": "A title", "/Author": "One; Two", "/Producer": "p",
                               "/CreationDate": "D:20010203000000Z",
                               "/ModDate": "D:20010203000000Z"}
    first, second = reader.trailer["/ID"]
    assert first == second and len(first) == 16
    other = print_pdf.reproducible(printed_at("D:20260101101010+00'00'", pages=4), INFO,
                                   "2001-02-03")
    assert PdfReader(io.BytesIO(other)).trailer["/ID"][0] != first


def test_pages_and_their_content_are_kept() -> None:
    raw = printed_at("D:20260101101010+00'00'")
    out = print_pdf.reproducible(raw, INFO, "2001-02-03")
    with pikepdf.open(io.BytesIO(raw)) as a, pikepdf.open(io.BytesIO(out)) as b:
        assert len(a.pages) == len(b.pages) == 3
        for pa, pb in zip(a.pages, b.pages, strict=True):
            assert pa.Contents.read_bytes() == pb.Contents.read_bytes()
