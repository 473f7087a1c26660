"""`edition init`: draft content/ and annexes/ for a new UN document from its received text."""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import EditionError
from build_tools.source import doctypes, draft_index
from build_tools.source.draft_index import q
from build_tools.source.slug import slugify

log = logging.getLogger(__name__)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAY = r"(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})"
# The masthead of a UN document, as its lines read (generic to the UN's document layout).
_ORGAN = re.compile(r"^(.+?)\s+Distr\.:")
_SESSION = re.compile(r"\b(\S+(?:-\S+)? session)\b")
_ITEM = re.compile(r"\bAgenda items? ([\d\s,()a-z]+?(?:and \d+)?)(?:\s+[A-Z]|$)")
_ADOPTED = re.compile(r"[Aa]dopted by the (.+?)(?: at its [^,]+)?,? on " + _DAY)
_SYMBOL = re.compile(r"^([A-Z]{1,2}/(?:[A-Z0-9.-]+/)*[A-Z0-9.-]+(?: \(\d{4}\))?)$")
_TYPE_BY_SYMBOL = ((re.compile(r"^A/RES/"), "ga-resolution"),
                   (re.compile(r"^S/RES/"), "sc-resolution"))


def front_matter(text: str) -> dict[str, Any]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            data = yaml.safe_load("\n".join(lines[1:i])) or {}
            return data if isinstance(data, dict) else {}
    return {}


def iso(day: str, month: str, year: str) -> str:
    return datetime.date(int(year), _MONTHS.index(month) + 1, int(day)).isoformat()


def masthead(text: str, t: doctypes.DocType) -> dict[str, str]:
    """What the masthead says: organ, session, agenda item, date of adoption, title line."""
    found: dict[str, str] = {}
    title_re = re.compile(t.pattern("title_line")) if t.pattern("title_line") else None
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":  # the front matter is the catalogue's, not the text's
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    after_title = False
    for raw in lines[start:]:
        line = " ".join(raw.split())
        if after_title and line:  # the line after the title line may still be the masthead's
            if m := _ADOPTED.search(line):
                found.setdefault("adopted", iso(m.group(2), m.group(3), m.group(4)))
            break
        if (m := _SYMBOL.match(line)) and "symbol" not in found:
            found["symbol"] = m.group(1)
        if m := _ORGAN.match(line):
            found.setdefault("organ", m.group(1))
        if (m := _SESSION.search(line)) and "session" not in found:
            found["session"] = m.group(1)[:1].upper() + m.group(1)[1:]
        if (m := _ITEM.search(line)) and "agenda_item" not in found:
            found["agenda_item"] = m.group(1).strip()
        if (m := _ADOPTED.search(line)) and "adopted" not in found:
            found["adopted"] = iso(m.group(2), m.group(3), m.group(4))
            found.setdefault("organ", m.group(1))
        if title_re and (m := title_re.match(line)):
            if m.group(2).strip():
                found["title"] = m.group(2).strip()
            after_title = True
    return found


def choose_type(symbol: str) -> tuple[str, bool]:
    """The type, and whether init decided it (else it is a commented choice)."""
    for pattern, key in _TYPE_BY_SYMBOL:
        if pattern.match(symbol):
            return key, True
    return "report", False


def edition_yml(source: Path, raw: bytes, out_name: str) -> str:
    text = raw.decode("utf-8")
    fm = front_matter(text)
    mast = masthead(text, doctypes.registry()["ga-resolution"])  # the UN masthead's patterns
    symbol = str(fm.get("symbol") or mast.get("symbol") or "")
    key, decided = choose_type(symbol)
    t = doctypes.registry()[key]
    mast = masthead(text, t)
    title = mast.get("title") or str(fm.get("title") or source.stem).rstrip(" :")
    date = mast.get("adopted") or str(fm.get("date") or "")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        date = datetime.date.today().isoformat()
    slug = slugify(symbol or source.stem)
    choice = "" if decided else (
        "  # TO DECIDE (edition init could not tell the type from the symbol): one of "
        + ", ".join(sorted(doctypes.registry())) + "\n")
    doc: dict[str, str] = {"title": title, "date": date, "language":
                           str(fm.get("language") or "en").lower()}
    unsure = set() if (mast.get("title") or fm.get("title")) else {"title"}
    if symbol:
        doc["symbol"] = symbol
    doc.update({k: mast[k] for k in ("organ", "session", "agenda_item") if k in mast})
    missing = [f for f in t.required if f not in doc]
    lines = [
        "# Drafted by `edition init`; review every line. Options: see README (edition.yml).",
        f"type: {key}", *([choice.rstrip()] if choice else []),
        "source:",
        f"  file: {q('source/' + out_name)}",
        f"  sha256: {hashlib.sha256(raw).hexdigest()}",
        f"  description: {q('Text as received (' + source.name + '); never edited.')}",
        "document:",
        *(f"  {k}: {q(v)}" + ("  # TO DECIDE: not found in the text" if k in unsure else "")
          for k, v in doc.items()),
        *(f"  {k}: {q('(not found in the masthead)')}  # TO DECIDE: fill in" for k in missing),
        *([f"  record: {q(str(fm['source_pdf']))}"] if fm.get("source_pdf") else []),
        "edition:",
        f"  name: {q((symbol or title) + ': an edition')}",
        f"  slug: {slug}",
        "  version: 0.1.0",
        f"  date: {q(datetime.date.today().isoformat())}",
        "  publisher: \"(the editor)\"  # TO DECIDE: who publishes the edition",
        f"  site_url: {q('https://example.org/' + slug + '/')}  # TO DECIDE: where it will be",
        "systems:",
        "  - {key: other, name: Bodies named in the text}",
        "structure:",
        f"  front_label: {q(t.noun.capitalize() or 'Text')}",
    ]
    return "\n".join(lines) + "\n"


def init(source: Path, out: Path) -> Path:
    """Draft out/content and out/annexes from the received text; returns out/content."""
    if not source.is_file():
        raise EditionError("no such source file", source)
    content = out / "content"
    if (content / "edition.yml").exists():
        raise EditionError("an edition is already drafted here; remove it to draft again",
                           content / "edition.yml")
    raw = source.read_bytes()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", source.name)
    (content / "source").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, content / "source" / name)  # byte for byte; its hash is pinned
    (content / "edition.yml").write_text(edition_yml(source, raw, name), encoding="utf-8")
    (content / "corrections.yml").write_text(
        "# Every change of the received text: id, kind (stray-punctuation, lost-character,\n"
        "# conversion-slip, addition), source (what the text reads, occurring once), edition\n"
        "# (what the edition reads), reason. Drafted empty by `edition init`.\n[]\n",
        encoding="utf-8")
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "edition.md").write_text(
        "# About this edition\n\nDrafted by `edition init` from the received text; the "
        "editor's account of the edition goes here.\n", encoding="utf-8")
    annexes = out / "annexes"
    annexes.mkdir(parents=True, exist_ok=True)
    (annexes / "manifest.yml").write_text(
        "# Annexes the text names but does not contain (key, label, holds, para, file).\n"
        "# An annex printed in the text itself is part of the text: nothing to list here.\n[]\n",
        encoding="utf-8")
    draft_index.draft(content, annexes)
    log.info("drafted %s (review the TO DECIDE comments), then: edition build --content %s "
             "--annexes %s --out %s", content, content, annexes, out / "out")
    return content
