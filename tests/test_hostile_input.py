"""Hostile or careless input (issue 17): each case fails with FILE:LINE, a non-zero exit, within a
time bound, and the last good site left as it was."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_bad_input import run_cli, snapshot

from build_tools.model import Paths

SECONDS = 60  # every case is refused by the load stage, long before mkdocs runs
MARK = "HOSTILE-MARK"  # a word on the line at fault, to find its number


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _note(p: Paths, markdown: str) -> None:
    """The first note's text, replaced by one line of the editor's Markdown."""
    path = p.content / "notes.yml"
    text = path.read_text("utf-8")
    start = text.index("  text: >-\n")
    end = text.index("\n- id:", start)
    path.write_text(text[:start] + f"  text: >-\n    {MARK} {markdown}" + text[end:], "utf-8")


def _ending(p: Paths, markdown: str) -> None:
    path = p.content / "edition.yml"
    text = path.read_text("utf-8")
    start = text.index("  ending_note: >-\n") + len("  ending_note: >-\n")
    path.write_text(text[:start] + f"    {MARK} {markdown}\n" + text[start:], "utf-8")


def _page(p: Paths, markdown: str) -> None:
    path = p.content / "pages" / "edition.md"
    path.write_text(path.read_text("utf-8") + f"\n{MARK} {markdown}\n", "utf-8")


def _repin(p: Paths) -> None:
    """Pin the source's new hash, as an editor who means a new received text would."""
    edition = p.content / "edition.yml"
    src = next((p.content / "source").iterdir())
    text = edition.read_text("utf-8")
    old = re.search(r"sha256: ([0-9a-f]{64})", text)
    assert old
    edition.write_text(text.replace(old.group(1), hashlib.sha256(src.read_bytes()).hexdigest()),
                       "utf-8")


def not_utf8_source(p: Paths) -> None:
    src = next((p.content / "source").iterdir())
    raw = src.read_bytes()
    at = raw.index(b"\n", 200) + 1
    src.write_bytes(raw[:at] + MARK.encode() + b" \xff\n" + raw[at:])
    _repin(p)


def not_utf8_page(p: Paths) -> None:
    path = p.content / "pages" / "edition.md"
    path.write_bytes(path.read_bytes() + MARK.encode() + b" caf\xe9\n")


def not_utf8_yaml(p: Paths) -> None:
    path = p.content / "notes.yml"
    path.write_bytes(path.read_bytes() + b"# " + MARK.encode() + b" \xc3\x28\n")


def not_utf8_annex(p: Paths) -> None:
    (p.annexes / "annex-i.md").write_bytes(b"# Annex I\n\n" + MARK.encode() + b" \x80\n")


def alias_bomb(p: Paths) -> None:
    lines = [f'- &a0 ["{MARK}", "lol"]']
    lines += [f"- &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
              for i in range(1, 21)]
    path = p.content / "index" / "terms.yml"
    path.write_text("\n".join(lines) + "\n" + path.read_text("utf-8"), "utf-8")


def duplicate_key(p: Paths) -> None:
    _replace(p.content / "index" / "bodies.yml", '  name: "United Nations"\n',
             f'  name: "United Nations"\n  name: "{MARK} Renamed"\n')


def correction_with_break(p: Paths) -> None:
    _replace(p.content / "corrections.yml", "  edition: resolution 61/49 of 4 December 2006,\n",
             f'  edition: "resolution 61/49 of 4 December 2006,\\n\\n{MARK}"\n')


def index_form_dot(p: Paths) -> None:
    _replace(p.content / "index" / "bodies.yml", '  forms: ["United Nations", "UN"]\n',
             f'  forms: ["United Nations", "UN", "."]  # {MARK}\n')


def index_form_letter(p: Paths) -> None:
    _replace(p.content / "index" / "bodies.yml", '  forms: ["United Nations", "UN"]\n',
             f'  forms: ["United Nations", "UN", "a"]  # {MARK}\n')


