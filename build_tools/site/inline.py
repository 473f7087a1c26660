"""The edition's own style and script, written into every page rather than linked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from jsmin import jsmin

# Why inline (measured with `make bench`, README "Quality gates"): under Lighthouse's mobile
# throttling each request a page makes before its largest paint cost about one round trip
# (0.15 s), render-blocking or not; the same bytes inside the page cost nothing while the page
# stays within the first congestion window (14.6 KB sent). So every page carries the common part,
# and only a page with the document's paragraphs or a section's citation (TEXT_MARKERS in its
# HTML) the rest: the largest index page stays within the window, as on an untouched site.
# text.css comes first so that the print rules of edition.css follow the screen rules they undo.
FOLDER = Path(__file__).parent / "inline"
STYLESHEETS = (FOLDER / "edition.css",)
TEXT_STYLESHEETS = (FOLDER / "text.css", *STYLESHEETS)
SCRIPTS = (FOLDER / "after-paint.js", FOLDER / "acronyms.js")
TEXT_SCRIPTS = (FOLDER / "cite.js", FOLDER / "passage.js", FOLDER / "share.js",
                FOLDER / "mentions.js", *SCRIPTS, FOLDER / "tap.js")  # tap.js uses acronyms.js
NOT_FOUND_SCRIPTS = (FOLDER / "notfound.js",)  # theme/404.html only
TEXT_MARKERS = ('class="para"', 'class="cite-data"')
# Inside <script>, "</script" ends the element and "<!--" changes how the rest is parsed.
UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)


def site_js(scripts: Sequence[Path]) -> str:
    """The edition's scripts minified (jsmin, as mkdocs-minify-plugin does), one after the other;
    refused if the text could end or confuse the inline element."""
    js = "\n".join(jsmin(path.read_text(encoding="utf-8")) for path in scripts)
    if UNSAFE_IN_SCRIPT.search(js):
        raise ValueError("a script contains '</script' or '<!--', which an inline <script> "
                         "cannot hold")
    return js


def is_text_page(html: str) -> bool:
    """Whether a page's content holds the document's paragraphs or a citation to wire."""
    return any(marker in html for marker in TEXT_MARKERS)
