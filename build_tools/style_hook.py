"""mkdocs hook: the edition's stylesheet for build_tools/theme/main.html (why: theme_css.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from build_tools import theme_css

STYLESHEETS = (Path(__file__).parent / "assets" / "edition.css",)


def on_env(env: Any, config: Any, files: Any) -> Any:
    if config.theme.get("palette"):
        raise PluginError("theme.palette: the edition's dark scheme follows the reader's system "
                          "in CSS (build_tools/theme_css.py); Material's toggle would load "
                          "palette.css beside it")
    try:
        css = theme_css.site_css(config.theme.dirs, STYLESHEETS)
    except (OSError, ValueError) as exc:
        raise PluginError(f"the site's inline stylesheet: {exc}") from exc
    env.globals["edition_css"] = Markup(css)
    return env
