"""JSON Schemas of the data files in content/ and annexes/ (checked on load)."""

from __future__ import annotations

from typing import Any

_str = {"type": "string", "minLength": 1}
_key = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
_strs = {"type": "array", "items": _str}
_paras = {"type": "array", "items": {"type": "integer", "minimum": 1}}
# Where a reader can check an editor's statement: a title and a link the reader may follow.
SOURCE: dict[str, Any] = {
    "type": "object",
    "required": ["title", "url"],
    "additionalProperties": False,
    "properties": {"title": _str, "url": {"type": "string", "pattern": r"^https?://[^\s<>\"]+$"}},
}
_sources = {"type": "array", "items": SOURCE, "minItems": 1}

EDITION: dict[str, Any] = {
    "type": "object",
    "required": ["source", "document", "edition", "structure"],
    "additionalProperties": False,
    "properties": {
        # The document type (build_tools/source/doctypes.yml); it says which document fields
        # are required beyond these (checked on load).
        "type": {"type": "string", "pattern": "^[a-z][a-z-]*$"},
        "source": {
            "type": "object",
            "required": ["file", "sha256"],
            "additionalProperties": False,
            "properties": {
                "file": _str,
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "description": _str,
            },
        },
        "document": {
            "type": "object",
            "required": ["title", "date", "language"],
            "properties": {
                "title": _str,
                "short_title": _str,
                "dateline": _str,
                "meeting": _str,
                "place": _str,
                "date": _str,
                "date_start": _str,
                "language": _str,
                "author": _str,
                "symbol": _str,
                "organ": _str,
                "session": _str,
                "agenda_item": _str,
                "record": _str,
                # Akoma Ntoso: the jurisdiction part of FRBR URIs, and the document's local name.
                "akn_country": _key,
                "akn_name": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9]*$"},
            },
        },
        "edition": {
            "type": "object",
            "required": ["name", "version", "date", "publisher", "site_url"],
            "properties": {
                "name": _str,
                "version": _str,
                "date": _str,
                "publisher": _str,
                "site_url": {"type": "string", "pattern": "^https?://.+/$"},
                "repo_url": _str,
                "licence": _str,
                "slug": _key,
            },
        },
        "systems": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "name"],
                "additionalProperties": False,
                "properties": {"key": _key, "name": _str},
            },
        },
        "structure": {
            "type": "object",
            "required": ["front_label"],
            "additionalProperties": False,
            "properties": {
                "front_label": _str,
                "ending_note": _str,
                "headings": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["text", "level"],
                        "additionalProperties": False,
                        "properties": {
                            "text": _str,
                            "level": {"type": "integer", "minimum": 1, "maximum": 4},
                            "slug": _key,
                        },
                    },
                },
                "page_breaks": {
                    "description": "source line of the text after a page break -> join it to "
                                   "the block before",
                    "type": "object",
                    "additionalProperties": {"type": "boolean"},
                },
            },
        },
    },
}

CORRECTIONS: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "kind", "source", "edition", "reason"],
        "additionalProperties": False,
        "properties": {
            "id": _key,
            "kind": {"enum": ["stray-punctuation", "lost-character", "conversion-slip",
                              "addition"]},
            "source": _str,
            "edition": _str,
            "reason": _str,
            "sources": _sources,
        },
    },
}

NOTES: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "para", "text"],
        "additionalProperties": False,
        "properties": {
            "id": _key,
            "para": {"type": "integer", "minimum": 1},
            "at": {"type": "string"},
            "text": _str,
            "sources": _sources,
        },
    },
}

NUMBERING: dict[str, Any] = {
    "type": "object",
    "required": ["sections", "paragraphs"],
    "additionalProperties": False,
    "properties": {
        "sections": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["heading", "fingerprint", "slug"],
                "additionalProperties": False,
                "properties": {"heading": _str, "fingerprint": _str, "slug": _key},
            },
        },
        "paragraphs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["n", "fingerprint", "starts"],
                "additionalProperties": False,
                "properties": {
                    "n": {"type": "integer", "minimum": 1},
                    "fingerprint": _str,
                    "starts": _str,
                    "id": _str,  # the document's own address (para_3, annex_1__para_3...)
                },
            },
        },
    },
}

