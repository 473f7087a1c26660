"""Search quality: the judged queries (search_judged.yml) and the measures over them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

JUDGED = Path(__file__).with_name("search_judged.yml")


@dataclass(frozen=True)
class Judged:
    query: str
    hits: tuple[int, ...]  # paragraphs that must be returned
    first: tuple[str, ...]  # targets ("para_N" or an entry anchor) one of which must be first


def judged() -> list[Judged]:
    out = []
    for item in yaml.safe_load(JUDGED.read_text(encoding="utf-8")):
        first = item.get("first") or item["hits"]
        out.append(Judged(item["query"], tuple(item["hits"]),
                          tuple(f"para_{f}" if isinstance(f, int) else f for f in first)))
    return out


def target(location: str) -> str | None:
    """The fragment a result lands on (`para_12`, `body-unhcr`), or None for a whole page."""
    m = re.search(r"#([^#?]+)$", location)
    return m.group(1) if m else None


@dataclass(frozen=True)
class Outcome:
    query: Judged
    ranked: tuple[str, ...]  # the targets of the results, best first

    @property
    def missing(self) -> list[int]:
        return [n for n in self.query.hits if f"para_{n}" not in self.ranked]

    @property
    def first_ok(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.query.first

    @property
    def reciprocal_rank(self) -> float:
        """1 / the rank of the first result that is one of the hits or of `first`."""
        relevant = {f"para_{n}" for n in self.query.hits} | set(self.query.first)
        for i, t in enumerate(self.ranked, 1):
            if t in relevant:
                return 1 / i
        return 0.0


def ranked(locations_by_score: list[tuple[str, float]]) -> tuple[str, ...]:
    """Targets best first (stable for equal scores, as Material's Enter), whole pages left out."""
    order = sorted(enumerate(locations_by_score), key=lambda x: (-x[1][1], x[0]))
    seen: list[str] = []
    for _, (loc, _score) in order:
        t = target(loc)
        if t is not None and t not in seen:
            seen.append(t)
    return tuple(seen)


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    expected = sum(len(o.query.hits) for o in outcomes)
    found = expected - sum(len(o.missing) for o in outcomes)
    n = len(outcomes)
    return {"queries": n, "recall": found / expected,
            "mrr": sum(o.reciprocal_rank for o in outcomes) / n,
            "first-hit accuracy": sum(o.first_ok for o in outcomes) / n}
