"""paragraphs.json and its published JSON Schema; the output is validated before it is written."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema

from build_tools.errors import EditionError
from build_tools.export import export_data
from build_tools.model import Build
from build_tools.source import doctypes

SCHEMA_ID = "paragraphs.schema.json"

_str: dict[str, Any] = {"type": "string"}
_text: dict[str, Any] = {"type": "string", "minLength": 1}
_offset: dict[str, Any] = {"type": "integer", "minimum": 0,
                           "description": "Offset into the paragraph's text, in code points"}
_slug: dict[str, Any] = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}


_sources: dict[str, Any] = {
    "type": "array", "minItems": 1,
    "description": "Where a reader can check the editor's statement, official references first",
    "items": {"type": "object", "additionalProperties": False, "required": ["title", "url"],
              "properties": {"title": _text, "url": {"type": "string", "format": "uri"}}}}


def _object(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": list(required),
            "properties": {**required, **(optional or {})}}


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "Paragraphs of the edition, with their corrections, notes and mentions",
    "description": "Every numbered paragraph as the edition reads it. Offsets (start, end, at) "
                   "count Unicode code points of the paragraph's text; text[start:end] is the "
                   "words annotated.",
    **_object({
        "format": {"const": "edition-paragraphs/1"},
        "metadata": {"type": "object", "required": ["document_title", "edition_name",
                                                    "edition_version", "source_sha256"],
                     "additionalProperties": True},
        "sections": {"type": "array", "items": _object({
            "slug": _slug, "title": _text, "level": {"type": "integer", "minimum": 0},
            "parent": {"type": ["string", "null"]}, "editorial_title": {"type": "boolean"},
            "url": _text})},
        "entries": {"type": "array", "items": _object({"kind": _slug, "key": _str,
                                                       "name": _str}, {
            "symbol": {**_object({"text": _text, "url": {"type": "string", "format": "uri"}}),
                       "description": "The official document symbol and its official text"},
            "current_name": {**_object({"name": _text, "since": {"type": "integer"},
                                        "sources": _sources}, {"abbr": _text}),
                             "description": "The body's name since it was renamed or merged"},
            "sources": _sources})},
        "paragraphs": {"type": "array", "minItems": 1, "items": _object({
            "number": {"type": "integer", "minimum": 1},
            "id": {"type": "string", "pattern": "^para_[1-9][0-9]*$"},
            "url": _text,
            "section": _slug,
            "section_path": {"type": "array", "minItems": 1,
                             "items": _object({"slug": _slug, "title": _text})},
            "line": {"type": "integer", "minimum": 1,
                     "description": "First line of the paragraph in the received text"},
            "text": _text,
            "source": _text,
            "joined_page_break": {"type": "boolean"},
            "corrections": {"type": "array", "items": _object({
                "id": _text, "kind": _text, "start": _offset, "end": _offset, "text": _str,
                "source": _text, "edition": _text, "reason": _text}, {"sources": _sources})},
            "notes": {"type": "array", "items": _object({"id": _text, "at": _offset,
                                                         "text": _text}, {"sources": _sources})},
            "editorial": {"type": "array", "items": _object({
                "kind": {"enum": ["ending", "annex"]}, "key": _text, "text": _text})},
            "mentions": {"type": "array", "items": _object({
                "kind": _slug, "key": _text, "name": _text, "start": _offset, "end": _offset,
                "text": _text, "abbr": {"type": "boolean"}})},
        })},
    }),
}


def document(build: Build) -> dict[str, Any]:
    return {
        "format": "edition-paragraphs/1",
        "metadata": export_data.metadata(build),
        "sections": export_data.sections(build),
        "entries": export_data.entries(build),
        "paragraphs": [export_data.paragraph_record(build, p) for p in build.doc.paragraphs],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schema_for(build: Build) -> dict[str, Any]:
    """The schema; for a document with its own numbers, ids after the Akoma Ntoso naming
    convention (para_1__subpara_a, annex_1__para_3), the number shown, the citation form, and
    notes that are the document's own footnotes."""
    if not doctypes.of(build.inputs.meta).own_numbers:
        return SCHEMA
    schema = copy.deepcopy(SCHEMA)
    para = schema["properties"]["paragraphs"]["items"]["properties"]
    para["id"] = {"type": "string", "pattern": "^[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]$"}
    para["label"] = {"type": "string", "description": "The document's own number, as shown"}
    para["cite"] = {"type": "string", "description": "How a citation names it: para. 1 (a)"}
    para["notes"]["items"]["properties"]["by"] = {"const": "document"}
    return schema


def validate(data: dict[str, Any], schema: dict[str, Any] = SCHEMA) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path)
        raise EditionError(f"paragraphs.json does not match its schema at {where or '/'}: "
                           f"{errors[0].message}")


def render(build: Build) -> tuple[str, str]:
    """(paragraphs.json, paragraphs.schema.json), the first validated against the second."""
    data = document(build)
    schema = schema_for(build)
    validate(data, schema)
    return dumps(data), dumps(schema)
