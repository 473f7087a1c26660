"""Print HTML to PDF with headless Chromium (Playwright), then make the file byte-reproducible."""

from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor

import pikepdf

from build_tools.errors import EditionError

CHROMIUM = os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--font-render-hinting=none"]
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
# The largest print edition (HTML bytes) the PDF stage takes on (measured: README, "Large input").
MAX_HTML_BYTES = int(float(os.environ.get("EDITION_PDF_MAX_MB", "6")) * 1_000_000)


def _chromium_pdf(html: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Nothing of the content runs while it is printed: the print edition needs no script.
            page = browser.new_page(java_script_enabled=False)
            # The page is self-contained: anything it would fetch is a defect, so nothing goes out.
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load")
            page.emulate_media(media="print")
            pdf: bytes = page.pdf(format="A4", prefer_css_page_size=True, outline=True,
                                  tagged=True, display_header_footer=True,
                                  header_template="<span></span>", footer_template=FOOTER,
                                  margin={"top": "20mm", "bottom": "20mm", "left": "22mm",
                                          "right": "22mm"})
        finally:
            browser.close()
    return pdf


def check_size(html: str) -> None:
    """Refuse, before Chromium starts, a print edition larger than the PDF stage is known to
    handle (README, "Large input": its time and memory grow with the text)."""
    size = len(html.encode("utf-8"))
    if size > MAX_HTML_BYTES:
        raise EditionError(
            f"the print edition is {size / 1e6:.1f} MB of HTML; the PDF stage handles up to "
            f"{MAX_HTML_BYTES / 1e6:.1f} MB within its measured time and memory. Split the "
            "document into several editions, or raise EDITION_PDF_MAX_MB on a machine that can "
            "afford it")


def render(html: str) -> bytes:
    """Chromium's PDF of the HTML. Playwright's sync API runs its own event loop, so it runs in a
    thread of its own, whatever the caller (a test may hold a browser of its own)."""
    check_size(html)
    if not os.access(CHROMIUM, os.X_OK):
        raise EditionError(f"{CHROMIUM} is missing: the PDF is printed with Chromium "
                           "(make browser-deps, or apt-get install chromium)")
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_chromium_pdf, html).result()


def pdf_date(day: str) -> str:
    """A PDF date (D:YYYYMMDDHHmmSSZ) for a YYYY-MM-DD day."""
    return "D:" + day.replace("-", "")[:8].ljust(8, "0") + "000000Z"


def reproducible(raw: bytes, info: dict[str, str], day: str) -> bytes:
    """The same PDF with fixed metadata and a file identifier drawn from its content, so that
    two builds of the same text give the same bytes (Chromium stamps the time of printing).
    qpdf (through pikepdf) rewrites it: streams pass through as Chromium wrote them, the small
    objects go into object streams (a quarter of the size), and `deterministic_id` makes /ID
    a hash of the content. pypdf did the same in pure Python, 5x slower and 3x the memory."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        # Chromium's Info (dates of printing) is replaced, not edited.
        pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(
            {**{f"/{k}": pikepdf.String(v) for k, v in info.items()},
             "/CreationDate": pikepdf.String(pdf_date(day)),
             "/ModDate": pikepdf.String(pdf_date(day))}))
        # qpdf keeps the first half of an /ID it finds: none, so that both halves are the hash.
        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def html_to_pdf(html: str, info: dict[str, str], day: str) -> bytes:
    raw = render(html)
    try:
        return reproducible(raw, info, day)
    except pikepdf.PdfError as exc:  # a PDF qpdf cannot read: a clear error, not a traceback
        raise EditionError(f"the printed PDF ({len(raw) / 1e6:.1f} MB) could not be rewritten "
                           f"reproducibly: {exc}") from None