CASES: dict[str, tuple[Callable[[Paths], None], str, str]] = {
    "script in a note": (lambda p: _note(p, "<script>alert(1)</script>"), "notes.yml",
                         "raw HTML"),
    "img onerror in a note": (lambda p: _note(p, "<img src=x onerror=alert(1)>"), "notes.yml",
                              "raw HTML"),
    "javascript: link in a note": (lambda p: _note(p, "[x](javascript:alert(1))"), "notes.yml",
                                   "javascript: URL"),
    "entity-hidden javascript: link": (lambda p: _note(p, "[x](jav&#x61;script&#58;alert(1))"),
                                       "notes.yml", "javascript: URL"),
    "vbscript: reference link": (lambda p: _note(p, "[x][r]\n\n    [r]: vbscript:msgbox"),
                                 "notes.yml", "vbscript: URL"),
    "data: image": (lambda p: _note(p, "![x](data:text/html;base64,PHNjcmlwdD4=)"), "notes.yml",
                    "data: URL"),
    "onclick attribute list": (lambda p: _note(p, '[y](https://example.org){: onclick="a()" }'),
                               "notes.yml", "sets 'onclick'"),
    "style attribute list": (lambda p: _note(p, 'text\n    {: style="display:none" }'),
                             "notes.yml", "sets 'style'"),
    "script in the ending note": (lambda p: _ending(p, "<script>alert(1)</script>"),
                                  "edition.yml", "raw HTML"),
    "javascript: link in a page": (lambda p: _page(p, "[x](JavaScript:alert(1))"), "edition.md",
                                   "javascript: URL"),
    "iframe in a page": (lambda p: _page(p, "<iframe src=https://example.org></iframe>"),
                         "edition.md", "raw HTML"),
    "not UTF-8 source": (not_utf8_source, "un-oic-2008-final-document.txt",
                         "not UTF-8 (byte offset"),
    "not UTF-8 page": (not_utf8_page, "edition.md", "not UTF-8 (byte offset"),
    "not UTF-8 YAML": (not_utf8_yaml, "notes.yml", "not UTF-8 (byte offset"),
    "not UTF-8 annex": (not_utf8_annex, "annex-i.md", "not UTF-8 (byte offset"),
    "YAML alias bomb": (alias_bomb, "terms.yml", "YAML anchor &a0 is not allowed"),
    "duplicate key": (duplicate_key, "bodies.yml", "duplicate key 'name' (first on line"),
    "correction with a line break": (correction_with_break, "corrections.yml", "line break"),
    "index form '.'": (index_form_dot, "bodies.yml", "the form '.'"),
    "index form 'a'": (index_form_letter, "bodies.yml", "the form 'a'"),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Content and a good build of it, made once and copied for each case."""
    root = tmp_path_factory.mktemp("good")
    project = Path(__file__).resolve().parent.parent
    shutil.copytree(project / "content", root / "content")
    shutil.copytree(project / "annexes", root / "annexes")
    paths = Paths(content=root / "content", annexes=root / "annexes", out=root / "out",
                  mkdocs_yml=project / "mkdocs.yml")
    assert run_cli(paths, "build") == 0
    return root


def _line_with(folder: Path, name: str, needle: str) -> int:
    path = next(folder.rglob(name))
    for i, line in enumerate(path.read_bytes().split(b"\n"), 1):
        if needle.encode() in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_is_refused_naming_file_and_line(
    name: str, good: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    break_it, file_name, what = CASES[name]
    shutil.copytree(good, tmp_path, dirs_exist_ok=True)
    paths = Paths(content=tmp_path / "content", annexes=tmp_path / "annexes",
                  out=tmp_path / "out", mkdocs_yml=Path(__file__).parents[1] / "mkdocs.yml")
    before = snapshot(paths.site)
    assert before
    break_it(paths)
    start = time.monotonic()
    assert run_cli(paths, "build") == 1
    assert time.monotonic() - start < SECONDS
    message = caplog.text
    assert what in message, message
    match = re.search(re.escape(file_name) + r":(\d+): ", message)
    assert match, f"no {file_name}:LINE in {message}"
    # The line named is the line at fault, or the line of the field that holds it.
    at_fault = _line_with(tmp_path, file_name, MARK)
    assert at_fault - 2 <= int(match.group(1)) <= at_fault, (match.group(0), at_fault)
    assert "Traceback" not in message
    assert snapshot(paths.site) == before


def test_a_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    from build_tools.errors import EditionError
    from build_tools.source import yamlio

    path = tmp_path / "x.yml"
    path.write_text("- key: a\n  name: one\n  forms: [x]\n  name: two\n", "utf-8")
    with pytest.raises(EditionError) as err:
        yamlio.load(path)
    assert str(err.value) == (f"{path}:4: duplicate key 'name' (first on line 2, again on "
                              "line 4)")


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    from build_tools.errors import EditionError
    from build_tools.source import yamlio

    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
              for i in range(20)]
    path = tmp_path / "bomb.yml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    start = time.monotonic()
    with pytest.raises(EditionError, match=r"bomb\.yml:1: YAML anchor &a is not allowed"):
        yamlio.load(path)
    assert time.monotonic() - start < 1
