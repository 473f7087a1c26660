"""Stage indexes: the index pages (bodies, terms, topics, places, people, instruments, timeline,
cooperation), each entry with the paragraphs it concerns as `¶ N` links.

Every paragraph link is a relative Markdown link to `page.md#para_N`, so that
`mkdocs build --strict` checks it; every entry has a heading with a stable id (`body-<key>`),
so that an acronym's link lands on exactly one entry and Material's search indexes each entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from build_tools.annotation.mentions import (
    INDEX_HOME,
    INDEX_PAGES,
    MENTION_KINDS,
    PAGE_OF_KIND,
    anchor,
    entries_by_key,
    entry_href,
    label_markdown,
)
from build_tools.model import Build, Entry, OutFile
from build_tools.pages import sources
from build_tools.pages.aliases import aliases_line
from build_tools.pages.markdown import escape, exclude_attr, link
from build_tools.source import doctypes

EDITOR = '<span class="ed-label">Editor</span>'
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def mentioned_in(build: Build) -> dict[tuple[str, str], list[int]]:
    """(kind, key) -> the numbers of the paragraphs that mention the entry, in order."""
    out: dict[tuple[str, str], list[int]] = {}
    for p in build.doc.paragraphs:
        for s in p.spans:
            if s.kind in MENTION_KINDS:
                numbers = out.setdefault((s.kind, s.key), [])
                if not numbers or numbers[-1] != p.number:
                    numbers.append(p.number)
    return out


def para_links(build: Build, page: str, numbers: Iterable[int]) -> str:
    """`¶ N` links grouped by section: "*Section A*: ¶ 27, ¶ 29; *Section B*: ¶ 34"."""
    doc = build.doc
    paths = build.page_paths
    groups: list[tuple[str, list[str]]] = []
    for n in sorted(set(numbers)):
        if not 1 <= n <= len(doc.paragraphs):
            continue  # reported by the checks
        p = doc.paragraph(n)
        title = doc.section(p.section).title
        item = f"[{p.tag}]({link(page, paths[p.section], p.eid)})"
        if groups and groups[-1][0] == title:
            groups[-1][1].append(item)
        else:
            groups.append((title, [item]))
    if not groups:
        return ""
    # Out of the search index: a search for a section's name should find the section and its
    # paragraphs, not every entry that lists a paragraph of it.
    return (f"<span {exclude_attr('paragraph-list')}>"
            + "; ".join(f"*{escape(title)}*: {', '.join(items)}" for title, items in groups)
            + "</span>")


def _forms(entry: Entry) -> str:
    return ", ".join(f"\u201c{escape(f)}\u201d" for f in entry.forms)


def _entry_heading(entry: Entry, level: int = 3) -> str:
    """One heading per entry: its anchor, and its own search result. Under a group heading it
    is a level 3, else a level 2 (headings must not skip a level)."""
    text = escape(entry.name)
    if entry.abbr:
        text = f"{escape(entry.abbr[0])} \u2014 {text}"
    return f"{'#' * level} {text} {{#{anchor(entry.kind, entry.key)}}}\n"


def _description(entry: Entry) -> list[str]:
    """The editor's line on what the entry is, as a paragraph of its own."""
    if not entry.get("description"):
        return []
    return [f"{EDITOR} {escape(entry.get('description'))}\n{{: .ed-desc }}\n"]


def _common(build: Build, page: str, entry: Entry, mentions: list[int]) -> list[str]:
    """The lines every mentionable entry has: forms, the editor's note, its paragraphs."""
    lines = [*sources.head_lines(entry, EDITOR), f"- In the text: {_forms(entry)}",
             *aliases_line(entry)]
    if entry.get("note"):
        lines.append(f"- {EDITOR} {escape(entry.get('note'))}")
    if mentions:
        count = f"{len(mentions)} paragraph{'s' if len(mentions) != 1 else ''}"
        lines.append(f"- Mentioned in {count}: {para_links(build, page, mentions)}")
    return lines + sources.tail_lines(entry)


def _intro(title: str, text: str) -> list[str]:
    return [f"# {title}\n", text + "\n"]


EDITOR_KEY = (f"Lines marked {EDITOR} are the editor's (what a body or instrument is, notes); "
              "names, forms and paragraphs are the document's.")


