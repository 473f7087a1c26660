"""Stage checks: what the indexes miss, reported as warnings (`edition build --strict` fails on
any warning).

- an entry that no paragraph mentions;
- a mention that no entry explains (a span of an unknown entry; an abbreviation whose when_near
  rules all fail is reported by annotate);
- a body the glossary cannot say anything about (no description, no note);
- an acronym-looking token of the text that no abbreviation span covers and that no data file
  names (tokens that only look like acronyms, such as roman numerals, are listed with a reason
  in content/capitals.yml);
- an editor's statement without a source: an entry of bodies, terms, people, places or
  instruments, a note, or a correction that adds words (its reason states a fact beyond the text);
- a topic with no paragraph, a paragraph number (topics, timeline, cooperation) that does not
  exist, and a paragraph that no topic covers.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from build_tools.annotation.annotate import is_token_char
from build_tools.model import Build, Entry, Paragraph
from build_tools.source import schemas, yamlio

log = logging.getLogger(__name__)

CAPITALS_FILE = "capitals.yml"
# At least two capitals and no lower-case letter but a plural s: AB, ABCD, A5B, ABCs, III.
ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9]+s?")
MENTION_KINDS = ("body", "term", "person", "place", "instrument")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for each run of token characters (letters, digits, $)."""
    out = []
    start = None
    for i, ch in enumerate(text + " "):
        if i < len(text) and is_token_char(ch):
            if start is None:
                start = i
        elif start is not None:
            out.append((start, i, text[start:i]))
            start = None
    return out


def acronyms(text: str) -> list[tuple[int, int, str]]:
    return [t for t in tokens(text) if ACRONYM.fullmatch(t[2])]


def read_capitals(root: Path) -> dict[str, int]:
    """The tokens that look like acronyms but are not, with their lines in capitals.yml."""
    path = root / CAPITALS_FILE
    if not path.exists():
        return {}
    data, lines = yamlio.load(path, schemas.CAPITALS)
    return {item["token"]: lines[(i,)] for i, item in enumerate(data or [])}


def _at(e: Entry) -> str:
    return f"{e.file}:{e.line}"


def problems(build: Build) -> list[str]:
    doc = build.doc
    entries = build.inputs.entries
    keys = {(e.kind, e.key) for e in entries}
    numbers = {p.number for p in doc.paragraphs}
    found: list[str] = []

    mentioned = {(s.kind, s.key) for p in doc.paragraphs for s in p.spans}
    for e in entries:
        if e.kind in MENTION_KINDS and (e.kind, e.key) not in mentioned:
            found.append(f"{_at(e)}: {e.kind} {e.key!r} is mentioned in no paragraph (none of "
                         f"its forms {list(e.forms)} occurs where it applies)")
        if e.kind == "body" and not e.get("description") and not e.get("note"):
            found.append(f"{_at(e)}: body {e.key!r} has neither a description nor a note: the "
                         "glossary cannot say what it is")

    for p in doc.paragraphs:
        for s in p.spans:
            if s.kind in MENTION_KINDS and (s.kind, s.key) not in keys:
                found.append(f"paragraph {p.number}: the mention {p.text[s.start:s.end]!r} "
                             f"points to {s.kind} {s.key!r}, which no data file has")

    found.extend(_acronym_problems(build, doc.paragraphs))
    found.extend(unsourced(build))

    covered: set[int] = set()
    for e in entries:
        if e.kind not in ("topic", "event", "cooperation"):
            continue
        paras = list(e.get("paras") or ())
        if e.kind == "topic":
            covered.update(paras)
        if not paras:
            found.append(f"{_at(e)}: {e.kind} {e.key!r} has no paragraph")
        missing = sorted(set(paras) - numbers)
        if missing:
            found.append(f"{_at(e)}: {e.kind} {e.key!r} names paragraph(s) {missing}, which do "
                         f"not exist (the document has 1-{len(numbers)})")
    if any(e.kind == "topic" for e in entries):
        topics_file = next(e.file for e in entries if e.kind == "topic")
        for n in sorted(numbers - covered):
            found.append(f"{topics_file}: paragraph {n} is covered by no topic")
    return found


def unsourced(build: Build) -> list[str]:
    """Every editor's statement carries where a reader can check it (`sources:`)."""
    inputs = build.inputs
    found = [f"{_at(e)}: {e.kind} {e.key!r} has no sources: add where a reader can check what "
             "the edition says of it" for e in inputs.entries
             if e.kind in MENTION_KINDS and not e.get("sources")]
    notes, corrections = inputs.root / "notes.yml", inputs.root / "corrections.yml"
    # A footnote of the document's own (placed by the structure layer) is its words, not the
    # editor's statement.
    found += [f"{notes}:{n.line}: note {n.id!r} has no sources" for n in inputs.notes
              if not n.sources and not n.own]
    found += [f"{corrections}:{c.line}: correction {c.id!r} adds words but has no sources for "
              "its reason" for c in inputs.corrections if c.kind == "addition" and not c.sources]
    return found


def _acronym_problems(build: Build, paragraphs: tuple[Paragraph, ...]) -> list[str]:
    capitals = read_capitals(build.inputs.root)
    in_forms = {tok for e in build.inputs.entries for f in e.forms for _, _, tok in tokens(f)}
    abbr_forms = {a for e in build.inputs.entries for a in e.abbr}
    found: list[str] = []
    seen_capitals: set[str] = set()
    for p in paragraphs:
        cover = [(s.start, s.end) for s in p.spans if s.abbr]
        for start, end, tok in acronyms(p.text):
            if any(s <= start and end <= e for s, e in cover):
                continue
            if tok in capitals:
                seen_capitals.add(tok)
                continue
            if tok in abbr_forms:
                continue  # a known abbreviation no entry claims here: annotate reports it
            if tok in in_forms:
                found.append(f"paragraph {p.number}: {tok!r} is part of a form in the data, but "
                             "no abbreviation covers it here: add it to the entry's forms and "
                             "abbr")
            else:
                found.append(f"paragraph {p.number}: the acronym {tok!r} is in no data file: "
                             "add an entry (forms and abbr) in content/index/, or list it in "
                             f"content/{CAPITALS_FILE} if it is not an abbreviation")
    path = build.inputs.root / CAPITALS_FILE
    for tok, line in capitals.items():
        if tok not in seen_capitals:
            found.append(f"{path}:{line}: {tok!r} no longer occurs uncovered in the text; "
                         "remove it from the list")
    return found


def run(build: Build) -> Build:
    for message in problems(build):
        log.warning("%s", message)
    return build
