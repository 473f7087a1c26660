"""Read YAML data files with line numbers, and validate them against a JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml

from build_tools.errors import EditionError
from build_tools.source import textfile

Lines = dict[tuple[Any, ...], int]


class _Refused(Exception):
    """A construct the loader refuses, at a line of the file."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors and aliases: data files never need them, and a few
    lines of nested aliases expand into gigabytes (a "billion laughs"). Refused as the parser
    meets the first one, before anything is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(f"YAML alias *{event.anchor} is not allowed (no anchors or aliases "
                           "in data files: write the value out)", line)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(f"YAML anchor &{anchor} is not allowed (no anchors or aliases in "
                           "data files: write the value out)", line)
        node: yaml.Node | None = super().compose_node(parent, index)
        return node


def _lines(node: yaml.Node, path: tuple[Any, ...], out: Lines) -> None:
    # The composed node tree keeps marks that the plain data loses; map each path to its line.
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode):
                # PyYAML keeps the last of two equal keys; here it is an error naming both.
                if key.value in seen:
                    raise _Refused(f"duplicate key {key.value!r} (first on line "
                                   f"{seen[key.value]}, again on line {line})", line)
                seen[key.value] = line
            _lines(value, (*path, key.value), out)
            out.setdefault((*path, key.value), line)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def load(path: Path, schema: dict[str, Any] | None = None) -> tuple[Any, Lines]:
    """Return the file's data and a map from data paths to line numbers."""
    text = textfile.read(path)
    loader = _Loader(text)
    lines: Lines = {}
    try:
        node = loader.get_single_node()
        if node is not None:
            _lines(node, (), lines)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise EditionError(f"malformed YAML: {err.problem or err.context}", path, line) from None
    except yaml.YAMLError as err:
        raise EditionError(f"malformed YAML: {err}", path) from None
    except _Refused as err:
        raise EditionError(err.message, path, err.line) from None
    except RecursionError:
        raise EditionError("YAML nested too deeply", path) from None
    finally:
        loader.dispose()
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
