"""Citation styles (Chicago, APA, MLA, OSCOLA): CSL-JSON rendered by citeproc-py and CSL files."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.model import TextCased
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON

CSL = Path(__file__).with_name("csl")  # the styles, as data, with their source and licence


@dataclass(frozen=True)
class Style:
    key: str
    name: str  # as offered to readers
    file: str
    note: bool  # a note style: the citation is a footnote with the pinpoint; else a reference


STYLES = (
    Style("chicago", "Chicago (note)", "chicago-notes-bibliography.csl", note=True),
    Style("apa", "APA 7", "apa.csl", note=False),
    Style("mla", "MLA 9", "modern-language-association.csl", note=False),
    Style("oscola", "OSCOLA", "oscola.csl", note=True),
)
# What a CSL style reads of an item. The edition's own facts (container, version, publisher)
# are left out: the styles cite the document, at the edition's permanent address.
_READ = ("id", "type", "title", "author", "issued", "URL", "language", "number", "genre",
         "publisher-place")

# Title case as Chicago (8.159), MLA and OSCOLA have it keeps every preposition lowercase;
# citeproc-py's list of words kept lowercase lacks most of them (citeproc-js has them), so a
# title such as "Cooperation between" came out "Cooperation Between". Extended, not replaced.
_PREPOSITIONS = ("about", "above", "across", "after", "against", "along", "amid", "among",
                 "around", "before", "behind", "below", "beneath", "beside", "besides",
                 "between", "beyond", "concerning", "despite", "during", "except", "inside",
                 "like", "near", "off", "out", "outside", "per", "regarding", "since", "than",
                 "through", "throughout", "toward", "towards", "under", "underneath", "until",
                 "upon", "versus", "within", "without")
TextCased._stop_words = sorted({*TextCased._stop_words, *_PREPOSITIONS})


@cache
def _style(file: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(CSL / file), validate=False)


def style_item(item: dict[str, Any]) -> dict[str, Any]:
    """The CSL-JSON item (cite.csl_item, the one place citation data is built) as the styles
    read it: the document itself, published at its place (the meeting's)."""
    out = {k: v for k, v in item.items() if k in _READ}
    if "event-place" in item and "publisher-place" not in out:
        out["publisher-place"] = item["event-place"]
    return out


def render(item: dict[str, Any], pinpoint: str | None) -> dict[str, str]:
    """Each style's citation of the item: for a note style the note (with the paragraph
    pinpoint), for an author-date style the reference entry and, for APA, the in-text form."""
    return dict(_render(json.dumps(style_item(item), sort_keys=True), pinpoint))


@cache  # a page's data and the RIS records ask for the same citations; citeproc takes ~10 ms
def _render(item_json: str, pinpoint: str | None) -> tuple[tuple[str, str], ...]:
    item = json.loads(item_json)
    out: list[tuple[str, str]] = []
    for style in STYLES:
        if style.note:
            out.append((style.key, _cite(style.file, item, pinpoint, reference=False)[0]))
        elif style.key == "apa":
            note, reference = _cite(style.file, item, pinpoint)
            out.append((style.key, f"{reference}\nIn text: {note}"))
        else:  # MLA: citeproc-py adds the title to every in-text citation, which MLA does not
            out.append((style.key, _cite(style.file, item, None, note=False)[1]))
    return tuple(out)


def _cite(file: str, item: dict[str, Any], pinpoint: str | None, note: bool = True,
          reference: bool = True) -> tuple[str, str]:
    with warnings.catch_warnings():
        # citeproc-py warns of CSL variables it does not know; _READ keeps to those it does.
        warnings.simplefilter("error")
        source = CiteProcJSON([item])
        bibliography = CitationStylesBibliography(_style(file), source, formatter.plain)
        cited = (CitationItem(item["id"], locator=Locator("paragraph", pinpoint)) if pinpoint
                 else CitationItem(item["id"]))
        citation = Citation([cited])
        bibliography.register(citation)
        cited_text = str(bibliography.cite(citation, _missing)) if note else ""
        entry = str(bibliography.bibliography()[0]) if reference else ""
    return cited_text, entry


def _missing(item: Any) -> None:
    raise ValueError(f"citeproc: no item {item.key!r}")
