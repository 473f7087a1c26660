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
CHROMIUM = "/usr/bin/chromium"
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


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright. A missing browser fails the test: never a skip."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: browser tests cannot run (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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


def checked_page(browser: object, **context_options: Any) -> Iterator[object]:
    """A fresh page in its own context (Playwright's options) whose external requests are
    blocked and recorded; the test fails on any. For fixtures: yield from it."""
    context = browser.new_context(**context_options)  # type: ignore[attr-defined]
    requests = Requests()
    context.route("**/*", requests.check)
    pg = context.new_page()
    pg.external_requests = requests.external
    yield pg
    context.close()
    assert requests.external == [], f"external requests: {requests.external}"


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
