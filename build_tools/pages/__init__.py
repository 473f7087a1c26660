"""Rendering of pages: sections, indexes, citations, resolver, search entries, as Markdown."""
