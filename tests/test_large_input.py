"""Large input: --strict stops before the costly stages once a stage has warned; the PDF stage
refuses, with a clear error, a print edition larger than it is known to handle."""

from __future__ import annotations

import time

import pikepdf
import pytest
from test_bad_input import run_cli

from build_tools.errors import EditionError
from build_tools.export import print_pdf
from build_tools.model import Paths
from build_tools.site import offline, site


def test_strict_stops_at_the_first_stage_that_warns(content_copy: Paths,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("a costly stage ran in a --strict build that had warned")

    for module, name in ((print_pdf, "render"), (site, "mkdocs_start"),
                         (offline, "start_bundle")):
        monkeypatch.setattr(module, name, must_not_run)
    places = content_copy.content / "index" / "places.yml"
    places.write_text(places.read_text("utf-8").replace('forms: ["Yemen"]',
                                                        'forms: ["Yemenn"]', 1), "utf-8")
    start = time.monotonic()
    assert run_cli(content_copy, "build", "--strict") == 1
    assert time.monotonic() - start < 30
    assert "place 'yemen' is mentioned in no paragraph" in caplog.text
    assert "--strict: the checks stage logged" in caplog.text


def test_a_print_edition_too_large_is_refused_before_chromium_starts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_pdf, "CHROMIUM", "/nonexistent/chromium")  # never reached
    html = "<p>" + "x" * print_pdf.MAX_HTML_BYTES + "</p>"
    start = time.monotonic()
    with pytest.raises(EditionError, match=r"the print edition is [\d.]+ MB of HTML; the PDF "
                                           r"stage handles up to [\d.]+ MB"):
        print_pdf.render(html)
    assert time.monotonic() - start < 2


def test_a_pdf_library_limit_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_pdf, "render", lambda html: b"%PDF-1.7 ...")

    def limit(*args: object) -> bytes:
        raise pikepdf.PdfError("limit reached")

    monkeypatch.setattr(print_pdf, "reproducible", limit)
    with pytest.raises(EditionError, match="could not be rewritten reproducibly: limit"):
        print_pdf.html_to_pdf("<p>x</p>", {}, "2008-07-10")
