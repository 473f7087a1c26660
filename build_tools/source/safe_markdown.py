"""The editor's Markdown through an allowlist: no raw HTML, no script URLs, no unsafe attributes."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown_it import MarkdownIt
from markdown_it.token import Token

from build_tools.errors import EditionError

# Why a check and not a sanitizer of the output: the site's Markdown is rendered by mkdocs
# (Python-Markdown), which has no safe mode; refusing at load names the file and line, and the
# editor's words are never silently changed. The Content-Security-Policy stands behind it.
URL_SCHEMES = ("http", "https", "mailto")
# What an attribute list ({: ... }) may set: nothing that runs, loads or restyles.
ATTRIBUTES = ("id", ".", "lang", "dir", "title")
# Any "<" that starts a tag, a comment, a declaration or an instruction, in either renderer.
_TAG = re.compile(r"<(?=[A-Za-z!?/])")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
_INLINE_DEST = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE_DEST = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n]*)\}")
_ATTR_LIST_GREEDY = re.compile(r"\{:?[ ]*([^\n]*)\}")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside a URL's scheme
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see every destination
    return md


_MD = _parser()


def scheme(url: str) -> str | None:
    """The URL's scheme as a browser would read it (entities, escapes and blanks undone)."""
    plain = _INVISIBLE.sub("", html.unescape(_ESCAPED.sub(r"\1", url))).lower()
    match = _SCHEME.match(plain)
    return match.group(1) if match else None


def _urls(tokens: list[Token]) -> Iterator[str]:
    for token in tokens:
        for name in ("href", "src"):
            value = token.attrGet(name)
            if isinstance(value, str):
                yield value
        if token.children:
            yield from _urls(token.children)


def problems(text: str) -> Iterator[tuple[int, str]]:
    """(line within the text, what is refused) for each construct outside the allowlist."""

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for match in _TAG.finditer(text):
        auto = _AUTOLINK.match(text, match.start())
        if auto and scheme(auto.group(1)) in URL_SCHEMES:
            continue
        snippet = text[match.start():match.start() + 30].split("\n")[0]
        yield line_of(match.start()), (f"raw HTML is not allowed ({snippet!r}); write Markdown, "
                                       "or &lt; for a literal '<'")
    urls = [(line_of(m.start()), m.group(1)) for m in _INLINE_DEST.finditer(text)]
    urls += [(line_of(m.start()), m.group(1)) for m in _REFERENCE_DEST.finditer(text)]
    urls += [(line_of(max(text.find(url), 0)), url) for url in _urls(_MD.parse(text))]
    for line, url in urls:
        found = scheme(url)
        if found is not None and found not in URL_SCHEMES:
            yield line, (f"a {found}: URL is not allowed ({url[:40]!r}); links may be "
                         f"{', '.join(s + ':' for s in URL_SCHEMES)} or relative")
    for pattern in (_ATTR_LIST, _ATTR_LIST_GREEDY):
        for match in pattern.finditer(text):
            attrs, _ = get_attrs_and_remainder(match.group(1))
            bad = [key for key, value in attrs if key.lower() not in ATTRIBUTES or value is None]
            if bad:
                yield line_of(match.start()), (
                    f"the attribute list {match.group(0)[:40]!r} sets {bad[0]!r}; an attribute "
                    "list may set only #id, .class, lang, dir and title (write \\{ for a "
                    "literal brace)")


def check(text: str, what: str, path: Path | str, line: int | None = None,
          offset_lines: bool = False) -> None:
    """Refuse the text if it holds anything outside the allowlist. `line` is where the text
    stands in its file; with offset_lines, the construct's own line within the text is added."""
    for at, problem in problems(text):
        where = (line or 1) + at - 1 if offset_lines else line
        raise EditionError(f"{what}: {problem}", path, where)
