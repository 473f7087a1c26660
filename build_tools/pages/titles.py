"""Headings in title case for the navigation, the page header and citations (the text keeps the
document's own words and case)."""

from __future__ import annotations

from build_tools.model import Build, Section

# English words a title keeps in lower case (the edition's language, not any document's words).
SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "onto", "or", "per", "than", "the", "to", "upon", "via", "with", "within", "without"})
_EDGE = "\"'\u2018\u2019\u201c\u201d()[],.;:!?"

_keep_cache: dict[int, tuple[object, frozenset[str]]] = {}


def _capital(word: str) -> str:
    """The word in lower case but its first letter."""
    low = word.lower()
    at = next((i for i, ch in enumerate(low) if ch.isalpha()), 0)
    return low[:at] + low[at:at + 1].upper() + low[at + 1:]


def title_case(title: str, keep: frozenset[str] = frozenset()) -> str:
    """A heading in capitals only, in title case; any other heading as it is. Words in `keep`
    (the abbreviations the indexes explain) stay as written."""
    if any(ch.islower() for ch in title) or not any(ch.isupper() for ch in title):
        return title
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        core = word.strip(_EDGE)
        if not core or core in keep:
            out.append(word)
        elif 0 < i < len(words) - 1 and core.lower() in SMALL_WORDS:
            out.append(word.lower())
        else:  # each part of a hyphenated compound ("PEACE-BUILDING": "Peace-Building")
            out.append("-".join(part if part.strip(_EDGE) in keep else _capital(part)
                                for part in word.split("-")))
    return " ".join(out)


def abbreviations(build: Build) -> frozenset[str]:
    """Every abbreviation the index entries give (kept in capitals by title_case)."""
    entries = build.inputs.entries
    cached = _keep_cache.get(id(entries))
    if cached is None or cached[0] is not entries:
        cached = (entries, frozenset(a for e in entries for a in e.abbr))
        _keep_cache.clear()
        _keep_cache[id(entries)] = cached
    return cached[1]


def display(build: Build, section: Section) -> str:
    """A section's title as the navigation, the header and citations show it."""
    return title_case(section.title, abbreviations(build))
