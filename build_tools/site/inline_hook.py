"""mkdocs hook: the edition's style and script for theme/main.html (why: inline.py)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from build_tools.site import after_paint, inline, theme_css


def on_env(env: Any, config: Any, files: Any) -> Any:
    if config.theme.get("palette"):
        raise PluginError("theme.palette: the edition's dark scheme follows the reader's system "
                          "in CSS (build_tools/site/theme_css.py); Material's toggle would load "
                          "palette.css beside it")
    try:
        for suffix, css, js in (("", inline.STYLESHEETS, inline.SCRIPTS),
                                ("_text", inline.TEXT_STYLESHEETS, inline.TEXT_SCRIPTS)):
            env.globals["edition_css" + suffix] = Markup(theme_css.site_css(config.theme.dirs,
                                                                            css))
            env.globals["edition_js" + suffix] = Markup(inline.site_js(js))
        env.globals["edition_js_404"] = Markup(inline.site_js(inline.NOT_FOUND_SCRIPTS))
    except (OSError, ValueError) as exc:
        raise PluginError(f"the site's inline style or script: {exc}") from exc
    env.filters["after_first_paint"] = _after_first_paint
    return env


def _after_first_paint(block: str) -> Markup:
    """theme/main.html's filter over Material's scripts block (why: inline/after-paint.js)."""
    try:
        return Markup(after_paint.hold(str(block)))
    except ValueError as exc:
        raise PluginError(str(exc)) from exc


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """A page with the document's paragraphs gets their style and the cite script too."""
    context["edition_text_page"] = inline.is_text_page(page.content or "")
    return context
