"""The one error type the pipeline raises for bad input: it names the file and line."""

from __future__ import annotations

from pathlib import Path


class EditionError(Exception):
    """Bad input or a broken contract; the message says where and what."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        where = ""
        if self.path:
            where = f"{self.path}:{line}: " if line else f"{self.path}: "
        super().__init__(where + message)
