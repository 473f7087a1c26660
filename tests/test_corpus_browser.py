"""A resolution of the corpus built with init + build, seen in Chromium: no axe violation on its
pages (light and dark), its resolver lands on the annex's paragraph, the cite button copies the
citation by symbol, and nothing is requested from another host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import material_mounted
from corpus_helpers import corpus_files
from test_accessibility_browser import AXE, RUN_AXE

from build_tools import cli
from build_tools.bench.loopback import serve_dir

SOURCE = next((f for f in corpus_files() if f.stem.endswith("80_3")), None)


@pytest.fixture(scope="module")
def resolution_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert SOURCE is not None, "the corpus (../shared/corpus) has no A_RES_80_3"
    out = tmp_path_factory.mktemp("res")
    assert cli.main(["init", str(SOURCE), "--out", str(out)]) == 0
    assert cli.main(["build", "--content", str(out / "content"), "--annexes",
                     str(out / "annexes"), "--out", str(out / "out")]) == 0
    url, server = serve_dir(Path(out / "out" / "site"))
    yield url
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_on_a_resolutions_pages(page: object, resolution_url: str,
                                                 scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[attr-defined]
    problems = []
    for name in ("", "annex/", "ii-implementation-of-the-awaza-programme/", "edition/",
                 "concordance/", "how-to-cite/"):
        page.goto(resolution_url + name)  # type: ignore[attr-defined]
        material_mounted(page)
        # Evaluated by the test: the page's Content-Security-Policy refuses an added <script>.
        page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
        problems += [f"{name} [{scheme}]: {v}" for v in page.evaluate(RUN_AXE)]  # type: ignore[attr-defined]
    assert problems == []


def test_the_resolver_lands_on_the_annexs_paragraph_and_cite_names_the_symbol(
        page: object, resolution_url: str) -> None:
    page.goto(resolution_url + "p/annex_1__para_3/")  # type: ignore[attr-defined]
    page.wait_for_url("**#annex_1__para_3")  # type: ignore[attr-defined]
    material_mounted(page)
    target = page.locator("#annex_1__para_3")  # type: ignore[attr-defined]
    assert target.inner_text().startswith("3")
    assert "We gather at a critical juncture" in target.inner_text()
    page.locator("#annex_1__para_3 .cite-btn").click()  # type: ignore[attr-defined]
    panel = page.locator("#cite-panel")  # type: ignore[attr-defined]
    panel.wait_for(state="visible")
    assert "annex, para. 3" in panel.inner_text()
    citation = page.locator("#cite-panel-text").input_value()  # type: ignore[attr-defined]
    assert citation.startswith("General Assembly resolution 80/3, annex, para. 3 (A/RES/80/3)")
    assert citation.endswith("/p/annex_1__para_3/")
