"""Words that stand in a built page for values the build makes only later (a file's size)."""

from __future__ import annotations

import hashlib
import re

# A pending word wherever it stands (a page, the search index): its kind, "pending", and 12 hex
# digits of the name it is for. One word for the search separator, so the index holds it whole.
PATTERN = re.compile(r"\b[a-z0-9]+pending[0-9a-f]{12}\b")


def word(kind: str, name: str) -> str:
    """The pending word of `kind` (such as size, sha256) for the file called `name`."""
    return f"{kind}pending{hashlib.sha256(name.encode('utf-8')).hexdigest()[:12]}"


def fill(text: str, values: dict[str, str]) -> str:
    """The text with each pending word replaced by the value it stands for."""
    for word, value in values.items():
        text = text.replace(word, value)
    return text
