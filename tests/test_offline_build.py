"""The offline bundle: deterministic bytes, what it holds, and no external resource anywhere."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import project_paths

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Build, Paths
from build_tools.site import offline
from build_tools.verify import external


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_builds_give_the_same_zip_bytes(tmp_path: Path) -> None:
    builds = [pipeline.build_all(project_paths(tmp_path / name)) for name in ("one", "two")]
    zips = [offline.zip_path(b, tmp_path / name / "dist") for b, name in zip(builds, ("one", "two"),
                                                                             strict=True)]
    assert zips[0].is_file() and zips[0].name == "un-oic-2008-offline.zip"
    assert _sha256(zips[0]) == _sha256(zips[1])


def test_the_zip_entries_are_sorted_stamped_and_plain_files(built: tuple[Build, Paths]) -> None:
    build, paths = built
    with zipfile.ZipFile(offline.zip_path(build, paths.dist)) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {n.split("/")[0] for n in names} == {offline.bundle_name(build)}
    assert len({i.date_time for i in infos}) == 1
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_the_bundle_holds_what_file_readers_need(built: tuple[Build, Paths]) -> None:
    build, paths = built
    root = offline.bundle_name(build)
    with zipfile.ZipFile(offline.zip_path(build, paths.dist)) as zf:
        names = set(zf.namelist())
        home = zf.read(f"{root}/index.html").decode()
        index_js = zf.read(f"{root}/search/search_index.js").decode()
    assert f"{root}/{offline.SHIM_PATH}" in names
    assert f'src="{offline.SHIM_PATH}"' in home and "unpkg" not in home
    assert f"{root}/p/1.html" in names
    # The embedded index has one entry per paragraph, at its .html page.
    docs = json.loads(index_js.removeprefix("var __index = "))["docs"]
    paras = {d["location"] for d in docs if "#para_" in d["location"]}
    assert len(paras) == len(build.doc.paragraphs)
    assert all(re.fullmatch(r"[\w/-]+\.html#para_\d+", loc) for loc in paras), sorted(paras)[:3]


def test_the_online_index_has_each_paragraph_once(built: tuple[Build, Paths]) -> None:
    build, paths = built
    docs = json.loads((paths.site / "search/search_index.json").read_text())["docs"]
    by_loc = {d["location"]: d for d in docs}
    assert len(by_loc) == len(docs)
    for p in build.doc.paragraphs:
        entry = [d for loc, d in by_loc.items() if loc.endswith(f"#{p.eid}")]
        assert len(entry) == 1, p.number
        assert entry[0]["title"].startswith(f"¶ {p.number} · ")
        assert not entry[0]["location"].startswith("/")
    # The page entries no longer repeat the paragraphs' words (they are the paragraphs' own).
    sample = build.doc.paragraphs[26].text[:60]
    holders = [d["location"] for d in docs if sample in d["text"]]
    assert holders == [f"iraq/#{build.doc.paragraphs[26].eid}"], holders


FAKE_PAGE = """<!doctype html><html><head>
<link rel="canonical" href="https://example.org/edition/">
<link rel="stylesheet" href="assets/x.css">
{extra}
</head><body><a href="https://example.org/elsewhere">a link the reader may follow</a></body></html>
"""


@pytest.mark.parametrize("extra", [
    '<link rel="preconnect" href="https://fonts.gstatic.com">',
    '<link rel="stylesheet" href="//cdn.example.org/x.css">',
    '<script src="https://unpkg.com/iframe-worker/shim"></script>',
    '<img src="https://example.org/logo.png" alt="">',
    '<img srcset="a.png 1x, https://example.org/b.png 2x" alt="">',
    '<iframe src="https://example.org/embed"></iframe>',
    '<style>@import url("https://fonts.googleapis.com/css?family=Roboto");</style>',
    '<div style="background: url(https://example.org/bg.png)"></div>',
    '<script>importScripts("https://example.org/w.js")</script>',
    '<a href="https://github.com/x/y" class="md-source" data-md-component="source">repo</a>',
])
def test_the_check_finds_each_kind_of_external_resource(tmp_path: Path, extra: str) -> None:
    (tmp_path / "index.html").write_text(FAKE_PAGE.format(extra=extra))
    found = external.check_dir(tmp_path)
    assert len(found) == 1, found
    with pytest.raises(EditionError, match="resources on other hosts"):
        external.ensure_none(found, tmp_path)


def test_links_canonical_and_local_resources_are_not_external(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(FAKE_PAGE.format(extra='<img src="data:image/png;b,x">'))
    (tmp_path / "a.css").write_text('@font-face{src:url("../fonts/x.woff2")} b{background:url(#g)}')
    (tmp_path / "a.js").write_text('const doc = "see https://bit.ly/x"; fetch("search.json")')
    assert external.check_dir(tmp_path) == []


def test_css_and_js_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text('\n@font-face { src: url(https://fonts.example/x.woff2) }')
    (tmp_path / "b.js").write_text('s.src = "https://example.org/x.js"')
    found = external.check_dir(tmp_path)
    assert [(f.file, f.line) for f in found] == [("a.css", 2), ("b.js", 1)]


def test_an_external_reference_fails_the_build_and_keeps_the_last_site(
        content_copy: Paths, tmp_path: Path) -> None:
    pipeline.build_all(content_copy)
    before = {p: _sha256(p) for p in (content_copy.site / "index.html",
                                      *content_copy.dist.glob("*.zip"))}
    # A base config that asks every page to load a style sheet from another host.
    text = project_paths(tmp_path).mkdocs_yml.read_text()
    base = tmp_path / "mkdocs.yml"
    base.write_text(text + "\nextra_css:\n  - https://cdn.example.org/x.css\n")
    assert base.read_text() != text
    broken = Paths(content=content_copy.content, annexes=content_copy.annexes,
                   out=content_copy.out, mkdocs_yml=base)
    with pytest.raises(EditionError, match=r"cdn\.example\.org"):
        pipeline.build_all(broken)
    assert {p: _sha256(p) for p in before} == before
