"""Two clean builds of one commit give the same bytes: site, exports and the offline zip."""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
from pathlib import Path

from conftest import project_paths

from build_tools import pipeline
from build_tools.model import Build, Paths
from build_tools.verify import reproducible


def digests(out: Path) -> dict[str, str]:
    """sha256 of every file under site/ and dist/, by path relative to out."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("site", "dist") if (out / folder).exists()
            for p in sorted((out / folder).rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    pipeline.build_all(project_paths(first))
    pipeline.build_all(project_paths(second))
    a, b = digests(first), digests(second)
    assert any(name.startswith("dist/") for name in a), "the build wrote no dist/"
    assert any(name.endswith(".zip") for name in a), "the build wrote no zip"
    assert sorted(a) == sorted(b)
    differ = sorted(name for name in a if a[name] != b[name])
    assert differ == [], f"files that differ between two builds: {differ}"


def test_dates_come_from_the_edition_not_the_clock(built: tuple[Build, Paths]) -> None:
    """The sitemap's dates and the gzip header are the edition's date, so tomorrow's build of
    this commit is the same as today's."""
    build, paths = built
    day = str(build.inputs.meta["edition_date"])
    sitemap = (paths.site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {day}
    packed = (paths.site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == reproducible.epoch_of(build.inputs.meta)
    assert gzip.decompress(packed).decode("utf-8") == sitemap
