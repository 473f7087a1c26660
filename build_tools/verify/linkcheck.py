"""Link integrity: every internal href/src and #fragment of a built site resolves."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from build_tools.errors import EditionError

# Attributes that point at another resource; everything else (data-*, content) is text.
URL_ATTRS = {"href", "src", "poster", "action", "data"}
# "#" and "#top" go to the top of the page by the HTML standard: no element needs the id.
TOP_FRAGMENTS = {"", "top"}
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Broken:
    """One link that does not resolve: the page it is on, the link, and why."""

    page: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.reason})"


class _Page(HTMLParser):
    """Collects a page's ids and outgoing URLs (html.parser: the stdlib's tolerant parser)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "base" and "href" in values:
            self.base = values["href"]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            m = REFRESH.match(values.get("content", ""))
            if m:
                self.urls.append(m.group(1))
        for name in URL_ATTRS & values.keys():
            if tag == "object" or name != "data":
                self.urls.append(values[name])
        if "srcset" in values:
            candidates = values["srcset"].split(",")
            self.urls.extend(c.split()[0] for c in candidates if c.strip())


@dataclass(frozen=True)
class _Parsed:
    ids: frozenset[str]
    urls: tuple[str, ...]


def _page(path: Path, seen: dict[Path, _Parsed]) -> _Parsed:
    if path not in seen:
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        seen[path] = _Parsed(frozenset(parser.ids), tuple(parser.urls))
    return seen[path]


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


def check_site(root: Path, directory_index: bool = True, base_path: str = "/") -> list[Broken]:
    """Check every HTML page under root (and the search index, when there is one).

    directory_index: a URL naming a folder serves its index.html (a web server); False for the
    offline bundle opened from file://, where only links to files work.
    base_path: the path of the site's URL (e.g. "/edition/"), which root-relative links start with.
    """
    root = root.resolve()
    broken: list[Broken] = []
    seen: dict[Path, _Parsed] = {}
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        for url in _page(path, seen).urls:
            reason = _check(root, path, url, directory_index, base_path, seen)
            if reason:
                broken.append(Broken(rel, url, reason))
    broken.extend(_check_search_index(root, directory_index, base_path, seen))
    return broken


def _resolve(root: Path, page: Path, path: str, base_path: str) -> Path | None:
    """The file system path a URL path points at, or None when it leaves the site."""
    if path.startswith("/"):
        base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        if not (path + "/").startswith(base):
            return None
        parts = PurePosixPath(path[len(base):])
        start = root
    else:
        parts = PurePosixPath(path)
        start = page.parent
    target = start
    for part in parts.parts:
        target = target.parent if part == ".." else target if part == "." else target / part
    resolved = target.resolve()
    if resolved != root and root not in resolved.parents:
        return None
    return resolved


def _check(root: Path, page: Path, url: str, directory_index: bool, base_path: str,
           seen: dict[Path, _Parsed]) -> str:
    url = url.strip()
    if not url or is_external(url) or url.startswith(("mailto:", "javascript:", "data:")):
        return ""
    parts = urlsplit(url)
    if parts.path:
        target = _resolve(root, page, unquote(parts.path), base_path)
        if target is None:
            return "points outside the site"
        if target.is_dir():
            if not directory_index:
                return "names a folder, which file:// does not open"
            target = target / "index.html"
        if not target.is_file():
            return "no such file"
    else:
        target = page
    fragment = unquote(parts.fragment)
    if fragment not in TOP_FRAGMENTS and target.suffix == ".html" \
            and fragment not in _page(target, seen).ids:
        return f"no id {fragment!r} in {target.relative_to(root).as_posix()}"
    return ""


def _check_search_index(root: Path, directory_index: bool, base_path: str,
                        seen: dict[Path, _Parsed]) -> list[Broken]:
    """Search results are links too: each document's location must resolve."""
    index = root / "search" / "search_index.json"
    if not index.is_file():
        return []
    try:
        docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    except (ValueError, AttributeError):
        return [Broken("search/search_index.json", "", "not valid JSON")]
    home = root / "index.html"
    out = []
    for doc in docs:
        location = str(doc.get("location", ""))
        reason = _check(root, home, location or "./", directory_index, base_path, seen)
        if reason:
            out.append(Broken("search/search_index.json", location, reason))
    return out


def check_zip(bundle: Path) -> list[Broken]:
    """Unzip an offline bundle into a temporary folder and check it as file:// would open it."""
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(bundle) as zf:
        zf.extractall(tmp)
        root = Path(tmp)
        entries = list(root.iterdir())
        # A bundle may hold the site at its root or in a single top folder.
        if not (root / "index.html").exists() and len(entries) == 1 and entries[0].is_dir():
            root = entries[0]
        return check_site(root, directory_index=False)


def ensure(broken: list[Broken], where: Path) -> None:
    """Fail the build with the list of broken links (at most 50 shown)."""
    if not broken:
        return
    shown = "\n".join(f"  {b}" for b in broken[:50])
    more = f"\n  ... and {len(broken) - 50} more" if len(broken) > 50 else ""
    raise EditionError(f"{len(broken)} broken internal link(s):\n{shown}{more}", where)


def check_built(site_dir: Path, site_url: str | None) -> None:
    """The build's stage after mkdocs: fail, and drop the new site, if a link is broken."""
    broken = check_site(site_dir, base_path=urlsplit(site_url or "/").path or "/")
    if broken:
        shutil.rmtree(site_dir, ignore_errors=True)
    ensure(broken, site_dir)
