"""The citation styles and the RIS record of one citation, as lines of the How to cite page."""

from __future__ import annotations

from build_tools.pages import styles
from build_tools.pages.markdown import escape


def lines(forms: dict[str, str]) -> list[str]:
    """Markdown: each CSL style's form (cite.formats) and a link to the RIS record (the page is
    at the site's root, as the record's path is)."""
    out = ["In other styles (citeproc-py with the Citation Style Language's styles):\n"]
    for style in styles.STYLES:
        form = escape(forms[style.key]).replace("\n", " \u2014 ")
        out.append(f"- **{style.name}**: {form}")
    out.append(f"\nFor Zotero, EndNote or Mendeley: [RIS record]({forms['ris_file']}).\n")
    return out
