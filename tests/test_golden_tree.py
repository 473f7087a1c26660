"""Golden output: the whole generated Markdown tree, file by file.

Regenerate after a deliberate change with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_tree.py` and review the diff before committing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from golden_env import updating

from build_tools.model import Build, Paths

GOLDEN = Path(__file__).resolve().parent / "golden" / "tree"


def _stable(text: str) -> str:
    """The PDF's bytes depend on the machine's Chromium and fonts, and the offline zip holds the
    PDF and every page's inline style: mask their sizes and hashes (the download tests check them
    against the files themselves)."""
    return "\n".join(re.sub(r"[\d,]+\s+bytes", "SIZE", re.sub(r"[0-9a-f]{64}", "SHA256", line))
                     if ".pdf" in line or "offline.zip" in line else line
                     for line in text.split("\n"))


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): _stable(p.read_text("utf-8"))
            for p in sorted(root.rglob("*.md")) if p.is_file()}


def test_generated_markdown_tree_matches_golden(built: tuple[Build, Paths]) -> None:
    _, paths = built
    actual = _tree(paths.docs)
    if updating():
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in actual.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, "utf-8")
    expected = _tree(GOLDEN)
    assert sorted(actual) == sorted(expected), "pages added or removed"
    for name in expected:
        assert actual[name] == expected[name], f"{name} differs from tests/golden/tree/{name}"
