"""`make test` on a fresh machine needs only what the README's two commands install."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PROJECT

# Tools a test once ran that neither `make build` nor `make test` installs (poppler's).
NOT_INSTALLED = re.compile(r"\b(pdftotext|pdfinfo|pdftoppm|pdfimages|poppler)\b")


def _files() -> list[Path]:
    found = [*PROJECT.joinpath("tests").glob("*.py"),
             *PROJECT.joinpath("build_tools").rglob("*.py"),
             PROJECT / "Makefile", PROJECT / ".ci" / "run",
             *PROJECT.joinpath(".github", "workflows").glob("*.yml")]
    return [p for p in found if p.name != "test_fresh_machine.py"]


def test_no_test_needs_a_tool_the_readme_does_not_install() -> None:
    users = [str(f) for f in _files() if NOT_INSTALLED.search(f.read_text(encoding="utf-8"))]
    assert users == [], f"these name a poppler tool, which a fresh machine lacks: {users}"


def test_ci_does_not_install_what_make_test_would_not() -> None:
    # .ci/run must not hide a missing install step: it installs only what the Makefile would
    # install too (Chromium) or what the README names as a prerequisite (Node.js and npm).
    run = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(re.findall(r"need\+=\(([^)]*)\)", run))
    assert installed <= {"chromium", "nodejs npm"}, installed
