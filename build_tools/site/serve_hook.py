"""mkdocs hook for `edition serve`: regenerate the Markdown tree before each rebuild."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Paths

log = logging.getLogger("mkdocs.edition")


def on_pre_build(config: Any) -> None:
    paths = Paths(content=Path(os.environ["EDITION_CONTENT"]),
                  annexes=Path(os.environ["EDITION_ANNEXES"]), out=Path(os.environ["EDITION_OUT"]),
                  mkdocs_yml=Path(os.environ["EDITION_MKDOCS"]))
    try:
        pipeline.generate_tree(paths)
    except EditionError as err:
        # Keep serving the last good pages; the editor sees the error in the terminal.
        log.error("edition: %s", err)
