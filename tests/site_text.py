"""The words of the site's numbered paragraphs, read from the built HTML (for round-trip tests)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# Elements inside a paragraph that are the edition's controls and marks, not the document's words:
# the number, footnote marks, the permalink and cite controls.
_SKIP_CLASSES = {"pnum", "plink", "cite-btn", "footnote-ref", "headerlink"}
_VOID = {"br", "img", "input", "wbr", "hr", "meta", "link"}


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}
        self.current: str | None = None
        self.depth = 0  # open elements inside the current paragraph
        self.skip_at: int | None = None  # depth at which a skipped element opened
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.current is None:
            if tag == "p" and (a.get("id") or "").startswith("para_"):
                self.current, self.depth, self.parts = a["id"], 0, []
            return
        if tag in _VOID:
            return
        self.depth += 1
        classes = set((a.get("class") or "").split())
        is_mark = tag == "sup" and (a.get("id") or "").startswith("fnref")
        if self.skip_at is None and (classes & _SKIP_CLASSES or tag == "button" or is_mark):
            self.skip_at = self.depth

    def handle_endtag(self, tag: str) -> None:
        if self.current is None or tag in _VOID:
            return
        if self.depth == 0:  # the paragraph closes
            self.found[self.current] = "".join(self.parts).strip()
            self.current = None
            return
        if self.skip_at == self.depth:
            self.skip_at = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.skip_at is None:
            self.parts.append(data)


def paragraphs_in(html: str) -> dict[str, str]:
    parser = _Paragraphs()
    parser.feed(html)
    return parser.found


def site_paragraphs(site: Path,
                    exclude: tuple[str, ...] = ("print", "downloads")) -> dict[int, str]:
    """N -> the words of #para_N on the section pages (the print page repeats them)."""
    out: dict[int, str] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).parts
        if rel[0] in exclude or rel[0] in ("p", "search", "indexes", "404.html"):
            continue
        for eid, text in paragraphs_in(page.read_text(encoding="utf-8")).items():
            n = int(eid.removeprefix("para_"))
            assert n not in out, f"para_{n} is on two section pages ({page})"
            out[n] = text
    return out
