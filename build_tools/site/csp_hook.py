"""mkdocs hook: a Content-Security-Policy in every built page, hashing its own inline scripts."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.site import csp, offline

log = logging.getLogger("mkdocs.edition.csp")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(-200)  # last: after every other hook and plugin has written its HTML
def on_post_build(config: Any) -> None:
    if _command == "serve":
        return  # mkdocs serve injects an inline reload script of its own into every page
    try:
        count = csp.apply(Path(config.site_dir), offline.SHIM_PATH)
    except (OSError, ValueError) as exc:
        raise PluginError(f"Content-Security-Policy: {exc}") from exc
    log.debug("Content-Security-Policy written into %d pages", count)
