"""Stage structure: a numbered document's masthead, furniture, units, headings and footnotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from build_tools.model import Block, Build, Note, Span
from build_tools.source import doctypes, footnotes
from build_tools.source.doctypes import DocType

# Closing punctuation ends a paragraph, also when a footnote marker follows it ("peace,1").
_CLOSED = re.compile(r"(?:[.,;:!?\u201d\u2019\")\]]|[.,;:\u201d\u2019)]\s?\d{1,2}|\[\^\d+\])$")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_POINT = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,5})\)\s+(.*)$")
_ROMAN = re.compile(r"^([IVXL]{1,6})\.\s*(.*)$")
_LETTER_HEAD = re.compile(r"^([A-H])\.\s+([A-Z].*)$")
_ROMANS = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_FRONT = re.compile(r"^---\s*$")
_LOST = 4  # a number may be lost in extraction: accept up to this many ahead of the expected


@dataclass
class Unit:
    """A paragraph, point or heading being gathered from the source's lines."""

    kind: str  # formula, recital, para, point, plain, closing, heading
    line: int
    words: list[str] = field(default_factory=list)
    num: str = ""
    level: int = 0
    joined: bool = False

    @property
    def text(self) -> str:
        out = ""
        for w in self.words:
            # A line-end hyphen is a compound hyphen: kept, with no space after it.
            out = w if not out else out + w if out.endswith("-") else f"{out} {w}"
        return out


@dataclass
class Scope:
    """Where numbers count: the resolution itself, or one annex (its own scope)."""

    prefix: str = ""
    cite: str = ""
    last: int = 0
    para: str = ""  # the address of the current numbered paragraph
    point: str = ""  # of the current lettered point
    letter: str = ""
    unnumbered: int = 0
    recitals: int = 0
    closings: int = 0


def _split_front_matter(lines: list[str]) -> int:
    """Index of the first line after a YAML front matter ('---' ... '---'), else 0."""
    if lines and _FRONT.match(lines[0]):
        for i in range(1, len(lines)):
            if _FRONT.match(lines[i]):
                return i + 1
    return 0


def _furniture(line: str, t: DocType, heads: set[str]) -> str:
    s = line.strip()
    if s in heads:
        return "running head"
    for kind in ("page_number", "job_number", "bar_code", "rule"):
        pattern = t.pattern(kind)
        if pattern and re.match(pattern, s):
            return kind.replace("_", " ")
    return ""


def _expected_split(text: str, n: int) -> int:
    """Where paragraph n starts inside a line ("... for 15. We ..."), or -1."""
    m = re.search(rf"(?:^|\s){n}\.\s+(?=[A-Z\u201c\"(])", text)
    if not m:
        return -1
    return m.start() + (1 if text[m.start()].isspace() else 0)


def _title_like(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 16 and text[:1].isupper() and not _CLOSED.search(text)
            and not _NUMBERED.match(text))


