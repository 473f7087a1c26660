"""Bad input: a clear message naming file and line, a non-zero exit, the last good site intact."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools import cli
from build_tools.model import Paths


def run_cli(paths: Paths, *args: str) -> int:
    return cli.main([*args, "--content", str(paths.content), "--annexes", str(paths.annexes),
                     "--out", str(paths.out), "--mkdocs", str(paths.mkdocs_yml)])


def snapshot(site: Path) -> dict[str, str]:
    return {str(f.relative_to(site)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(site.rglob("*")) if f.is_file()}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def malformed_yaml(p: Paths) -> None:
    _replace(p.content / "corrections.yml", "- id: sixty-third-session", "- id: [broken")


def changed_source(p: Paths) -> None:
    src = next((p.content / "source").iterdir())
    src.write_bytes(src.read_bytes().replace(b"Iraq", b"Irak", 1))


def correction_nowhere(p: Paths) -> None:
    _replace(p.content / "corrections.yml", "source: Sudan /Chad", "source: Sudan /Chadd")


def correction_twice(p: Paths) -> None:
    _replace(p.content / "corrections.yml", "source: Sudan /Chad", "source: Sudan")


def renumbering(p: Paths) -> None:
    # A page-break override that joins two paragraphs: a merge of published paragraphs.
    _replace(p.content / "edition.yml", "structure:\n", "structure:\n  page_breaks: {100: true}\n")


def schema_violation(p: Paths) -> None:
    _replace(p.content / "corrections.yml", "kind: lost-character", "kind: typo")


CASES: dict[str, tuple[Callable[[Paths], None], str, str]] = {
    "malformed YAML": (malformed_yaml, "corrections.yml:", "malformed YAML"),
    "changed source hash": (changed_source, "un-oic-2008-final-document.txt",
                            "the source text has changed"),
    "correction matching nowhere": (correction_nowhere, "corrections.yml:", "occurs nowhere"),
    "correction matching twice": (correction_twice, "corrections.yml:", "times"),
    "renumbering": (renumbering, "numbering.yml", "would no longer exist"),
    "schema violation": (schema_violation, "corrections.yml:", "is not one of"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_fails_clearly_and_keeps_the_last_good_site(
    name: str, content_copy: Paths, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    break_it, where, what = CASES[name]
    assert run_cli(content_copy, "build") == 0
    before = snapshot(content_copy.site)
    assert before
    break_it(content_copy)
    caplog.clear()
    assert run_cli(content_copy, "build") == 1
    message = caplog.text
    assert where in message and what in message, message
    assert snapshot(content_copy.site) == before


def test_the_line_named_is_the_line_at_fault(content_copy: Paths,
                                             caplog: pytest.LogCaptureFixture) -> None:
    path = content_copy.content / "corrections.yml"
    correction_nowhere(content_copy)
    line = next(i for i, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if "Sudan /Chadd" in text)
    assert run_cli(content_copy, "build") == 1
    # The error names the correction entry's first line, just above its source line.
    entry_line = int(caplog.text.split("corrections.yml:")[1].split(":")[0])
    assert line - 3 <= entry_line <= line


def test_a_failing_mkdocs_build_keeps_the_last_good_site(content_copy: Paths) -> None:
    assert run_cli(content_copy, "build") == 0
    before = snapshot(content_copy.site)
    (content_copy.content / "pages").mkdir(exist_ok=True)
    page = content_copy.content / "pages" / "edition.md"
    page.write_text(page.read_text("utf-8") + "\n[a broken link](nowhere.md)\n", "utf-8")
    assert run_cli(content_copy, "build") == 1
    assert snapshot(content_copy.site) == before
