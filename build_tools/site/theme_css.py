"""The site's own styles, inline in each page: Material's dark scheme, then the edition's."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tinycss2
from rcssmin import cssmin

# Why (measured with `make bench`, README "Quality gates"): each render-blocking stylesheet next
# to Material's main.css delayed the first paint by about 0.15 s under Lighthouse's mobile
# throttling, even an empty one; and Material's light/dark toggle (theme.palette) loads 12 KiB
# of colours for two, and its script sets the scheme on <body> while the page loads, which
# doubled the style time of the largest index page. So the dark scheme follows the reader's
# system, in CSS only: Material's own declarations for it, applied to :root.
PALETTE_FILE = "assets/stylesheets/palette.*.min.css"
DARK_SCHEME = "slate"  # Material's dark colour scheme
DARK_MEDIA = "screen and (prefers-color-scheme: dark)"
PALETTE_ATTRIBUTE = re.compile(r"\[data-md-color-[\w-]+(?:=[\"']?[\w-]+[\"']?)?\]")


def _scheme(name: str) -> re.Pattern[str]:
    return re.compile(rf"\[data-md-color-scheme=[\"']?{re.escape(name)}[\"']?\]")


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(), :not() or [])."""
    out, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            out.append(prelude[start:i].strip())
            start = i + 1
    out.append(prelude[start:].strip())
    return [s for s in out if s]


def _on_root(selector: str, scheme: re.Pattern[str]) -> str | None:
    """The selector with the scheme's attribute read as :root; None if it does not name the
    scheme, or names another palette attribute (primary, accent: never set without a toggle)."""
    if not scheme.search(selector):
        return None
    rooted = scheme.sub(":root", selector, count=1)
    return None if PALETTE_ATTRIBUTE.search(rooted) else rooted


def _dark(rules: Iterable[Any], scheme: re.Pattern[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in (_on_root(sel, scheme)
                                for sel in _selectors(tinycss2.serialize(rule.prelude))) if s]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in (
                "media", "supports"):
            inner = _dark(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                   skip_whitespace=True), scheme)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}"
                           f"{{{inner}}}")
    return "".join(out)


def dark_scheme(palette_css: str, scheme: str = DARK_SCHEME, media: str = DARK_MEDIA) -> str:
    """Material's rules for one colour scheme, on :root while `media` holds."""
    rules = tinycss2.parse_stylesheet(palette_css, skip_comments=True, skip_whitespace=True)
    inner = _dark(rules, _scheme(scheme))
    if not inner:
        raise ValueError(f"Material's palette stylesheet has no rules for scheme {scheme!r}")
    return f"@media {media}{{{inner}}}"


def palette_source(theme_dirs: Iterable[str | Path]) -> Path:
    """Material's palette stylesheet, as installed."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob(PALETTE_FILE))
        if found:
            return found[0]
    raise FileNotFoundError(f"no {PALETTE_FILE} in the theme's folders")


def site_css(theme_dirs: Iterable[str | Path], own: Sequence[Path]) -> str:
    """The inline stylesheet: the dark scheme, then the edition's stylesheets minified; safe
    inside <style> (it cannot close the element)."""
    parts = [dark_scheme(palette_source(theme_dirs).read_text(encoding="utf-8"))]
    parts.extend(path.read_text(encoding="utf-8") for path in own)
    css = "".join(cssmin(part) for part in parts)
    if "</style" in css.lower():
        raise ValueError("a stylesheet contains '</style', which would end the inline element")
    return css
