"""Link integrity: every internal link and #fragment of the site and the offline bundle resolves."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Build, Paths
from build_tools.verify import linkcheck


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return root


GOOD = {
    "index.html": '<p id="para_1">1</p><a href="a/">a</a> <a href="a/#para_2">2</a>'
                  '<a href="#para_1">self</a> <a href="#">top</a> <img src="img/x.png">'
                  '<a href="/edition/a/#para_2">rooted</a> <a href="https://example.org/x">ext</a>',
    "a/index.html": '<p id="para_2">2</p><a href="../#para_1">back</a>',
    "p/2/index.html": '<meta http-equiv="refresh" content="0; url=../../a/#para_2">',
}


def test_a_sound_site_passes(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD)
    (root / "img").mkdir()
    (root / "img" / "x.png").write_bytes(b"")
    assert linkcheck.check_site(root, base_path="/edition/") == []


@pytest.mark.parametrize(("page", "bad", "reason"), [
    ("a/index.html", '<a href="../missing/">x</a>', "no such file"),
    ("a/index.html", '<a href="../#para_9">x</a>', "no id 'para_9'"),
    ("index.html", '<a href="#nowhere">x</a>', "no id 'nowhere'"),
    ("index.html", '<script src="js/app.js"></script>', "no such file"),
    ("index.html", '<a href="/edition/b/">x</a>', "no such file"),
    ("index.html", '<a href="../../etc/passwd">x</a>', "outside the site"),
    ("p/2/index.html", '<meta http-equiv="refresh" content="0; url=../../a/#para_3">',
     "no id 'para_3'"),
])
def test_a_planted_broken_link_is_found(tmp_path: Path, page: str, bad: str, reason: str) -> None:
    pages = dict(GOOD)
    pages[page] = pages[page] + bad
    root = _site(tmp_path / "site", pages)
    (root / "img").mkdir()
    (root / "img" / "x.png").write_bytes(b"")
    broken = linkcheck.check_site(root, base_path="/edition/")
    assert len(broken) == 1, broken
    assert broken[0].page == page
    assert reason in broken[0].reason


def test_offline_links_must_name_files(tmp_path: Path) -> None:
    """From file:// a folder link opens a listing, not index.html: the bundle links to files."""
    root = _site(tmp_path / "site", {"index.html": '<a href="a/">a</a>',
                                     "a/index.html": '<a href="../index.html">home</a>'})
    assert [b.url for b in linkcheck.check_site(root, directory_index=False)] == ["a/"]
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        for f in root.rglob("*.html"):
            zf.write(f, "edition/" + f.relative_to(root).as_posix())
    assert [b.url for b in linkcheck.check_zip(bundle)] == ["a/"]


def test_search_index_locations_are_checked(tmp_path: Path) -> None:
    root = _site(tmp_path, {"index.html": '<p id="para_1">1</p>'})
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text(
        '{"docs": [{"location": ""}, {"location": "#para_1"}, {"location": "#para_7"}]}')
    assert [b.url for b in linkcheck.check_site(root)] == ["#para_7"]


def test_the_build_fails_on_a_broken_link_and_keeps_the_old_site(content_copy: Paths) -> None:
    pipeline.build_all(content_copy)
    before = sorted(p.name for p in content_copy.site.iterdir())
    notes = content_copy.content / "notes.yml"
    data = yaml.safe_load(notes.read_text(encoding="utf-8"))
    data[0]["text"] += ' <a href="#para_nowhere">see</a>'
    notes.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(EditionError, match="para_nowhere"):
        pipeline.build_all(content_copy)
    assert sorted(p.name for p in content_copy.site.iterdir()) == before
    assert not (content_copy.out / "site.new").exists()


def test_the_built_site_has_no_broken_link(built: tuple[Build, Paths]) -> None:
    build, paths = built
    base = build.inputs.meta["edition_site_url"]
    assert linkcheck.check_site(paths.site, base_path=linkcheck.urlsplit(base).path) == []
    pages = list(paths.site.rglob("*.html"))
    assert len(pages) > 5


def test_the_offline_bundle_has_no_broken_link(built: tuple[Build, Paths]) -> None:
    bundles = sorted(built[1].dist.glob("*-offline.zip")) if built[1].dist.exists() else []
    assert bundles, f"no offline bundle (*-offline.zip) in {built[1].dist}"
    for bundle in bundles:
        assert linkcheck.check_zip(bundle) == [], bundle.name
