"""Search-only words of an entry: what readers type that the text does not spell that way.

Material's search matches a query word as the prefix of an indexed word, split by the separator
configured in mkdocs.yml. A word the text hyphenates ("cross-border") is indexed as its halves,
so the joined form ("crossborder") is added; a word spelled the British or the American way is
added in the other spelling (content/spellings.yml). These words go into an entry's `also`
field, which Material indexes (mkdocs.yml, `fields`) but does not show.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from build_tools.source import schemas, yamlio

SPELLINGS = "spellings.yml"
# A compound as the text writes it: letters or digits joined by hyphens (ASCII or U+2010/2011)
# or apostrophes ("nation’s" is also found as "nations").
_JOINERS = "-\u2010\u2011'\u2019"
_COMPOUND = re.compile(rf"[^\W_]+(?:[{_JOINERS}][^\W_]+)+")
_TAG = re.compile(r"<[^>]*>")


def separator(mkdocs_yml: Path) -> re.Pattern[str]:
    """The search plugin's separator from the project's mkdocs.yml (the one Material uses; its
    character classes mean the same to Python's re as to a JavaScript RegExp)."""
    config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))
    for plugin in config.get("plugins") or ():
        if isinstance(plugin, dict) and isinstance(plugin.get("search"), dict):
            value = plugin["search"].get("separator")
            if value:
                return re.compile(value)
    return re.compile(r"[\s\-]+")  # mkdocs' default


def spellings(content: Path) -> tuple[tuple[str, ...], ...]:
    """The groups of interchangeable word beginnings; none when the file is absent."""
    path = content / SPELLINGS
    if not path.is_file():
        return ()
    data, _ = yamlio.load(path, schemas.SPELLINGS)
    return tuple(tuple(group) for group in data or ())


def tokens(text: str, sep: re.Pattern[str]) -> list[str]:
    """The words Material indexes for this text (lower case, markup left out)."""
    return [t.lower() for t in sep.split(_TAG.sub(" ", text)) if t]


def variants(word: str, groups: Iterable[tuple[str, ...]]) -> list[str]:
    """The word in each other spelling of the longest beginning it has in a group."""
    return list(_variants(word, tuple(groups)))


# Each word once: the same words come back in every paragraph (a scan of every spelling per
# word was 4.5 s of the build at 50x the text).
@functools.lru_cache(maxsize=65536)
def _variants(word: str, groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        begins = [form for form in group if word.startswith(form)]
        if begins:
            form = max(begins, key=len)
            out.extend(other + word[len(form):] for other in group if other != form)
    return tuple(out)


def also(text: str, added: Iterable[str], sep: re.Pattern[str],
         groups: tuple[tuple[str, ...], ...], keep: Iterable[str] = ()) -> str:
    """The search-only words for an entry whose shown text is `text`: the words of `added`
    (full names, today's names...), the joined form of each hyphenated compound, and the other
    spellings of every word; each once, and none the text already has but the words of `keep`
    (a body's acronym that is also a word: the body outranks the word)."""
    in_text = tokens(text, sep)
    kept = {w for phrase in keep for w in tokens(phrase, sep)}
    shown = set(in_text) - kept
    words: list[str] = []
    for phrase in added:
        words.extend(tokens(phrase, sep))
    words.extend(re.sub(f"[{_JOINERS}]", "", m.group(0)).lower()
                 for m in _COMPOUND.finditer(_TAG.sub(" ", text)))
    words.extend(v for w in [*dict.fromkeys(in_text), *words] for v in variants(w, groups))
    seen: set[str] = set()
    out = []
    for w in words:
        if w not in shown and w not in seen:
            seen.add(w)
            out.append(w)
    return " ".join(out)
