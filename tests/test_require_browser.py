"""EDITION_REQUIRE_BROWSER=1 (make test, CI): a browser test that cannot start, or skips, fails."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

TESTS = '''
import pytest

pytestmark = pytest.mark.browser


def test_uses_the_browser(browser):
    assert browser


def test_skips():
    pytest.skip("no reason")
'''


def _run(tmp_path: Path, require: str | None) -> dict[str, int]:
    shutil.copy(PROJECT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_probe.py").write_text(TESTS, "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "EDITION_REQUIRE_BROWSER"}
    env["EDITION_CHROMIUM"] = str(tmp_path / "no-such-chromium")
    if require is not None:
        env["EDITION_REQUIRE_BROWSER"] = require
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-c", os.devnull, "--rootdir", str(tmp_path), str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    summary = proc.stdout.strip().splitlines()[-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) (failed|passed|skipped|error)", summary)}


@pytest.mark.parametrize(("require", "counts"), [
    ("1", {"failed": 1, "error": 1}),  # the test that skips, the fixture that cannot start
    (None, {"skipped": 2}),
    ("0", {"skipped": 2}),
])
def test_a_browser_test_that_cannot_start(tmp_path: Path, require: str | None,
                                          counts: dict[str, int]) -> None:
    assert _run(tmp_path, require) == counts