def bodies_page(build: Build, page: str) -> str:
    entries = [e for e in build.inputs.entries if e.kind == "body"]
    mentions = mentioned_in(build)
    by_key = entries_by_key(build)
    systems = list(build.inputs.meta["systems"]) or [("", "Bodies")]
    system_name = dict(systems)
    out = _intro("Bodies (glossary)",
                 "Every organization, department, agency, programme, fund, mission, office and "
                 "institution the text names, by acronym or by name, grouped by system. "
                 + EDITOR_KEY)
    present = [(k, n) for k, n in systems if any(e.get("system", "") == k for e in entries)]
    # Each body's parts, found once (in the entries' order), not by a scan of all per body.
    parts: dict[str, list[Entry]] = {}
    for x in entries:
        if x.get("parent"):
            parts.setdefault(str(x.get("parent")), []).append(x)
    if len(present) > 1:
        out.append(" · ".join(f"[{escape(n)}](#system-{k})" for k, n in present) + "\n")
    for key, name in present:
        out.append(f"## {escape(name)} {{#system-{key}}}\n" if key else "")
        members = sorted((e for e in entries if e.get("system", "") == key),
                         key=lambda e: (e.abbr[0] if e.abbr else e.name).casefold())
        # a body's parts in this system first, as listed here, then the others
        rank = {id(m): i for i, m in enumerate(members)}
        for e in members:
            out.append(_entry_heading(e))
            out.extend(_description(e))
            facts = [f"- Kind: {escape(str(e.get('kind')))}"]
            if key:
                facts[0] += f" · System: {escape(system_name[key])}"
            parent = by_key.get(("body", e.get("parent") or ""))
            if parent is not None:
                facts.append(f"- Part of: [{label_markdown(parent)}]"
                             f"(#{anchor('body', parent.key)})")
            children = sorted(parts.get(e.key, []),
                              key=lambda c: rank.get(id(c), len(members)))
            if children:
                facts.append("- Includes: " + ", ".join(
                    f"[{label_markdown(c)}](#{anchor('body', c.key)})" for c in children))
            took_part = e.get("participant")
            spoke = e.get("statement")
            if doctypes.of(build.inputs.meta).participation and (
                    took_part is not None or spoke is not None):
                facts.append(
                    "- At the meeting: "
                    + ("took part" if took_part else "did not take part")
                    + "; " + ("made a statement at the opening session" if spoke
                              else "made no statement at the opening session"))
            out.append("\n".join(facts + _common(build, page, e, mentions.get(("body", e.key),
                                                                               [])))
                       + "\n")
    return "\n".join(out)


def _grouped_page(build: Build, page: str, kind: str, title: str, intro: str,
                  group_field: str | None, extra: dict[str, str], by_name: bool = False) -> str:
    """A page of entries, grouped by one field (in the order groups first appear); within a
    group, in the data's order or (by_name) alphabetically."""
    entries = [e for e in build.inputs.entries if e.kind == kind]
    if by_name:
        entries.sort(key=lambda e: (str(e.get(group_field) or "") if group_field else "",
                                    e.name.casefold()))
    mentions = mentioned_in(build)
    by_key = entries_by_key(build)
    out = _intro(title, intro)
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(str(e.get(group_field) or "") if group_field else "", []).append(e)
    for group, members in groups.items():
        if group:
            out.append(f"## {escape(group[:1].upper() + group[1:])}\n")
        for e in members:
            out.append(_entry_heading(e, 3 if group else 2))
            out.extend(_description(e))
            facts = []
            for name, caption in extra.items():
                value = e.get(name)
                if value in (None, ""):
                    continue
                if name == "within":
                    target = by_key.get(("place", value))
                    if target is not None:
                        facts.append(f"- {caption}: [{escape(target.name)}]"
                                     f"(#{anchor('place', target.key)})")
                elif name == "by":
                    target = by_key.get(("body", value))
                    if target is not None:
                        facts.append(f"- {caption}: [{label_markdown(target)}]"
                                     f"({entry_href(page, 'body', target.key)})")
                elif name == "date":
                    facts.append(f"- {caption}: {escape(human_date(str(value)))}")
                else:
                    facts.append(f"- {caption}: {escape(str(value))}")
            out.append("\n".join(facts + _common(build, page, e, mentions.get((kind, e.key),
                                                                               [])))
                       + "\n")
    return "\n".join(out)


def topics_page(build: Build, page: str) -> str:
    out = _intro("Topics", "The themes of the document and the paragraphs that deal with "
                 "them. The topics and their descriptions are the editor's.")
    for e in sorted((e for e in build.inputs.entries if e.kind == "topic"),
                    key=lambda e: e.name.casefold()):
        out.append(f"## {escape(e.name)} {{#{anchor('topic', e.key)}}}\n")
        out.extend(_description(e))
        out.append(f"- Paragraphs: {para_links(build, page, e.get('paras') or ())}\n")
    return "\n".join(out)


