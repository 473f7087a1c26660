"""Benchmark: `edition init` + `edition build` (the whole build, PDF and bundle included) per
document of the corpus (../shared/corpus), with what the structure layer found in each."""

from __future__ import annotations

import logging
import re
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

from build_tools import pipeline
from build_tools.model import Build, Paths
from build_tools.source import draft

log = logging.getLogger("bench")
PROJECT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT.parent / "shared" / "corpus"
_WORD = re.compile(r"[^\W\d_]+")


def _kept(build: Build) -> float:
    """Share of the source's words (furniture aside) found, in order, in the edition's."""
    dropped = {line for line, _, _ in build.furniture}
    lines = build.inputs.source_text.splitlines()
    start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) \
        if lines and lines[0].strip() == "---" else 0
    source = [w for i in range(start, len(lines)) if i + 1 not in dropped
              for w in _WORD.findall(re.sub(r"^\[\^\d+\]:", "", lines[i]))]
    edition = [w for line in build.doc.header for w in _WORD.findall(line)]
    edition += [w for b in build.blocks for w in _WORD.findall(f"{b.label or ''} {b.text}")]
    own = sorted((n for n in build.inputs.notes if n.own), key=lambda n: int(n.id[3:]))
    edition += [w for n in own for w in _WORD.findall(n.text)]
    matcher = SequenceMatcher(None, source, edition, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / max(len(source), 1)


def row(source: Path, work: Path) -> str:
    start = time.perf_counter()
    content = draft.init(source, work)
    init_s = time.perf_counter() - start
    paths = Paths(content=content, annexes=work / "annexes", out=work / "out",
                  mkdocs_yml=PROJECT / "mkdocs.yml")
    start = time.perf_counter()
    build = pipeline.build_all(paths)
    build_s = time.perf_counter() - start
    ids = [p.eid for p in build.doc.paragraphs]
    numbered = sum(1 for i in ids if re.search(r"(?:^|__)para_\d+$", i))
    points = sum(1 for i in ids if "__subpara_" in i or "__point_" in i)
    recitals = sum(1 for i in ids if "__recital_" in i)
    other = len(ids) - numbered - points - recitals
    notes = sum(1 for n in build.inputs.notes if n.own)
    return (f"| {source.stem} | {len(source.read_bytes()):,} | {numbered} | {points} | "
            f"{recitals} | {other} | {notes} | {len(build.furniture)} | "
            f"{_kept(build):.2%} | {init_s:.2f} | {build_s:.2f} |")


def corpus_table(corpus: Path = CORPUS) -> list[str]:
    files = sorted(p for p in corpus.glob("*") if p.suffix in (".md", ".txt")
                   and p.name.lower() != "readme.md") if corpus.is_dir() else []
    if not files:
        return [f"(no corpus at {corpus})"]
    out = ["| document | bytes | numbered paras | points | recitals | other | footnotes | "
           "furniture dropped | words kept in order | init s | build s |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for source in files:
        with tempfile.TemporaryDirectory() as tmp:
            out.append(row(source, Path(tmp)))
    return out


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    sys.stdout.write("\n".join(corpus_table()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