class Reader:
    """Gathers the units of a numbered document from its body lines, in order."""

    def __init__(self, t: DocType):
        self.t = t
        self.units: list[Unit] = []
        self.scope = Scope()
        self.in_annex = False
        self.annexes = 0
        self.operative = False

    @property
    def current(self) -> Unit | None:
        return self.units[-1] if self.units else None

    def start(self, kind: str, line: int, text: str, num: str = "", level: int = 0) -> None:
        self.units.append(Unit(kind, line, [text] if text else [], num, level))
        if kind == "para":
            self.scope.last = int(num)

    def address(self, kind: str, num: str) -> tuple[str, str | None, str]:
        """The unit's address, label and citation form; called in document order."""
        s = self.scope
        where = f"{s.cite}, " if s.cite else ""
        if kind == "para":
            s.last, s.point, s.letter = int(num), "", ""
            s.para = f"{s.prefix}para_{num}"
            return s.para, num, f"{where}para. {num}"
        if kind == "point":
            roman = num in _ROMANS and not (num == "i" and s.letter == "h") and bool(s.point)
            if not roman:
                s.letter = num
            base = s.point if roman else s.para
            if not base:
                return self.unnumbered(where)
            address = f"{base}__point_{num}" if roman else f"{base}__subpara_{num}"
            if not roman:
                s.point = address
            found = re.search(r"(?:^|__)para_(\d+)", base)
            para = found.group(1) if found else ""
            sub = f" ({s.letter})" if roman else ""
            return address, f"({num})", f"{where}para. {para}{sub} ({num})"
        if kind == "recital":
            s.recitals += 1
            return (f"{s.prefix}preamble__recital_{s.recitals}", "",
                    f"{where}preambular para. {s.recitals}")
        if kind == "formula":
            return f"{s.prefix}preamble__formula", "", f"{where}preamble"
        if kind == "closing":
            s.closings += 1
            return f"{s.prefix}conclusions__p_{s.closings}", "", f"{where}closing"
        if kind in ("heading", "annex"):
            return "", None, ""
        return self.unnumbered(where)

    def unnumbered(self, where: str) -> tuple[str, str | None, str]:
        s = self.scope
        s.unnumbered += 1
        after = f" after para. {s.last}" if s.last else ""
        return f"{s.prefix}p_{s.unnumbered}", "", f"{where}unnumbered paragraph{after}"

    def open_annex(self, line: int, text: str, number: str, rest: str) -> None:
        """An annex: a heading, and a numbering scope of its own."""
        self.annexes += 1
        self.in_annex = True
        self.scope = Scope()
        self.start("annex", line, text if not rest else text[: len(text) - len(rest)].strip(),
                   num=number, level=1)
        if rest:
            self.start("heading", line, rest, level=2)

    def addresses(self) -> list[tuple[str, str | None, str]]:
        """Per unit, in order: its address, label and citation form (headings: empty)."""
        out: list[tuple[str, str | None, str]] = []
        self.scope, annexes = Scope(), 0
        for i, unit in enumerate(self.units):
            if unit.kind in ("recital", "plain") and self.heading_between(i):
                unit.kind, unit.level = "heading", 2
            kind = unit.kind
            if kind == "annex":
                annexes += 1
                cite = f"annex {unit.num}" if unit.num else "annex"
                self.scope = Scope(prefix=f"annex_{annexes}__", cite=cite)
            if kind == "recital" and re.search(r"[.;]$", unit.text):
                kind = "plain"  # an unnumbered operative paragraph: recitals end with a comma
            out.append(self.address(kind, unit.num))
        return out

    def heading_between(self, i: int) -> bool:
        """An unnumbered line of a few words, unpunctuated, before a numbered paragraph or a
        heading, after a closed paragraph: a heading of the document's own."""
        after = self.units[i + 1].kind if i + 1 < len(self.units) else ""
        before = self.units[i - 1] if i else None
        return (_title_like(self.units[i].text) and after in ("para", "heading", "annex", "")
                and (before is None or bool(_CLOSED.search(before.text)) or before.kind in
                     ("heading", "annex")))

    def plausible(self, n: int) -> bool:
        return self.scope.last < n <= self.scope.last + _LOST

    def feed(self, line: int, text: str, gap: bool) -> None:
        """One line of the body; gap: blank lines (or dropped furniture) stand before it."""
        t = self.t
        if m := re.match(t.pattern("annex"), text):
            self.open_annex(line, text, m.group(1) or "", m.group(2).strip())
            return
        if (cur := self.current) is not None and cur.kind == "annex" and not _NUMBERED.match(text):
            self.start("heading", line, text, level=2)  # the annex's title, on its own line
            return
        if re.match(t.pattern("closing"), text):
            self.start("closing", line, text)
            return
        if not self.in_annex and not self.units and re.match(t.pattern("formula"), text):
            self.start("formula", line, text)
            return
        if m := _ROMAN.match(text):
            self.heading_line(line, text, m.group(2))
            return
        if (m := _NUMBERED.match(text)) and self.plausible(int(m.group(1))):
            self.operative = True
            self.start("para", line, "", m.group(1))
            self.rest(line, m.group(2))
            return
        if m := _POINT.match(text):
            self.start("point", line, "", m.group(1))
            self.rest(line, m.group(2))
            return
        if (m := _LETTER_HEAD.match(text)) and _title_like(m.group(2)):
            self.start("heading", line, text, level=3)
            return
        cur = self.current
        continues = cur is not None and cur.kind not in ("heading", "annex", "formula") and (
            not gap or not _CLOSED.search(cur.text) or text[:1].islower())
        if cur is not None and cur.kind == "heading" and _ROMAN.fullmatch(cur.text):
            continues = True  # "I." alone on its line: the heading's words follow
        if continues and cur is not None:
            if gap and cur.kind != "heading":
                cur.joined = True
            self.rest(line, text, into=cur)
            return
        split = self.split_at(text, loose=True)
        if split > 0 and _title_like(text[:split].strip()):
            self.start("heading", line, text[:split].strip(), level=2)
            self.rest(line, text[split:])
            return
        kind = "plain" if (self.operative or self.in_annex) else "recital"
        self.start(kind, line, "")
        self.rest(line, text)

    def heading_line(self, line: int, text: str, rest: str) -> None:
        split = self.split_at(text, loose=True)
        if split > 0:
            self.start("heading", line, text[:split].strip(), level=2)
            self.rest(line, text[split:])
        else:
            self.start("heading", line, text.strip(), level=2)

    def split_at(self, text: str, loose: bool = False) -> int:
        """Inside a line only the next number is taken; loose (after a heading's words), also
        one a few ahead (numbers lost in extraction)."""
        last = self.scope.last
        for n in range(last + 1, last + 1 + (_LOST if loose else 1)):
            at = _expected_split(text, n)
            if at >= 0:
                return at
        return -1

    def rest(self, line: int, text: str, into: Unit | None = None) -> None:
        """The words of a line, split where the next paragraph's number stands inside it."""
        unit = into or self.current
        assert unit is not None
        split = self.split_at(text, loose=unit.kind == "heading")
        if split > 0 or (split == 0 and unit.words):
            before = text[:split].strip()
            if before:
                unit.words.append(before)
            m = _NUMBERED.match(text[split:])
            assert m is not None
            self.operative = True
            self.start("para", line, "", m.group(1))
            self.rest(line, m.group(2))
            return
        if text:
            unit.words.append(text)


