"""Document types as data (doctypes.yml): required metadata, numbering, citation form, AKN type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import EditionError
from build_tools.model import Meta

REGISTRY = Path(__file__).with_name("doctypes.yml")
DEFAULT = "final-document"


@dataclass(frozen=True)
class DocType:
    key: str
    label: str
    required: tuple[str, ...]
    numbering: str  # "continuous" or "document"
    citation: str  # "meeting" or "symbol"
    akn_element: str
    akn_name: str
    participation: bool
    noun: str = ""
    structure: tuple[tuple[str, str], ...] = ()

    @property
    def own_numbers(self) -> bool:
        """The document numbers its paragraphs itself: those numbers are the addresses."""
        return self.numbering == "document"

    def pattern(self, name: str) -> str:
        return dict(self.structure).get(name, "")


@cache
def registry() -> dict[str, DocType]:
    data: dict[str, Any] = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    return {key: DocType(key=key, label=d["label"], required=tuple(d["required"]),
                         numbering=d["numbering"], citation=d["citation"],
                         akn_element=d["akn"]["element"], akn_name=d["akn"]["name"],
                         participation=bool(d["participation"]), noun=d.get("noun", ""),
                         structure=tuple(sorted((d.get("structure") or {}).items())))
            for key, d in data.items()}


def of(meta: Meta) -> DocType:
    return registry()[str(meta.get("type") or DEFAULT)]


def cited_number(symbol: str) -> str:
    """'80/3' of 'A/RES/80/3', '2719 (2023)' of 'S/RES/2719 (2023)': how the UN names a
    resolution in running text."""
    if "/RES/" in symbol:
        return symbol.split("/RES/", 1)[1]
    parts = [p for p in symbol.split("/") if p]
    return "/".join(parts[-2:]) if len(parts) >= 2 else symbol


def check(data: dict[str, Any], edition_file: Path, lines: dict[tuple[Any, ...], int]) -> None:
    """The type is known and the document block has every field the type requires."""
    key = str(data.get("type", DEFAULT))
    types = registry()
    if key not in types:
        raise EditionError(f"unknown document type {key!r}; the engine knows "
                           f"{', '.join(sorted(types))} (build_tools/source/doctypes.yml)",
                           edition_file, lines.get(("type",), 1))
    missing = [f for f in types[key].required if f not in data["document"]]
    if missing:
        raise EditionError(f"a {types[key].label} needs document fields {missing}",
                           edition_file, lines.get(("document",), 1))
