"""Read YAML data files with line numbers, and validate them against a JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml

from build_tools.errors import EditionError

Lines = dict[tuple[Any, ...], int]


def _lines(node: yaml.Node, path: tuple[Any, ...], out: Lines) -> None:
    # The composed node tree keeps marks that the plain data loses; map each path to its line.
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _lines(value, (*path, key.value), out)
            out.setdefault((*path, key.value), key.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def load(path: Path, schema: dict[str, Any] | None = None) -> tuple[Any, Lines]:
    """Return the file's data and a map from data paths to line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EditionError("file not found", path) from None
    except UnicodeDecodeError as err:
        raise EditionError(f"not UTF-8 ({err.reason})", path) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise EditionError(f"malformed YAML: {err.problem or err.context}", path, line) from None
    lines: Lines = {}
    if node is not None:
        _lines(node, (), lines)
    if schema is not None:
        validate(data, schema, path, lines)
    return data, lines


def line_of(lines: Lines, path: tuple[Any, ...]) -> int | None:
    """The line of the deepest known part of a data path."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None


def validate(data: Any, schema: dict[str, Any], path: Path, lines: Lines) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        where = tuple(err.absolute_path)
        field = "/".join(map(str, where)) or "(top level)"
        raise EditionError(f"{field}: {err.message}", path, line_of(lines, where))
