"""How mentions of index entries look in the text, on section pages and in the navigation."""

from __future__ import annotations

from typing import Any

from build_tools.model import Build, Section, Span


def decorate(build: Build, page: str, span: Span, inner: str) -> str:
    """Markdown for one mention span around its already-rendered words."""
    return inner


def section_footer(build: Build, page: str, section: Section) -> str:
    """What a section deals with (bodies, places, topics), for the end of its page."""
    return ""


def nav_entries(build: Build) -> list[Any]:
    """Navigation entries of the index pages."""
    return []
