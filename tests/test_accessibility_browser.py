"""Accessibility: axe-core finds no violation on any page, light and dark, online and offline;
the keyboard reaches search, permalinks and cite."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import PROJECT, material_mounted

from build_tools.bench.loopback import serve_dir
from build_tools.model import Build, Paths

pytestmark = pytest.mark.browser

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
REFRESH = re.compile(r'http-equiv="refresh"', re.IGNORECASE)
RUN_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; "));
}"""


def pages_of(root: Path) -> list[str]:
    """Every HTML page of a built site but the resolver's redirect stubs (tested on arrival)."""
    return [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.html"))
            if not REFRESH.search(p.read_text(encoding="utf-8", errors="replace")[:4000])]


def resolver_stubs(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.html"))
            if REFRESH.search(p.read_text(encoding="utf-8", errors="replace")[:4000])]


@pytest.fixture(scope="session")
def rooted_url(built: tuple[Build, Paths], tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[str]:
    """The site served under the path of its public URL (e.g. /edition/), as it is deployed:
    the 404 page's links are rooted there."""
    build, paths = built
    base = urlsplit(str(build.inputs.meta["edition_site_url"])).path.strip("/")
    root = tmp_path_factory.mktemp("served")
    mount = root / base if base else root
    mount.parent.mkdir(parents=True, exist_ok=True)
    if base:
        mount.symlink_to(paths.site, target_is_directory=True)
    else:
        root = paths.site
    url, server = serve_dir(root)
    yield url + (base + "/" if base else "")
    server.shutdown()


@pytest.fixture(scope="session")
def bundle_dir(built: tuple[Build, Paths], tmp_path_factory: pytest.TempPathFactory) -> Path:
    bundles = sorted(built[1].dist.glob("*-offline.zip")) if built[1].dist.exists() else []
    assert bundles, f"no offline bundle (*-offline.zip) in {built[1].dist}"
    target = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(bundles[0]) as zf:
        zf.extractall(target)
    index = sorted(target.rglob("index.html"), key=lambda p: len(p.parts))[0]
    return index.parent


def axe_violations(page: object, url: str, scheme: str) -> list[str]:
    page.goto(url)  # type: ignore[attr-defined]
    material_mounted(page)
    # The dark scheme is the inline stylesheet's (Material's colours on :root, color-scheme dark).
    actual = page.evaluate(  # type: ignore[attr-defined]
        "getComputedStyle(document.documentElement).colorScheme")
    assert (actual == "dark") == (scheme == "dark"), f"{url}: color-scheme {actual!r} in {scheme}"
    # Evaluated by the test (not a <script> the page's Content-Security-Policy would refuse).
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    found: list[str] = page.evaluate(RUN_AXE)  # type: ignore[attr-defined]
    return found


def audit(page: object, base: str, names: list[str], scheme: str) -> list[str]:
    page.emulate_media(color_scheme=scheme)  # type: ignore[attr-defined]
    return [f"{name} [{scheme}]: {v}" for name in names
            for v in axe_violations(page, base + name, scheme)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_on_any_page(page: object, rooted_url: str, site_dir: Path,
                                      scheme: str) -> None:
    names = pages_of(site_dir)
    assert "index.html" in names and len(names) > 5
    problems = audit(page, rooted_url, [n.removesuffix("index.html") for n in names], scheme)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_where_the_resolver_lands(page: object, rooted_url: str,
                                                   site_dir: Path, scheme: str) -> None:
    stubs = [s for s in resolver_stubs(site_dir) if s.startswith("p/")]
    assert stubs, "no resolver pages (p/N/) in the site"
    stub = stubs[len(stubs) // 2].removesuffix("index.html")
    page.emulate_media(color_scheme=scheme)  # type: ignore[attr-defined]
    page.goto(rooted_url + stub)  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"#para_\d+$"))  # type: ignore[attr-defined]
    landed = page.url  # type: ignore[attr-defined]
    assert "/p/" not in landed
    problems = [f"{landed} [{scheme}]: {v}" for v in axe_violations(page, landed, scheme)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_in_the_offline_bundle(page: object, bundle_dir: Path,
                                                scheme: str) -> None:
    names = pages_of(bundle_dir)
    assert "index.html" in names
    problems = audit(page, bundle_dir.as_uri() + "/", names, scheme)
    assert problems == [], "\n".join(problems)


def focused(page: object) -> dict[str, str]:
    return page.evaluate("""() => { const e = document.activeElement;
      return {tag: e.tagName, cls: String(e.className), label: e.getAttribute("aria-label") || "",
              href: e.getAttribute("href") || ""}; }""")  # type: ignore[attr-defined,no-any-return]


def tab_to(page: object, test: str, limit: int = 400) -> dict[str, str]:
    """Press Tab until the focused element matches the CSS selector `test`."""
    for _ in range(limit):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("s => document.activeElement.matches(s)", test):  # type: ignore[attr-defined]
            return focused(page)
    raise AssertionError(f"Tab never reached {test}")


def a_section_page(site_dir: Path) -> str:
    """A page other than the home page that holds numbered paragraphs."""
    for p in sorted(site_dir.rglob("index.html")):
        rel = p.relative_to(site_dir).as_posix()
        if rel != "index.html" and 'class="para"' in p.read_text(encoding="utf-8"):
            return rel.removesuffix("index.html")
    raise AssertionError("no section page with numbered paragraphs")


def test_keyboard_reaches_search_permalink_and_cite(page: object, site_url: str,
                                                    site_dir: Path) -> None:
    page.goto(site_url + a_section_page(site_dir))  # type: ignore[attr-defined]
    first = page.locator("p.para").first  # type: ignore[attr-defined]
    word = max(re.findall(r"[A-Za-z]{6,}", first.inner_text()), key=len)
    # Search: reached by Tab, answers typed words.
    tab_to(page, "input.md-search__input")
    page.keyboard.type(word)  # type: ignore[attr-defined]
    page.locator(".md-search-result__item").first.wait_for()  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    # Permalink and cite: reached by Tab, the cite control right after the ¶ link.
    link = tab_to(page, "p.para a.plink")
    assert link["label"], "the permalink has no accessible name"
    cite = tab_to(page, "p.para .cite-btn", limit=1)
    assert cite["label"], "the cite control has no accessible name"
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    opened = page.locator('.cite-btn[aria-expanded="true"]')  # type: ignore[attr-defined]
    opened.first.wait_for(timeout=2000)
    assert opened.count() == 1, "Enter on cite did not open the citation"
    # Back to the permalink with Shift+Tab; Enter copies the paragraph's permanent address.
    for _ in range(20):
        page.keyboard.press("Shift+Tab")  # type: ignore[attr-defined]
        if page.evaluate("document.activeElement.matches('p.para a.plink')"):  # type: ignore[attr-defined]
            break
    back = focused(page)
    assert back["href"] == link["href"], (back, link)
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    n = link["href"].removeprefix("#para_")
    page.wait_for_function(  # type: ignore[attr-defined]
        "t => document.querySelector('.cite-toast').textContent.includes(t)",
        arg=f"ink to paragraph {n}", timeout=2000)  # copied, or "could not" and the address
