"""Citation forms that depend on the document type: by symbol ("... resolution 80/3, para. 3")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from build_tools.model import Meta, Paragraph
from build_tools.pages.dates import date_text
from build_tools.source import doctypes


def _one_line(text: Any) -> str:
    return " ".join(str(text).split())


def _date(value: Any) -> str:
    return date_text(None, value)


def name(meta: Meta) -> str:
    """'<organ> resolution 80/3' from the type's noun, the organ and the symbol."""
    t = doctypes.of(meta)
    symbol = str(meta.get("document_symbol") or "")
    organ = _one_line(meta.get("document_organ") or "")
    return " ".join(x for x in (organ, t.noun, doctypes.cited_number(symbol)) if x)


def text(meta: Meta, cited: Any) -> str:
    """One line, as the UN cites its documents: '<organ> resolution 80/3, annex, para. 3
    (A/RES/80/3), "Title", date. In: edition, version. URL'."""
    symbol = _one_line(meta.get("document_symbol") or "")
    head = name(meta)
    if cited.locator:
        head += f", {cited.locator}"
    parts = [f"{head} ({symbol})," if symbol else f"{head},"]
    parts.append(f"\u201c{_one_line(meta['document_title'])}\u201d,")
    parts.append(f"{_date(meta['document_date'])}.")
    parts.append(f"In: {_one_line(meta['edition_name'])}, version {meta['edition_version']} "
                 f"({_date(meta['edition_date'])}).")
    parts.append(cited.url)
    return " ".join(parts)


def event_fields(meta: Meta, bib: Callable[[str], str]) -> list[tuple[str, str]]:
    """BibTeX fields of the meeting (a meeting's document) or the symbol (any other type)."""
    if doctypes.of(meta).citation == "symbol":
        return [("number", bib(_one_line(meta.get("document_symbol") or "")))]
    return [("eventtitle", bib(_one_line(meta["document_meeting"]))),
            ("venue", bib(_one_line(meta["document_place"])))]


def event_csl(meta: Meta) -> dict[str, str]:
    if doctypes.of(meta).citation == "symbol":
        return {"number": _one_line(meta.get("document_symbol") or "")}
    return {"event-title": _one_line(meta["document_meeting"]),
            "event-place": _one_line(meta["document_place"])}


def range_locator(paras: list[Paragraph]) -> str | None:
    """'para. 3 to para. 7 (b)': a section of a document with its own numbers."""
    if not paras:
        return None
    first, last = paras[0].locator, paras[-1].locator
    if first == last:
        return first
    scope_a, _, a = first.rpartition("para. ")
    scope_b, _, b = last.rpartition("para. ")
    if scope_a == scope_b and not scope_a.endswith("preambular "):  # "annex, paras. 3–12"
        return f"{scope_a}paras. {a}\u2013{b}"
    return f"{first} to {last}"
