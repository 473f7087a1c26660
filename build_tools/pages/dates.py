"""Dates as the edition writes them: ISO values from the data, English calendar words."""

from __future__ import annotations

import datetime
from typing import Any

# Calendar words of the edition's language (English); the document's own words come from meta.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def as_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def date_text(start: Any, end: Any) -> str:
    """'8–10 July 2008' for a meeting's dates (one day, one month, one year or across years)."""
    b = as_date(end)
    a = as_date(start) if start else b
    tail = f"{b.day} {MONTHS[b.month - 1]} {b.year}"
    if a == b:
        return tail
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}\u2013{tail}"
    if a.year == b.year:
        return f"{a.day} {MONTHS[a.month - 1]} \u2013 {tail}"
    return f"{a.day} {MONTHS[a.month - 1]} {a.year} \u2013 {tail}"
