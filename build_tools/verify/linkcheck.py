"""Link integrity: every internal href/src and #fragment of a built site resolves."""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
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


@dataclass(frozen=True)
class _Tree:
    """A site's files and folders (paths relative to its root, "/"-separated), listed once:
    a realpath and a stat per link made the check grow to seconds at scale. Links are resolved
    by their path alone (mkdocs writes no symbolic links)."""

    root: Path
    files: frozenset[str]
    dirs: frozenset[str]
    parsed: dict[str, _Parsed]

    @classmethod
    def of(cls, root: Path) -> _Tree:
        files: set[str] = set()
        dirs = {""}
        for folder, _, names in os.walk(root):
            rel = Path(folder).relative_to(root).as_posix()
            rel = "" if rel == "." else rel
            dirs.add(rel)
            files.update(posixpath.join(rel, n) for n in names)
        return cls(root, frozenset(files), frozenset(dirs), {})

    def page(self, rel: str) -> _Parsed:
        if rel not in self.parsed:
            parser = _Page()
            parser.feed((self.root / rel).read_text(encoding="utf-8", errors="replace"))
            self.parsed[rel] = _Parsed(frozenset(parser.ids), tuple(parser.urls))
        return self.parsed[rel]


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


def check_site(root: Path, directory_index: bool = True, base_path: str = "/") -> list[Broken]:
    """Check every HTML page under root (and the search index, when there is one).

    directory_index: a URL naming a folder serves its index.html (a web server); False for the
    offline bundle opened from file://, where only links to files work.
    base_path: the path of the site's URL (e.g. "/edition/"), which root-relative links start with.
    """
    tree = _Tree.of(root.resolve())
    broken: list[Broken] = []
    pages = sorted((f for f in tree.files if f.endswith(".html")), key=lambda f: f.split("/"))
    for rel in pages:
        for url in tree.page(rel).urls:
            reason = _check(tree, rel, url, directory_index, base_path)
            if reason:
                broken.append(Broken(rel, url, reason))
    broken.extend(_check_search_index(tree, directory_index, base_path))
    return broken


def _resolve(page: str, path: str, base_path: str) -> str | None:
    """The site path (relative to its root) a URL path points at, or None when it leaves the
    site."""
    if path.startswith("/"):
        base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        if not (path + "/").startswith(base):
            return None
        joined = path[len(base):]
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(joined) if joined else "."
    if target == ".":
        return ""
    if target == ".." or target.startswith(("../", "/")):
        return None
    return target


def _check(tree: _Tree, page: str, url: str, directory_index: bool, base_path: str) -> str:
    url = url.strip()
    if not url or is_external(url) or url.startswith(("mailto:", "javascript:", "data:")):
        return ""
    parts = urlsplit(url)
    if parts.path:
        target = _resolve(page, unquote(parts.path), base_path)
        if target is None:
            return "points outside the site"
        if target in tree.dirs:
            if not directory_index:
                return "names a folder, which file:// does not open"
            target = posixpath.join(target, "index.html")
        if target not in tree.files:
            return "no such file"
    else:
        target = page
    fragment = unquote(parts.fragment)
    if fragment not in TOP_FRAGMENTS and target.endswith(".html") \
            and fragment not in tree.page(target).ids:
        return f"no id {fragment!r} in {target}"
    return ""


def _check_search_index(tree: _Tree, directory_index: bool, base_path: str) -> list[Broken]:
    """Search results are links too: each document's location must resolve."""
    index = tree.root / "search" / "search_index.json"
    if not index.is_file():
        return []
    try:
        docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    except (ValueError, AttributeError):
        return [Broken("search/search_index.json", "", "not valid JSON")]
    out = []
    for doc in docs:
        location = str(doc.get("location", ""))
        reason = _check(tree, "index.html", location or "./", directory_index, base_path)
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
