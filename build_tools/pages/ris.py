"""RIS records (what Zotero, EndNote and Mendeley import) of citations, from the CSL-JSON item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from build_tools.pages.cite import Cited

FOLDER = "cite"  # the records' folder in the site (and the offline bundle)
# CSL type -> RIS type (the RIS tags are the 2011 RIS specification's).
_TYPES = {"report": "RPRT", "document": "GEN", "legislation": "LEGAL", "bill": "BILL"}


def file_name(key: str) -> str:
    """The record's path in the site, relative to its root."""
    return f"{FOLDER}/{key}.ris"


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def ris(item: dict[str, Any], cited: Cited) -> str:
    """One RIS record, CRLF line ends as the format has them. Hand-written: a dozen tagged lines
    (the tests read it with rispy, an independent parser)."""
    lines = [_line("TY", _TYPES.get(str(item.get("type")), "GEN")), _line("ID", cited.key)]
    lines += [_line("AU", a["literal"]) for a in item.get("author", []) if "literal" in a]
    lines.append(_line("TI", item["title"]))
    if item.get("event-title"):
        lines.append(_line("T2", item["event-title"]))
    if item.get("publisher-place"):
        lines.append(_line("CY", item["publisher-place"]))
    [[year, month, day]] = item["issued"]["date-parts"]
    lines += [_line("PY", str(year)), _line("DA", f"{year:04d}/{month:02d}/{day:02d}/")]
    if item.get("number"):
        lines.append(_line("M1", str(item["number"])))
    if cited.section:
        lines.append(_line("SE", cited.section))
    lines.append(_line("LA", str(item.get("language", ""))))
    where = f"{cited.locator}. " if cited.locator else ""
    lines.append(_line("N1", f"{where}In: {item['container-title']}, version {item['version']}, "
                             f"{item['publisher']}."))
    lines.append(_line("UR", item["URL"]))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
