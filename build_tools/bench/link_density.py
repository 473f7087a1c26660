"""Links per paragraph of a built site: how much of the document's text reads as links."""

from __future__ import annotations

import argparse
import logging
import statistics
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

log = logging.getLogger(__name__)

# The reader's controls and the marks of notes are not links in the text.
CONTROL_CLASSES = frozenset({"pnum", "plink", "footnote-ref", "headerlink"})


@dataclass
class ParaLinks:
    """One paragraph: its number, its links in the text, and how many of its words are inside."""

    number: int
    links: int = 0
    words: int = 0
    linked_words: int = 0


@dataclass
class _Reader(HTMLParser):
    """Collects p.para elements and the text links inside them (stdlib parser: no DOM needed)."""

    paras: list[ParaLinks] = field(default_factory=list)
    depth: int = 0  # <a> nesting inside the current paragraph
    current: ParaLinks | None = None
    control: int = 0

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "p" and "para" in classes and a.get("data-n"):
            self.current = ParaLinks(int(a["data-n"] or 0))
            self.paras.append(self.current)
        elif tag == "a" and self.current is not None:
            if classes & CONTROL_CLASSES or (a.get("href") or "").startswith("#fn"):
                self.control += 1
            else:
                self.current.links += 1
                self.depth += 1
        elif tag == "sup" and self.current is not None:
            self.control += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.current = None
            self.depth = self.control = 0
        elif tag == "a" and self.current is not None:
            if self.control:
                self.control -= 1
            elif self.depth:
                self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.current is None or self.control:
            return
        n = len(data.split())
        self.current.words += n
        if self.depth:
            self.current.linked_words += n


def page_links(html: str) -> list[ParaLinks]:
    reader = _Reader()
    reader.feed(html)
    return reader.paras


def site_links(site: Path) -> dict[str, list[ParaLinks]]:
    """Page path -> its paragraphs' links, for every page of the site with paragraphs (not the
    print edition, which repeats them all)."""
    out = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("print/", "p/")):
            continue
        paras = page_links(path.read_text(encoding="utf-8"))
        if paras:
            out[rel] = paras
    return out


def summary(pages: dict[str, list[ParaLinks]]) -> list[str]:
    every = [p for paras in pages.values() for p in paras]
    lines = [f"{'page':<45} paras  links/para  max  linked words"]
    for page, paras in pages.items():
        links = [p.links for p in paras]
        share = sum(p.linked_words for p in paras) / max(1, sum(p.words for p in paras))
        lines.append(f"{page:<45} {len(paras):5}  {statistics.mean(links):10.2f}  "
                     f"{max(links):3}  {share:6.0%}")
    links = [p.links for p in every]
    share = sum(p.linked_words for p in every) / max(1, sum(p.words for p in every))
    lines.append(f"{'all':<45} {len(every):5}  {statistics.mean(links):10.2f}  "
                 f"{max(links):3}  {share:6.0%}")
    worst = max(every, key=lambda p: p.links)
    lines.append(f"most links: paragraph {worst.number}, {worst.links} links, "
                 f"{worst.linked_words} of {worst.words} words inside links")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for line in summary(site_links(args.site)):
        log.info("%s", line)


if __name__ == "__main__":
    main()
