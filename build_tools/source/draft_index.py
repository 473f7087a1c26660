"""`edition init`, second half: the frozen numbering and a drafted index from the text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from build_tools.model import Paragraph, Paths
from build_tools.source.slug import slugify

# "Full Name (ACR)": the acronym in brackets after the words its letters come from.
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]*[A-Z]s?)\)")
_SMALL = {"of", "for", "and", "the", "on", "in", "to", "at", "de", "des", "du", "la", "le",
          "with", "against", "its", "a", "an", "&"}


def q(value: Any) -> str:
    """A YAML scalar (JSON strings are YAML), so no value can break the drafted file."""
    return json.dumps(value, ensure_ascii=False)


def defined(text: str) -> list[tuple[str, str]]:
    """(full name, acronym) for each acronym the text defines by its words' initials."""
    out = []
    for m in _DEFINED.finditer(text):
        acr = m.group(1)
        letters = (acr[:-1] if acr.endswith("s") and acr[:-1].isupper() else acr).upper()
        words = text[:m.start()].split()
        for k in range(1, min(len(words), 14) + 1):
            name_words = words[-k:]
            initials = "".join(w[0] for w in name_words
                               if w.lower() not in _SMALL and w[0].isalnum())
            if initials.upper() == letters and name_words[0].lower() not in _SMALL:
                out.append((" ".join(name_words).strip(",;:"), acr))
                break
            if len(initials) > len(letters):
                break
        if out and out[-1][1] == acr:
            continue
        # Not by initials ("International Criminal Police Organization (INTERPOL)"): the
        # fewest words whose letters hold the acronym's in order, from the first word's initial.
        for k in range(2, min(len(words), 8) + 1):
            name_words = words[-k:]
            if name_words[0][:1] == acr[0] and _in_order(letters.lower(),
                                                          "".join(name_words).lower()):
                out.append((" ".join(name_words).strip(",;:"), acr))
                break
    return out


def _in_order(needle: str, hay: str) -> bool:
    letters = iter(hay)
    return all(ch in letters for ch in needle)


def entries(paragraphs: tuple[Paragraph, ...], record: str | None = None
            ) -> tuple[list[str], list[str], set[str]]:
    """Drafted YAML items for bodies (proper names) and terms, and the acronyms they explain;
    record: the document's own record, each draft's source (where the text defines it)."""
    bodies: list[str] = []
    terms: list[str] = []
    seen: set[str] = set()
    for p in paragraphs:
        for name, acr in defined(p.text):
            if acr in seen or name == acr:
                continue
            seen.add(acr)
            where = f"defined in the text as \u201c{name} ({acr})\u201d, {p.locator}"
            item = [f"- key: {slugify(acr)}", f"  name: {q(name)}",
                    f"  forms: [{q(name)}, {q(acr)}]", f"  abbr: [{q(acr)}]"]
            if record:
                item.append(f"  sources: [{{title: {q('The document, ' + where)}, "
                            f"url: {q(record)}}}]")
            if name[:1].isupper():
                bodies.append("\n".join([*item, "  system: other", "  kind: draft",
                                         "  parent: null", "  participant: false",
                                         "  statement: false", "  description: null",
                                         f"  note: {q('Draft (edition init): ' + where + '.')}"]))
            else:
                terms.append("\n".join([*item, "  type: draft",
                                        f"  description: {q('Draft (edition init): ' + where)}"]))
    return bodies, terms, seen


def draft(content: Path, annexes: Path) -> None:
    from build_tools import pipeline  # the pipeline imports the source package: import here
    from build_tools.annotation.checks import acronyms
    from build_tools.source import number

    paths = Paths(content=content, annexes=annexes, out=content.parent / "out",
                  mkdocs_yml=Path("mkdocs.yml"))
    names = [name for name, _ in pipeline.STAGES]
    build = pipeline.generate(paths, pipeline.STAGES[:names.index("segment") + 1])
    number.freeze(build.doc, content / "numbering.yml")
    record = build.inputs.meta.get("document_record")
    bodies, terms, explained = entries(build.doc.paragraphs, str(record) if record else None)
    index = content / "index"
    index.mkdir(exist_ok=True)
    head = "# Drafted by `edition init` from acronyms the text defines; check each entry.\n"
    (index / "bodies.yml").write_text(head + ("\n\n".join(bodies) if bodies else "[]") + "\n",
                                      encoding="utf-8")
    (index / "terms.yml").write_text(head + ("\n\n".join(terms) if terms else "[]") + "\n",
                                     encoding="utf-8")
    covered = {f for f in explained}
    others = sorted({tok for p in build.doc.paragraphs for _, _, tok in acronyms(p.text)}
                    - covered)
    lines = ["# Tokens that look like acronyms but that no drafted entry explains.",
             "# TO DECIDE for each (edition init cannot decide): an abbreviation (then give it an",
             "# entry in index/ and remove it here) or not one (then keep it, with its reason)."]
    lines += [f"- token: {q(tok)}\n  reason: \"undecided (edition init)\"" for tok in others]
    (content / "capitals.yml").write_text("\n".join(lines) + ("\n" if others else "\n[]\n"),
                                          encoding="utf-8")
