"""Stage load: read and validate everything in content/ and annexes/."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from build_tools.errors import EditionError
from build_tools.model import (
    Annex,
    Build,
    Correction,
    Entry,
    FrozenNumbering,
    Heading,
    Inputs,
    Meta,
    Note,
    Source,
)
from build_tools.source import doctypes, safe_markdown, schemas, textfile, yamlio

# Index files that name things the text mentions, and the kind each one's entries get.
MENTIONABLE = {"bodies": "body", "terms": "term", "people": "person", "places": "place",
               "instruments": "instrument"}
CURATED = {"topics": "topic", "timeline": "event", "cooperation": "cooperation"}
COMMON_FIELDS = ("key", "name", "forms", "abbr", "when_near", "short_forms")


def read_source(root: Path, spec: dict[str, Any], edition_file: Path, lines: yamlio.Lines) -> str:
    path = root / str(spec["file"])
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EditionError("the source file named here does not exist",
                           edition_file, yamlio.line_of(lines, ("source", "file"))) from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != spec["sha256"]:
        raise EditionError(
            f"the source text has changed: its sha256 is {digest}, but {edition_file.name} pins "
            f"{spec['sha256']}. The received text is never edited; list changes in corrections.yml "
            "(or, for a new received text, pin its new hash deliberately)",
            path,
        )
    return textfile.decode(raw, path)


def read_corrections(path: Path) -> tuple[Correction, ...]:
    if not path.exists():
        return ()
    data, lines = yamlio.load(path, schemas.CORRECTIONS)
    out = []
    for i, item in enumerate(data or []):
        if "\n" in item["edition"] or "\r" in item["edition"]:
            # A paragraph is one line of Markdown: a break would end it inside the mark.
            raise EditionError(f"correction {item['id']!r}: the edition reading holds a line "
                               "break; a correction stays within one paragraph",
                               path, yamlio.line_of(lines, (i, "edition")))
        out.append(Correction(item["id"], item["kind"], item["source"], item["edition"],
                              item["reason"], lines[(i,)], sources_of(item)))
    _unique([c.id for c in out], [c.line for c in out], path)
    return tuple(out)


def read_notes(path: Path) -> tuple[Note, ...]:
    if not path.exists():
        return ()
    data, lines = yamlio.load(path, schemas.NOTES)
    for i, d in enumerate(data or []):
        safe_markdown.check(d["text"], f"note {d['id']!r}", path, lines.get((i, "text")))
    out = [Note(d["id"], d["para"], d.get("at", ""), d["text"], lines[(i,)], sources_of(d))
           for i, d in enumerate(data or [])]
    _unique([n.id for n in out], [n.line for n in out], path)
    return tuple(out)


def sources_of(item: dict[str, Any]) -> tuple[Source, ...]:
    """The validated `sources:` list of a data item (the schema has checked each one's shape)."""
    return tuple(Source(s["title"], s["url"]) for s in item.get("sources") or ())


def _unique(keys: list[str], lines: list[int], path: Path) -> None:
    seen: set[str] = set()
    for key, line in zip(keys, lines, strict=True):
        if key in seen:
            raise EditionError(f"duplicate key {key!r}", path, line)
        seen.add(key)


def read_index(folder: Path, systems: set[str]) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    for stem, schema in schemas.INDEX.items():
        path = folder / f"{stem}.yml"
        if not path.exists():
            continue
        data, lines = yamlio.load(path, schema)
        kind = MENTIONABLE.get(stem) or CURATED[stem]
        for i, item in enumerate(data or []):
            line = lines[(i,)]
            if stem == "cooperation":
                unknown = set(item) - {"key", "on", "paras"} - systems
                if unknown:
                    raise EditionError(f"{sorted(unknown)} are not systems named in edition.yml",
                                       path, line)
            forms = tuple(item.get("forms", ()))
            _check_forms(forms, tuple(item.get("short_forms", ())), path, line)
            abbr = tuple(item.get("abbr", ()))
            stray = [a for a in abbr if a not in forms]
            if stray:
                raise EditionError(f"abbr {stray} are not among the entry's forms", path, line)
            data_fields = tuple((k, v) for k, v in item.items() if k not in COMMON_FIELDS)
            entries.append(Entry(kind=kind, key=item["key"],
                                 name=item.get("name") or item.get("label") or item.get("on", ""),
                                 forms=forms, abbr=abbr,
                                 when_near=tuple(item.get("when_near", ())),
                                 data=data_fields, line=line, file=str(path)))
        _unique([e.key for e in entries if e.file == str(path)],
                [e.line for e in entries if e.file == str(path)], path)
    return tuple(entries)


def _check_forms(forms: tuple[str, ...], allowed: tuple[str, ...], path: Path, line: int) -> None:
    """A form is searched for in the whole text: "." or "a" would be a mention everywhere."""
    for form in allowed:
        if form not in forms:
            raise EditionError(f"short_forms: {form!r} is not among the entry's forms", path, line)
    for form in forms:
        if form in allowed:
            continue
        if len(form.strip()) < 2 or not any(ch.isalnum() for ch in form):
            raise EditionError(f"the form {form!r} is too short or holds no letter or digit: it "
                               "would match all over the text (list it under short_forms: if "
                               "it is meant)", path, line)


def read_annexes(folder: Path) -> tuple[Annex, ...]:
    path = folder / "manifest.yml"
    if not path.exists():
        return ()
    data, lines = yamlio.load(path, schemas.ANNEXES)
    parser = MarkdownIt("commonmark")
    out = []
    for item in data or []:
        text = None
        if "file" in item:
            md = folder / item["file"]
            if md.exists():
                text = textfile.read(md)
                safe_markdown.check(text, "annex text", md, 1, offset_lines=True)
                # Parse it here so a broken annex fails the load, not the site build.
                tokens = parser.parse(text)
                if not tokens or tokens[0].type != "heading_open":
                    raise EditionError("an annex text must start with a heading", md, 1)
        out.append(Annex(item["key"], item["label"], item["key"], item["holds"], item["para"],
                         text))
    _unique([a.key for a in out], [lines[(i,)] for i in range(len(out))], path)
    return tuple(out)


def read_frozen(path: Path) -> FrozenNumbering:
    if not path.exists():
        return FrozenNumbering((), (), exists=False)
    data, _ = yamlio.load(path, schemas.NUMBERING)
    paragraphs = tuple((p["n"], p["fingerprint"], p["starts"]) for p in data["paragraphs"])
    sections = tuple((s["fingerprint"], s["slug"]) for s in data["sections"])
    ids = tuple((p["n"], p["id"]) for p in data["paragraphs"] if "id" in p)
    return FrozenNumbering(paragraphs, sections, exists=True, ids=ids)


def read_pages(folder: Path) -> tuple[tuple[str, str], ...]:
    if not folder.is_dir():
        return ()
    pages = tuple((p, textfile.read(p)) for p in sorted(folder.glob("*.md")))
    for path, text in pages:
        safe_markdown.check(text, "page", path, 1, offset_lines=True)
    return tuple((path.stem, text) for path, text in pages)


def load_inputs(content: Path, annexes: Path) -> Inputs:
    edition_file = content / "edition.yml"
    data, lines = yamlio.load(edition_file, schemas.EDITION)
    source_text = read_source(content, data["source"], edition_file, lines)
    doctypes.check(data, edition_file, lines)
    structure = data["structure"]
    if structure.get("ending_note"):
        safe_markdown.check(structure["ending_note"], "structure.ending_note", edition_file,
                            lines.get(("structure", "ending_note")))
    headings = tuple(
        Heading(h["text"], h["level"], lines[("structure", "headings", i)], h.get("slug"))
        for i, h in enumerate(structure.get("headings") or [])
    )
    breaks = tuple((int(k), bool(v)) for k, v in (structure.get("page_breaks") or {}).items())
    systems = [(s["key"], s["name"]) for s in data.get("systems", [])]
    meta = Meta(tuple({
        "type": data.get("type", doctypes.DEFAULT),
        "source_file": data["source"]["file"],
        "source_sha256": data["source"]["sha256"],
        "source_description": data["source"].get("description", ""),
        **{f"document_{k}": v for k, v in data["document"].items()},
        **{f"edition_{k}": v for k, v in data["edition"].items()},
        "front_label": structure["front_label"],
        "ending_note": structure.get("ending_note", ""),
        "systems": tuple(systems),
    }.items()))
    return Inputs(
        root=content,
        meta=meta,
        source_text=source_text,
        headings=headings,
        page_break_overrides=breaks,
        corrections=read_corrections(content / "corrections.yml"),
        notes=read_notes(content / "notes.yml"),
        entries=read_index(content / "index", {k for k, _ in systems}),
        annexes=read_annexes(annexes),
        pages=read_pages(content / "pages"),
        frozen=read_frozen(content / "numbering.yml"),
    )


def run(build: Build) -> Build:
    """Loading happens before the first stage (see pipeline); this stage checks cross-references."""
    inputs = build.inputs
    keys = {(e.kind, e.key) for e in inputs.entries}
    bodies = {e.key for e in inputs.entries if e.kind == "body"}
    systems = {k for k, _ in inputs.meta["systems"]}
    for e in inputs.entries:
        if e.kind == "body":
            parent = e.get("parent")
            if parent and parent not in bodies:
                raise EditionError(f"parent {parent!r} is not a body key", e.file, e.line)
            if systems and e.get("system") not in systems:
                raise EditionError(f"system {e.get('system')!r} is not one of {sorted(systems)}",
                                   e.file, e.line)
        if e.kind == "cooperation":
            for system in systems:
                for key in e.get(system) or ():
                    if key not in bodies:
                        raise EditionError(f"{key!r} is not a body key", e.file, e.line)
        if e.kind == "place" and e.get("within") and ("place", e.get("within")) not in keys:
            raise EditionError(f"within {e.get('within')!r} is not a place key", e.file, e.line)
    return build
