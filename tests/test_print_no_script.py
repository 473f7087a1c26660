"""The build's Chromium prints the PDF with JavaScript off: nothing of the content runs."""

from __future__ import annotations

import io

from pypdf import PdfReader

from build_tools.export import print_pdf


def test_a_script_in_the_printed_html_does_not_run() -> None:
    html = ("<!doctype html><html><body><p id=t>PRINTED-AS-WRITTEN</p>"
            "<script>document.getElementById('t').textContent = 'SCRIPT-RAN';</script>"
            "</body></html>")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(
        print_pdf.render(html))).pages)
    assert "PRINTED-AS-WRITTEN" in text
    assert "SCRIPT-RAN" not in text
