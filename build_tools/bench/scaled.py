"""A content folder with each section's paragraphs repeated, for timing the build at scale.

The sections (pages) stay those of the document and each grows `times` fold, so a cost that
grows with paragraphs x page size shows as it would on a long report. Copy 1 of a paragraph is
its received text; copies 2.. are its edited text with a mark "[copy i]" (paragraphs are frozen by
the fingerprint of their words, which must differ). A correction is kept when its source
reading still occurs exactly once; every paragraph number in the data follows its paragraph
(`para`: copy 1; `paras`: every copy, so the indexes grow with the text), and the numbering of
the result is frozen as it comes.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from build_tools import pipeline
from build_tools.model import Build, Document, Inputs
from build_tools.source import load, number


def document(inputs: Inputs) -> Document:
    """The document segmented (stages up to, not including, number)."""
    build = Build(inputs=inputs)
    for name, stage in pipeline.STAGES:
        if name == "number":
            break
        build = stage(build)
    return build.doc


def repeated(doc: Document, times: int) -> tuple[list[str], dict[int, list[int]]]:
    """The blocks of the scaled source, and original number -> the numbers of its copies."""
    blocks = [doc.title, doc.dateline]
    numbers: dict[int, list[int]] = {}
    count = 0
    for section in doc.sections:
        if section.level > 0:
            blocks.append(section.title)
        paras = doc.in_section(section.slug)
        for copy in range(1, times + 1):
            for p in paras:
                count += 1
                numbers.setdefault(p.number, []).append(count)
                blocks.append(p.source if copy == 1 else f"{p.text} [copy {copy}]")
    return blocks, numbers


def renumber(data: Any, numbers: dict[int, list[int]]) -> Any:
    """The data with `para: N` moved to copy 1 of N and `paras: [...]` to every copy."""
    if isinstance(data, list):
        return [renumber(item, numbers) for item in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "para" and isinstance(value, int):
            out[key] = numbers.get(value, [value])[0]
        elif key == "paras" and isinstance(value, list):
            out[key] = [n for v in value for n in numbers.get(v, [v])]
        else:
            out[key] = renumber(value, numbers)
    return out


def _rewrite(path: Path, change: Callable[[Any], Any]) -> None:
    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(change(data), sort_keys=False, allow_unicode=True,
                                       width=100), encoding="utf-8")


def write(content: Path, annexes: Path, times: int, out: Path) -> tuple[Path, Path]:
    """Write out/content and out/annexes: the document at `times` its text, frozen."""
    doc = document(load.load_inputs(content, annexes))
    blocks, numbers = repeated(doc, times)
    text = "\n\n".join(blocks) + "\n"
    new_content, new_annexes = out / "content", out / "annexes"
    for folder in (new_content, new_annexes):
        if folder.exists():
            shutil.rmtree(folder)
    shutil.copytree(content, new_content)
    if annexes.is_dir():
        shutil.copytree(annexes, new_annexes)
    else:
        new_annexes.mkdir(parents=True)

    def edition(data: dict[str, Any]) -> dict[str, Any]:
        (new_content / data["source"]["file"]).write_text(text, encoding="utf-8")
        data["source"]["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        data["structure"].pop("page_breaks", None)  # line numbers of the original source
        return data

    _rewrite(new_content / "edition.yml", edition)
    _rewrite(new_content / "corrections.yml", lambda items: [
        c for c in items or () if sum(b.count(c["source"]) for b in blocks) == 1])
    for path in (new_content / "notes.yml", new_annexes / "manifest.yml",
                 *sorted((new_content / "index").glob("*.yml"))):
        _rewrite(path, lambda data: renumber(data, numbers))
    (new_content / "numbering.yml").unlink(missing_ok=True)
    number.freeze(document(load.load_inputs(new_content, new_annexes)),
                  new_content / "numbering.yml")
    return new_content, new_annexes
