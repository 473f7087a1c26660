"""Shared helpers of the corpus tests: the corpus folder, init + generate, the source's words."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path

from build_tools import pipeline
from build_tools.model import Build, Paths
from build_tools.source import draft

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
WORD = re.compile(r"[^\W\d_]+")  # words of letters: numbers and footnote markers aside


def corpus_files() -> list[Path]:
    """Every document in the corpus folder (a file dropped in is tested too)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir()
                  if p.suffix in (".md", ".txt") and p.name.lower() != "readme.md")


def init_and_generate(source: Path, out: Path) -> Build:
    """edition init, then every stage up to the rendered files (no mkdocs, no PDF)."""
    content = draft.init(source, out)
    paths = Paths(content=content, annexes=out / "annexes", out=out / "out",
                  mkdocs_yml=PROJECT / "mkdocs.yml")
    stages = tuple(s for s in pipeline.STAGES if s[0] != "downloads")  # the PDF: one full build
    return pipeline.generate(paths, stages)


def body_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the body: front matter left out, footnote definitions kept."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---")
    return [(i + 1, lines[i]) for i in range(start, len(lines))]


def source_words(build: Build) -> list[str]:
    dropped = {line for line, _, _ in build.furniture}
    words: list[str] = []
    for number, line in body_lines(build.inputs.source_text):
        if number in dropped:
            continue
        words.extend(WORD.findall(re.sub(r"^\[\^\d+\]:", "", line)))
    return words


def edition_words(build: Build) -> list[str]:
    """The edition's words in the source's order: header, headings and paragraphs (with the
    document's own numbers and letters), then the document's footnotes."""
    words: list[str] = []
    for line in build.doc.header:
        words.extend(WORD.findall(line))
    for block in build.blocks:  # headings and paragraphs, in the document's order
        words.extend(WORD.findall(f"{block.label or ''} {block.text}"))
    own = sorted((n for n in build.inputs.notes if n.own),
                 key=lambda n: int(n.id.removeprefix("fn-")))
    for n in own:
        words.extend(WORD.findall(n.text))
    return words


def kept_in_order(source: list[str], edition: list[str]) -> float:
    """Share of the source's words found, in order, in the edition's."""
    matcher = SequenceMatcher(None, source, edition, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return kept / max(len(source), 1)