def human_date(value: str, end: str | None = None) -> str:
    """'2008-07-08' -> '8 July 2008'; with an end, a range ('8–10 July 2008')."""
    def parts(v: str) -> list[str]:
        return v.split("-")

    def one(v: str) -> str:
        p = parts(v)
        if len(p) == 3:
            return f"{int(p[2])} {MONTHS[int(p[1]) - 1]} {p[0]}"
        if len(p) == 2:
            return f"{MONTHS[int(p[1]) - 1]} {p[0]}"
        return v
    if not end:
        return one(value)
    a, b = parts(value), parts(end)
    if len(a) == len(b) == 3 and a[:2] == b[:2]:
        return f"{int(a[2])}\u2013{one(end)}"
    if len(a) == len(b) == 2 and a[0] == b[0]:
        return f"{MONTHS[int(a[1]) - 1]}\u2013{one(end)}"
    return f"{one(value)} \u2013 {one(end)}"


def timeline_page(build: Build, page: str) -> str:
    events = sorted((e for e in build.inputs.entries if e.kind == "event"),
                    key=lambda e: (str(e.get("date")), str(e.get("end") or "")))
    out = _intro("Timeline", "The dates the text names, in order, with the paragraphs that "
                 "name them. The labels are the editor's; the third column gives the words of "
                 "the text. A date marked *(editor)* is completed by the editor.")
    out.append("| Date | What | The text reads | Paragraphs |")
    out.append("| --- | --- | --- | --- |")
    for e in events:
        when = escape(human_date(str(e.get("date")), e.get("end")))
        if e.get("editor"):
            when += " *(editor)*"
        out.append(f"| {when} | {escape(e.name)}{sources.cell_note(e, EDITOR)} | "
                   f"\u201c{escape(str(e.get('text')))}\u201d | "
                   f"{para_links(build, page, e.get('paras') or ())} |")
    return "\n".join(out) + "\n"


def cooperation_page(build: Build, page: str) -> str:
    records = [e for e in build.inputs.entries if e.kind == "cooperation"]
    by_key = entries_by_key(build)
    systems = [(k, n) for k, n in build.inputs.meta["systems"]
               if any(r.get(k) for r in records)]
    out = _intro("Cooperation", "Who acts with whom, on what, and where the text says so: one "
                 "row per undertaking, with the bodies of each system. The summaries are the "
                 "editor's.")
    out.append("| " + " | ".join(escape(n) for _, n in systems) + " | On | Paragraphs |")
    out.append("|" + " --- |" * (len(systems) + 2))
    for r in records:
        cells = []
        for key, _ in systems:
            bodies = [by_key[("body", k)] for k in r.get(key) or () if ("body", k) in by_key]
            cells.append(", ".join(f"[{label_markdown(b)}]({entry_href(page, 'body', b.key)})"
                                   for b in bodies) or "\u2014")
        out.append("| " + " | ".join(cells) + f" | {escape(r.name)} | "
                   f"{para_links(build, page, r.get('paras') or ())} |")
    return "\n".join(out) + "\n"


def home(build: Build, present: list[tuple[str, str, str]]) -> str:
    counts: dict[str, int] = {}
    for e in build.inputs.entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    out = _intro("Indexes", "Each index leads to the paragraphs, `¶ N`, that concern an entry. "
                 "The entries are curated by the editor; what a body or instrument is, and the "
                 "notes, are the editor's words, not the document's.")
    for kind, page, title in present:
        out.append(f"- [{escape(title)}]({link(INDEX_HOME, page)}) ({counts[kind]})")
    return "\n".join(out) + "\n"


def pages(build: Build) -> list[OutFile]:
    kinds = {e.kind for e in build.inputs.entries}
    present = [p for p in INDEX_PAGES if p[0] in kinds]
    if not present:
        return []
    render = {
        "body": bodies_page,
        "term": lambda b, pg: _grouped_page(
            b, pg, "term", "Other terms", "Posts, titles, groups and terms the text uses or "
            "abbreviates. " + EDITOR_KEY, "type", {}),
        "topic": topics_page,
        "place": lambda b, pg: _grouped_page(
            b, pg, "place", "Places", "Countries, territories, regions and cities the text "
            "names (an adjective of a place counts as the place). " + EDITOR_KEY,
            "type", {"within": "In"}, by_name=True),
        "person": lambda b, pg: _grouped_page(
            b, pg, "person", "People", "The persons the text names, with their role as the "
            "text gives it. " + EDITOR_KEY, None, {"role_in_text": "In the text"}, by_name=True),
        "instrument": lambda b, pg: _grouped_page(
            b, pg, "instrument", "Instruments cited", "Resolutions, agreements, declarations, "
            "plans, conferences, meetings and reports the text cites. " + EDITOR_KEY, None,
            {"type": "Type", "date": "Date", "by": "By"}),
        "event": timeline_page,
        "cooperation": cooperation_page,
    }
    files = [OutFile(INDEX_HOME, home(build, present))]
    for kind, page, _ in present:
        files.append(OutFile(page, render[kind](build, page)))
    return files


def run(build: Build) -> Build:
    assert set(PAGE_OF_KIND) >= {e.kind for e in build.inputs.entries}
    return replace(build, files=build.files + tuple(pages(build)))
