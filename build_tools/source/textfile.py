"""Read an input file as UTF-8, or fail naming the file, line and offset of the first bad byte."""

from __future__ import annotations

from pathlib import Path

from build_tools.errors import EditionError


def decode(raw: bytes, path: Path | str) -> str:
    """The bytes as text; a byte that is not UTF-8 is an error naming where it stands."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise EditionError(f"not UTF-8 (byte offset {err.start}: {err.reason})", path,
                           line) from None


def read(path: Path) -> str:
    """The file's text (a missing file is an error naming it, not a traceback)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EditionError("file not found", path) from None
    except OSError as err:
        raise EditionError(f"cannot be read ({err.strerror})", path) from None
    return decode(raw, path)
