"""Check built output for references to resources on other hosts; the build fails on any.

The rule: a *resource* is anything the browser fetches by itself when a page loads or runs:
scripts, style sheets, fonts, images, media, frames, `@import` and `url()` in CSS, preconnect,
prefetch and preload hints, icons and manifests, a URL a script hands to `fetch`,
`importScripts`, `new Worker` or `import()`, and the repository facts Material's header fetches
for an external `repo_url`. A resource is external when its URL has a host (`//host/…`) or a
scheme other than data:, blob: and about:. Links the reader chooses to follow (`<a href>`, a
form's action, `rel=canonical`/`alternate`/`license`, sitemap URLs) are not resources.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from build_tools.errors import EditionError

LOCAL_SCHEMES = ("data:", "blob:", "about:")
# <link rel=...> values that make the browser fetch (or connect to) the URL.
RESOURCE_RELS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon",
                           "manifest", "preload", "modulepreload", "prefetch", "preconnect",
                           "dns-prefetch", "prerender"})
# Element -> attributes that name a resource it loads.
RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "input": ("src",),
    "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "feimage": ("href",),
}
CSS_URL = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)""",
                     re.IGNORECASE)
# A literal URL handed to a call that loads it, or written into markup a script builds.
JS_LOAD = re.compile(r"""(?:\b(?:importScripts|fetch|Worker|SharedWorker|import)\s*\(\s*|"""
                     r"""\.src\s*=\s*|\b(?:src|href)=\\?)["'`]((?:[a-z][a-z0-9+.-]*:)?//[^"'`\s]+)""",
                     re.IGNORECASE)
TEXT_SUFFIXES = (".html", ".htm", ".css", ".js", ".mjs", ".svg", ".webmanifest")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    url: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what} {self.url}"


def is_external(url: str) -> bool:
    url = url.strip().lower()
    if url.startswith("//"):
        return True
    scheme = re.match(r"[a-z][a-z0-9+.-]*:", url)
    return bool(scheme) and not url.startswith(LOCAL_SCHEMES)


def _srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def css_urls(text: str) -> Iterator[tuple[int, str]]:
    for m in CSS_URL.finditer(text):
        yield text.count("\n", 0, m.start()) + 1, m.group(1) or m.group(2)


def js_urls(text: str) -> Iterator[tuple[int, str]]:
    for m in JS_LOAD.finditer(text):
        yield text.count("\n", 0, m.start()) + 1, m.group(1)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []  # line, url, what
        self.inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        a = {k.lower(): v or "" for k, v in attrs}
        urls: list[tuple[str, str]] = []
        for name in RESOURCE_ATTRS.get(tag, ()):
            if name in a:
                values = _srcset(a[name]) if name == "srcset" else [a[name]]
                urls.extend((u, f"<{tag} {name}>") for u in values)
        if tag == "link" and RESOURCE_RELS & set(a.get("rel", "").lower().split()):
            urls.append((a.get("href", ""), f"<link rel={a.get('rel')}>"))
        if a.get("data-md-component") == "source" and "href" in a:
            urls.append((a["href"], "repository facts fetched by the theme from"))
        if "style" in a:
            urls.extend((u, "style attribute url()") for _, u in css_urls(a["style"]))
        self.found.extend((line, u, what) for u, what in urls)
        self.inside = tag if tag in ("style", "script") else None

    def handle_endtag(self, tag: str) -> None:
        self.inside = None

    def handle_data(self, data: str) -> None:
        line = self.getpos()[0]
        if self.inside == "style":
            self.found.extend((line + n - 1, u, "<style> url()") for n, u in css_urls(data))
        elif self.inside == "script":
            self.found.extend((line + n - 1, u, "inline script loads") for n, u in js_urls(data))


def check_text(name: str, text: str) -> list[Finding]:
    """External resource references in one file, by its kind (from its name)."""
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".svg")):
        parser = _Page()
        parser.feed(text)
        parser.close()
        found = parser.found
    elif lower.endswith(".css"):
        found = [(n, u, "CSS @import/url()") for n, u in css_urls(text)]
    elif lower.endswith((".js", ".mjs")):
        found = [(n, u, "script loads") for n, u in js_urls(text)]
    elif lower.endswith(".webmanifest"):
        found = [(n, u, "manifest icon") for n, u in
                 ((text.count("\n", 0, m.start()) + 1, m.group(1))
                  for m in re.finditer(r'"src"\s*:\s*"([^"]+)"', text))]
    else:
        return []
    return [Finding(name, line, url, what) for line, url, what in found if is_external(url)]


def check_dir(root: Path) -> list[Finding]:
    findings = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name.lower().endswith(TEXT_SUFFIXES):
            text = path.read_text(encoding="utf-8", errors="replace")
            findings.extend(check_text(path.relative_to(root).as_posix(), text))
    return findings


def check_zip(bundle: Path) -> list[Finding]:
    findings = []
    with zipfile.ZipFile(bundle) as zf:
        for name in sorted(zf.namelist()):
            if name.lower().endswith(TEXT_SUFFIXES):
                text = zf.read(name).decode("utf-8", errors="replace")
                findings.extend(check_text(f"{bundle.name}!{name}", text))
    return findings


def ensure_none(findings: list[Finding], where: Path) -> None:
    """Raise naming every external resource reference found (the first twenty)."""
    if findings:
        shown = "\n  ".join(str(f) for f in findings[:20])
        more = f"\n  ... and {len(findings) - 20} more" if len(findings) > 20 else ""
        raise EditionError(f"{len(findings)} reference(s) to resources on other hosts (a page "
                           f"must load nothing from the network):\n  {shown}{more}", where)


def check_built(site_dir: Path, bundles: list[Path]) -> None:
    """Fail on any external resource reference in the site or in the zips that ship."""
    ensure_none(check_dir(site_dir), site_dir)
    for bundle in bundles:
        ensure_none(check_zip(bundle), bundle)
