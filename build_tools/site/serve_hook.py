"""mkdocs hook for `edition serve`: regenerate the Markdown tree before each rebuild, and while
the content has an error, answer every page with that error (file, line, message)."""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Paths

log = logging.getLogger("mkdocs.edition")

# The error of the last regeneration, or None: kept between rebuilds of one `mkdocs serve`.
_error: EditionError | None = None


def on_pre_build(config: Any) -> None:
    global _error
    paths = Paths(content=Path(os.environ["EDITION_CONTENT"]),
                  annexes=Path(os.environ["EDITION_ANNEXES"]), out=Path(os.environ["EDITION_OUT"]),
                  mkdocs_yml=Path(os.environ["EDITION_MKDOCS"]))
    try:
        pipeline.generate_tree(paths)
        _error = None
    except EditionError as err:
        # The build goes on (with the last good tree) so that mkdocs answers requests: a failed
        # build would leave every request waiting until the next good one.
        _error = err
        log.error("edition: %s", err)


def error_page(err: EditionError) -> str:
    """A page that says what is wrong; mkdocs serve adds its reload script before </body>."""
    where = html.escape(f"{err.path}:{err.line}" if err.line else str(err.path or ""))
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Edition error</title>\n</head>\n<body>\n<main>\n"
            "<h1>The content has an error</h1>\n"
            f'<p>File: <code class="edition-error-where">{where}</code></p>\n'
            f'<pre class="edition-error-message">{html.escape(err.message)}</pre>\n'
            "<p>This page reloads when the file is saved again.</p>\n"
            "</main>\n</body>\n</html>\n")


def on_post_page(output: str, page: Any, config: Any) -> str:
    return error_page(_error) if _error is not None else output
