"""An index entry's aliases (other names and spellings readers type) on its glossary line."""

from __future__ import annotations

from build_tools.model import Entry
from build_tools.pages.markdown import escape


def aliases_line(entry: Entry) -> list[str]:
    """`- Also: “New Name”, “NN”` when the entry has aliases (they are the editor's, not
    the text's: search finds the entry and its paragraphs by them)."""
    aliases = entry.get("aliases") or ()
    if not aliases:
        return []
    return ["- Also: " + ", ".join(f"\u201c{escape(a)}\u201d" for a in aliases)]
