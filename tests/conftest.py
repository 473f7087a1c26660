"""Shared fixtures: a real build of the edition, a loopback server and a real browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from build_tools import pipeline
from build_tools.bench.loopback import serve_dir
from build_tools.model import Build, Paths

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium")  # as print_pdf.py
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def project_paths(out: Path) -> Paths:
    return Paths(content=PROJECT / "content", annexes=PROJECT / "annexes", out=out,
                 mkdocs_yml=PROJECT / "mkdocs.yml")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Paths]:
    """The real edition, built once per test session into a temporary folder."""
    paths = project_paths(tmp_path_factory.mktemp("edition"))
    return pipeline.build_all(paths), paths


@pytest.fixture(scope="session")
def site_dir(built: tuple[Build, Paths]) -> Path:
    return built[1].site


@pytest.fixture
def content_copy(tmp_path: Path) -> Paths:
    """A writable copy of content/ and annexes/, to break on purpose."""
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    shutil.copytree(PROJECT / "annexes", tmp_path / "annexes")
    return Paths(content=tmp_path / "content", annexes=tmp_path / "annexes",
                 out=tmp_path / "out", mkdocs_yml=PROJECT / "mkdocs.yml")


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site, served on loopback."""
    url, server = serve_dir(site_dir)
    yield url
    server.shutdown()


def require_browser() -> bool:
    """EDITION_REQUIRE_BROWSER=1 (make test, .ci/run): a browser test that cannot start, or
    skips, fails. Unset (a bare pytest on a machine without Chromium): it is skipped, saying why."""
    return os.environ.get("EDITION_REQUIRE_BROWSER", "").strip() == "1"


def browser_unavailable(why: str) -> None:
    message = f"browser tests cannot start: {why}"
    if require_browser():
        pytest.fail(f"{message} (EDITION_REQUIRE_BROWSER=1)")
    pytest.skip(f"{message} (set EDITION_REQUIRE_BROWSER=1 to fail instead)")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright."""
    if not os.access(CHROMIUM, os.X_OK):
        browser_unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as exc:
            browser_unavailable(f"{CHROMIUM} did not start: {str(exc)[:300]}")
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """With EDITION_REQUIRE_BROWSER=1, a browser test skipped for any reason is a failure."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if require_browser() and report.skipped and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"EDITION_REQUIRE_BROWSER=1, but the browser test skipped: " \
                          f"{report.longrepr}"


class Requests:
    """Every request a page makes; anything not on loopback or file:// is external."""

    def __init__(self) -> None:
        self.external: list[str] = []

    def check(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("file://", "http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.external.append(url)
            route.abort()  # type: ignore[attr-defined]


# Every frame reports what the page's Content-Security-Policy refused (issue 17).
CSP_LISTENER = ("document.addEventListener('securitypolicyviolation', e => "
                "window.__cspViolation(`${e.violatedDirective} ${e.blockedURI} "
                "${e.sourceFile}:${e.lineNumber} ${e.sample}`))")


def watch_csp(context: object) -> list[str]:
    """The policy violations of every page and frame of a browser context, as they happen."""
    violations: list[str] = []
    context.expose_binding(  # type: ignore[attr-defined]
        "__cspViolation", lambda source, what: violations.append(str(what)))
    context.add_init_script(CSP_LISTENER)  # type: ignore[attr-defined]
    return violations


def checked_page(browser: object, **context_options: Any) -> Iterator[object]:
    """A fresh page in its own context (Playwright's options) whose external requests are
    blocked and recorded, and whose Content-Security-Policy violations are recorded; the test
    fails on any. For fixtures: yield from it."""
    context = browser.new_context(**context_options)  # type: ignore[attr-defined]
    requests = Requests()
    context.route("**/*", requests.check)
    violations = watch_csp(context)
    pg = context.new_page()
    refused: list[str] = []
    pg.on("console", lambda m: refused.append(m.text)  # Chromium also logs each one
          if "Content Security Policy" in m.text else None)
    pg.external_requests = requests.external
    pg.csp_violations = violations
    yield pg
    context.close()
    assert requests.external == [], f"external requests: {requests.external}"
    assert violations == [] and refused == [], f"CSP violations: {violations} {refused}"


# Material's script starts after the first paint (build_tools/site/inline/after-paint.js): `load`
# can come before it has mounted. It has once its tag is started and it has defined document$.
MOUNTED = ("() => !document.querySelector('script[data-after-paint]')"
           " && window.document$ !== undefined")


def material_mounted(page: object) -> None:
    """Wait until the page is what a reader sees once every script has run."""
    page.wait_for_function(MOUNTED, timeout=10_000)  # type: ignore[attr-defined]


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh desktop page; external requests fail the test."""
    yield from checked_page(browser, viewport={"width": 1280, "height": 900})