ANNEXES: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["key", "label", "holds", "para"],
        "additionalProperties": False,
        "properties": {
            "key": _key,
            "label": _str,
            "holds": _str,
            "para": {"type": "integer", "minimum": 1},
            "file": _str,
        },
    },
}

_date = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}  # 2008, 2008-07, 2008-07-08
_key_or_null = {"anyOf": [_key, {"type": "null"}]}
_text_or_null = {"type": ["string", "null"]}
# The name a body has had since it was renamed or merged (the text keeps the name it used).
_current_name = {
    "type": "object",
    "required": ["name", "since", "sources"],
    "additionalProperties": False,
    "properties": {"name": _str, "abbr": _str,
                   "since": {"type": "integer", "minimum": 1000, "maximum": 9999},
                   "sources": _sources},
}
# An official document symbol (A/RES/61/49) and the address of the official text.
_symbol = {
    "type": "object",
    "required": ["text", "url"],
    "additionalProperties": False,
    "properties": {"text": _str, "url": SOURCE["properties"]["url"]},
}


def _mentionable(required: list[str], **fields: Any) -> dict[str, Any]:
    """An index of things the text mentions: each entry's forms are exact strings of the text."""
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["key", "name", "forms", *required],
            "additionalProperties": False,
            "properties": {
                "key": _key,
                "name": _str,
                "forms": {"type": "array", "items": _str, "minItems": 1},
                "abbr": _strs,
                "when_near": {"type": "array", "items": _str, "minItems": 1},
                # forms allowed although shorter than two characters or without a letter/digit
                "short_forms": _strs,
                "description": _text_or_null,
                "note": _str,
                "sources": _sources,
                "current_name": _current_name,
                # Other names and spellings readers type (today's names...): search finds the
                # entry and its paragraphs by them, and the glossary line shows them.
                "aliases": {"type": "array", "items": _str, "minItems": 1, "uniqueItems": True},
                **fields,
            },
        },
    }


INDEX: dict[str, dict[str, Any]] = {
    "bodies": _mentionable(
        ["abbr", "system", "kind", "parent", "participant", "statement"],
        system=_key, kind=_str, parent=_key_or_null,
        participant={"type": "boolean"}, statement={"type": "boolean"}),
    "terms": _mentionable(["abbr", "type", "description"], type=_str),
    "people": _mentionable(["role_in_text"], role_in_text=_str),
    "places": _mentionable(["type", "within"], type=_str, within=_key_or_null),
    "instruments": _mentionable(
        ["abbr", "type", "date", "by", "description"],
        type=_str, date={"anyOf": [_date, {"type": "null"}]}, by=_key_or_null, symbol=_symbol),
    "topics": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["key", "name", "description", "paras"],
            "additionalProperties": False,
            "properties": {"key": _key, "name": _str, "description": _str, "paras": _paras},
        },
    },
    "timeline": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["key", "date", "text", "label", "paras", "editor"],
            "additionalProperties": False,
            "properties": {
                "key": _key,
                "date": _date,
                "end": _date,
                "text": _str,  # the words of the text that name the date
                "label": _str,
                "paras": _paras,
                "editor": {"type": "boolean"},  # the date is completed by the editor
                "note": _str,  # the editor's, e.g. where the text's date differs from the event's
                "sources": _sources,
            },
        },
    },
    "cooperation": {
        "type": "array",
        "items": {
            "type": "object",
            # besides these, one list of body keys per system named in edition.yml
            "required": ["key", "on", "paras"],
            "properties": {"key": _key, "on": _str, "paras": _paras},
            "additionalProperties": {"type": "array", "items": _key},
        },
    },
}

# Spellings readers type for the same word (British and American...): each group lists the
# forms a word may begin with ("colour", "color"); search finds any of them (search_terms.py).
SPELLINGS: dict[str, Any] = {
    "type": "array",
    "items": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"},
              "minItems": 2, "uniqueItems": True},
}

# Tokens of the text that look like acronyms (two or more capitals) but are not abbreviations.
CAPITALS: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["token", "reason"],
        "additionalProperties": False,
        "properties": {"token": _str, "reason": _str},
    },
}
