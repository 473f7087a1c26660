"""Material's script tags held back, for the page to start them after its first paint."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

# The attribute build_tools/site/inline/after-paint.js looks for; a script of type text/plain is
# neither fetched nor run by the browser until that script starts it.
HELD = 'type="text/plain" data-after-paint'


class _Tags(HTMLParser):
    """The block's script sources, and anything else in it (which is refused)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and set(values) == {"src"} and values["src"]:
            self.sources.append(values["src"])
        else:
            self.other.append(self.get_starttag_text() or tag)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script":
            self.other.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.other.append(data.strip())


def hold(block: str) -> str:
    """The theme's scripts block with each `<script src>` held; anything else in the block (an
    inline script, an attribute such as defer or type) is refused, since starting it later could
    change what it does. html.parser, not a regex: the block is the theme's markup, not ours."""
    tags = _Tags()
    tags.feed(block)
    tags.close()
    if tags.other:
        raise ValueError("the theme's scripts block holds more than <script src> tags, which "
                         f"cannot wait for the first paint: {', '.join(tags.other)[:200]}")
    return "".join(f'<script {HELD} src="{escape(src)}"></script>' for src in tags.sources)
