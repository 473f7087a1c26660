"""Stage annotate: find the mentions of index entries in each paragraph, as spans.

Matching is on the exact, case-sensitive forms of the entries in content/index/:

- whole tokens only: letters, digits and `$` are token characters, anything else (space,
  punctuation, hyphen, slash) is a boundary, so `AB-CD` holds two mentions (`AB` and `CD`) and
  `US$16` holds no `US`;
- longest match first, without overlaps, so a form `AB-XYZ` or `AB Secretariat` wins over `AB`;
- an abbreviation inside a longer name (`AB` in `AB Secretariat`) is a mention of its own,
  nested in the name's span, so every acronym of the text is explained;
- a form that two entries share is told apart by `when_near`: an occurrence belongs to an entry with
  `when_near` only in a paragraph that contains one of its phrases; an entry without it is the
  default reading. Two entries that nothing tells apart are an error naming both.

Spans never cross the correction spans already on a paragraph: a mention may contain a
correction, or stand beside one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace

from build_tools.errors import EditionError
from build_tools.model import Build, Entry, Paragraph, Span

log = logging.getLogger(__name__)

MENTIONABLE_KINDS = ("body", "term", "person", "place", "instrument")
# Kinds whose first mention in a paragraph links to the index entry, whatever the form. A term
# links only when the words are its abbreviation (posts and titles would be noise as links).
LINKED_KINDS = frozenset({"body", "person", "place", "instrument"})


def is_token_char(ch: str) -> bool:
    return ch.isalnum() or ch == "$"


def _where(entry: Entry) -> str:
    return f"{entry.file}:{entry.line}"


@dataclass(frozen=True)
class Matcher:
    """Every form of the mentionable entries, with the entries that use it."""

    forms: tuple[tuple[str, tuple[Entry, ...]], ...]  # longest form first

    def candidates(self, form: str) -> tuple[Entry, ...]:
        return dict(self.forms)[form]


def matcher(entries: Iterable[Entry]) -> Matcher:
    """Index the forms; raise if two entries share a form and no rule tells them apart."""
    by_form: dict[str, list[Entry]] = {}
    for e in entries:
        if e.kind not in MENTIONABLE_KINDS:
            continue
        for form in dict.fromkeys(e.forms):
            by_form.setdefault(form, []).append(e)
    for form, found in by_form.items():
        defaults = [e for e in found if not e.when_near]
        if len(defaults) > 1:
            a, b = defaults[0], defaults[1]
            raise EditionError(
                f"the form {form!r} belongs to {a.kind} {a.key!r} and to {b.kind} {b.key!r} "
                f"({_where(b)}), and neither has a when_near rule to tell them apart: give one "
                "of them `when_near` (phrases of the paragraphs where it is meant)",
                a.file, a.line)
    ordered = sorted(by_form.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return Matcher(tuple((form, tuple(found)) for form, found in ordered))


def occurrences(text: str, form: str) -> list[int]:
    """Start offsets of form in text as whole tokens."""
    found = []
    at = text.find(form)
    while at != -1:
        end = at + len(form)
        before_ok = at == 0 or not (is_token_char(text[at - 1]) and is_token_char(form[0]))
        after_ok = end == len(text) or not (is_token_char(text[end]) and is_token_char(form[-1]))
        if before_ok and after_ok:
            found.append(at)
        at = text.find(form, at + 1)
    return found


def resolve(candidates: tuple[Entry, ...], text: str, where: str = "") -> Entry | None:
    """The entry an occurrence belongs to in a paragraph with this text, or None if none does."""
    near = [e for e in candidates if e.when_near and any(p in text for p in e.when_near)]
    if len(near) > 1:
        a, b = near[0], near[1]
        raise EditionError(
            f"{where}: the when_near phrases of {a.kind} {a.key!r} and of {b.kind} {b.key!r} "
            f"({_where(b)}) both occur in this paragraph, so the shared form cannot be resolved: "
            "make the phrases more specific", a.file, a.line)
    if near:
        return near[0]
    defaults = [e for e in candidates if not e.when_near]
    return defaults[0] if defaults else None


@dataclass(frozen=True)
class Unresolved:
    """An occurrence of an abbreviation that no entry claims in its paragraph."""

    start: int
    end: int
    form: str
    candidates: tuple[Entry, ...]


def _crosses(start: int, end: int, other: Span) -> bool:
    """Does [start, end) cross other (overlap without one holding the other)?"""
    if other.start == other.end:  # a point: inside or at an edge is fine
        return False
    overlap = start < other.end and other.start < end
    holds = start <= other.start and other.end <= end
    held = other.start <= start and end <= other.end
    return overlap and not holds and not held


def _check_crossing(start: int, end: int, form: str, entry: Entry,
                    protected: tuple[Span, ...], where: str) -> None:
    for span in protected:
        if _crosses(start, end, span):
            raise EditionError(
                f"{where}: the mention {form!r} of {entry.kind} {entry.key!r} crosses the "
                f"{span.kind} {span.key!r}: change the form or the correction so that one "
                "holds the other", entry.file, entry.line)


def _select(found: list[tuple[int, int, str, Entry]], taken: list[tuple[int, int]]
            ) -> list[tuple[int, int, str, Entry]]:
    """Longest first, then leftmost; drop what overlaps an earlier choice or a taken range."""
    chosen: list[tuple[int, int, str, Entry]] = []
    for start, end, form, entry in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        chosen.append((start, end, form, entry))
        taken.append((start, end))
    return sorted(chosen, key=lambda f: f[0])


def find(text: str, m: Matcher, protected: tuple[Span, ...] = (), where: str = ""
         ) -> tuple[list[Span], list[Unresolved]]:
    """The mention spans of one paragraph's text, and the abbreviations nothing explains."""
    found: list[tuple[int, int, str, Entry]] = []
    unresolved: list[Unresolved] = []
    for form, candidates in m.forms:
        starts = occurrences(text, form)
        if not starts:
            continue
        entry = resolve(candidates, text, where)
        for at in starts:
            if entry is None:
                if any(form in e.abbr for e in candidates):
                    unresolved.append(Unresolved(at, at + len(form), form, candidates))
                continue
            found.append((at, at + len(form), form, entry))
    top = _select(found, [])
    spans: list[Span] = []
    seen: set[tuple[str, str]] = set()
    for start, end, form, entry in top:
        is_abbr = form in entry.abbr
        linked = entry.kind in LINKED_KINDS or (entry.kind == "term" and is_abbr)
        first = (entry.kind, entry.key) not in seen
        seen.add((entry.kind, entry.key))
        _check_crossing(start, end, form, entry, protected, where)
        spans.append(Span(start, end, entry.kind, entry.key, abbr=is_abbr,
                          link=linked and first))
        if is_abbr:
            continue
        # Abbreviations inside a longer name are mentions of their own, nested in it.
        inner = [f for f in found
                 if start <= f[0] and f[1] <= end and (f[0], f[1]) != (start, end)
                 and f[2] in f[3].abbr and f[3] != entry]
        for s, e, inner_form, ent in _select(inner, []):
            _check_crossing(s, e, inner_form, ent, protected, where)
            spans.append(Span(s, e, ent.kind, ent.key, abbr=True))
    covered = [(s.start, s.end) for s in spans if s.abbr]
    unresolved = [u for u in unresolved
                  if not any(s <= u.start and u.end <= e for s, e in covered)]
    return sorted(spans, key=lambda s: (s.start, -s.end)), unresolved


def annotate(paragraphs: tuple[Paragraph, ...], entries: tuple[Entry, ...]
             ) -> tuple[tuple[Paragraph, ...], list[tuple[Paragraph, Unresolved]]]:
    m = matcher(entries)
    out = []
    problems: list[tuple[Paragraph, Unresolved]] = []
    for p in paragraphs:
        spans, unresolved = find(p.text, m, p.spans, where=f"paragraph {p.number}")
        out.append(replace(p, spans=(*p.spans, *spans)))
        problems.extend((p, u) for u in unresolved)
    return tuple(out), problems


def run(build: Build) -> Build:
    doc = build.doc
    paragraphs, problems = annotate(doc.paragraphs, build.inputs.entries)
    for p, u in problems:
        keys = ", ".join(f"{e.kind} {e.key!r} (when_near {list(e.when_near)})"
                         for e in u.candidates)
        log.warning("paragraph %d: %r is explained by no entry here: it is a form of %s, and "
                    "no when_near phrase of theirs occurs in the paragraph", p.number, u.form,
                    keys)
    return replace(build, document=replace(doc, paragraphs=paragraphs))
