"""Reproducible builds: one commit gives the same bytes, whatever day it is built."""

from __future__ import annotations

import datetime as dt
import os

from build_tools.model import Meta

ENV = "SOURCE_DATE_EPOCH"  # https://reproducible-builds.org/specs/source-date-epoch/


def epoch_of(meta: Meta) -> int:
    """The edition's date (midnight UTC) as seconds since the epoch."""
    day = dt.date.fromisoformat(str(meta["edition_date"]))
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def pin_build_date(meta: Meta) -> int:
    """Set SOURCE_DATE_EPOCH (unless the caller set it) for mkdocs' sitemap dates and for every
    stage that stamps a date (zip entries, PDF metadata); return the value in force."""
    os.environ.setdefault(ENV, str(epoch_of(meta)))
    return int(os.environ[ENV])
