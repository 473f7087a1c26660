"""mkdocs hook: accessible names that Material's markup leaves out, written into the HTML."""

from __future__ import annotations

import re
from typing import Any

# Written at build time, not by a script in the page: the names are there before any script
# runs, and no page carries the bytes of the script (overriding Material's templates instead
# would copy them whole).

# Python-Markdown's toc writes the heading permalink's label as a title, which the browser shows
# as a tooltip over the heading; as aria-label it names the link all the same.
HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')
# The search dialog has no name; its input has one.
SEARCH_DIALOG = re.compile(r'(<div class="md-search" [^>]*role="dialog")(?![^>]*aria-label)')
SEARCH_INPUT_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')
# navigation.indexes: a section with its own page has a link (its title) and, beside it, an
# empty toggle <label>, which also names the nested navigation landmark (aria-labelledby).
EMPTY_TOGGLE = re.compile(
    r'(<a [^>]*class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*)([^<]*?)'
    r'(\s*</span>\s*</a>\s*<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*_label"[^>]*>\s*)'
    r'(<span class="md-nav__icon md-icon"></span>\s*</label>)')


def named(html: str) -> str:
    """The page with the permalinks, the search dialog and the section toggles named."""
    html = HEADERLINK_TITLE.sub(r'\1 aria-label="\2"', html)
    label = SEARCH_INPUT_LABEL.search(html)
    if label:
        name = label.group(1)
        html = SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{name}"', html, count=1)
    # Text, not aria-label (which a <label> may not carry): hidden to the eye, read aloud.
    return EMPTY_TOGGLE.sub(r'\1\2\3<span class="ed-sr-only">\2</span>\4', html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return named(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The 404 page is a template of its own, not a page."""
    return named(output_content) if template_name.endswith(".html") else output_content