def structure(build: Build) -> Build:
    inputs = build.inputs
    t = doctypes.of(inputs.meta)
    lines = inputs.source_text.splitlines()
    body_start = _split_front_matter(lines)
    body_end, notes = footnotes.block(lines, body_start)
    at_foot = footnotes.page_notes(lines, body_start, body_end)
    for i, (text, n) in at_foot.items():
        notes.setdefault(n, (text, i + 1))
    title_re = re.compile(t.pattern("title_line"))
    heads = {str(inputs.meta.get("document_symbol") or "")} - {""}
    header: list[str] = []
    start = body_start
    for i in range(body_start, body_end):
        if m := title_re.match(lines[i].strip()):
            header = [ln.strip() for ln in lines[body_start:i + 1] if ln.strip()]
            heads.update({m.group(2).strip(), " ".join(lines[i].split())} - {""})
            start = i + 1
            adopted = t.pattern("adopted")
            nxt = next((j for j in range(start, body_end) if lines[j].strip()), None)
            if adopted and nxt is not None and re.match(adopted, lines[nxt].strip()):
                header.append(" ".join(lines[nxt].split()))
                start = nxt + 1
            break
    heads.add(" ".join(str(inputs.meta["document_title"]).split()))
    reader = Reader(t)
    dropped: list[tuple[int, str, str]] = []
    gap = False
    for i in range(start, body_end):
        text = " ".join(lines[i].split())
        if not text:
            gap = True
            continue
        if i in at_foot:  # a footnote at a page's foot: kept as a note, not as text
            gap = True
            continue
        kind = _furniture(text, t, heads)
        cur = reader.current
        if kind == "running head" and cur is not None and cur.kind == "annex" and not cur.num:
            kind = ""  # the annex's own title under "Annex", not a running head
        if kind:
            dropped.append((i + 1, text, kind))
            gap = True
            continue
        reader.feed(i + 1, text, gap)
        gap = False
    blocks = _blocks(reader)
    blocks, own = footnotes.attach(blocks, notes)
    return replace(build, blocks=tuple(blocks), header=tuple(header),
                   furniture=tuple(dropped),
                   inputs=replace(inputs, notes=(*own, *inputs.notes)))


def _blocks(reader: Reader) -> list[Block]:
    out: list[Block] = []
    taken: set[str] = set()
    for unit, (address, label, cite) in zip(reader.units, reader.addresses(), strict=True):
        text = unit.text
        if not text:
            continue
        if unit.kind in ("heading", "annex"):
            out.append(Block(text, text, unit.line, heading=unit.level))
            continue
        base, n = address, 2
        while address in taken:  # a number repeated by the source: both kept, told apart
            address, n = f"{base}_{n}", n + 1
        taken.add(address)
        out.append(Block(text, text, unit.line, joined_page_break=unit.joined, address=address,
                         label=label, cite_as=cite))
    return out


def run(build: Build) -> Build:
    if not doctypes.of(build.inputs.meta).own_numbers:
        return build
    return structure(build)


__all__ = ["Note", "Span", "run", "structure"]
