"""Each of these fails on a bug once planted in a scratch copy that no other test noticed
(issue 17): the test names the bug it catches."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import project_paths
from test_annotate import DARFUR, DPA, mentions

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Correction
from build_tools.pages import markdown
from build_tools.source import clean, number
from build_tools.verify import external, linkcheck


def test_a_correction_matching_twice_in_one_paragraph_is_refused() -> None:
    # Bug: the exactly-once rule counted one hit per paragraph, and applied the first.
    blocks = clean.unwrap("the word and the word again\n", set(), {})
    fix = Correction("c", "conversion-slip", "word", "ward", "why", 7)
    with pytest.raises(EditionError, match=r"c\.yml:7: .*'word' occurs 2 times"):
        clean.apply_corrections(blocks, (fix,), "c.yml")


def test_attribute_values_escape_double_quotes() -> None:
    # Bug: markdown.attr no longer escaping '"': a value could end the attribute.
    assert markdown.attr('say "hi" & <b>') == "say &quot;hi&quot; &amp; &lt;b&gt;"


def test_the_external_resource_scan_reads_the_offline_zip(tmp_path: Path) -> None:
    # Bug: the build's scan skipped the offline zip.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><p>local</p></body></html>", "utf-8")
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("b/index.html", '<html><head><script src="https://cdn.example.org/x.js">'
                                    "</script></head></html>")
    external.check_built(site, [])  # the site alone is clean
    with pytest.raises(EditionError, match=r"bundle\.zip!b/index\.html.*cdn\.example\.org"):
        external.check_built(site, [bundle])


def test_the_link_checker_reads_srcset(tmp_path: Path) -> None:
    # Bug: the link checker ignored srcset.
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><body><img alt="" srcset="gone.png 1x, also-gone.png 2x">'
        "</body></html>", "utf-8")
    broken = linkcheck.check_site(tmp_path)
    assert sorted(b.url for b in broken) == ["also-gone.png", "gone.png"]


def test_a_paragraph_not_in_the_frozen_file_is_refused(tmp_path: Path) -> None:
    # Bug: the frozen-numbering check's "not in the frozen file" branch was never reached.
    names = [name for name, _ in pipeline.STAGES]
    build = pipeline.generate(project_paths(tmp_path), pipeline.STAGES[:names.index("segment") + 1])
    doc = build.doc
    last = doc.paragraphs[-1]
    added = replace(last, number=last.number + 1, source="A paragraph that was never frozen.",
                    text="A paragraph that was never frozen.")
    grown = replace(doc, paragraphs=(*doc.paragraphs, added))
    with pytest.raises(EditionError) as err:
        number.check(grown, build.inputs.frozen, Path("numbering.yml"))
    problems = [line for line in str(err.value).splitlines() if line.startswith("  - ")]
    assert problems == [f"  - paragraph {added.number} (\u201cA paragraph that was never "
                        "frozen.\u2026\u201d) is not in the frozen numbering"]


def test_when_near_is_matched_case_sensitively() -> None:
    # Bug: when_near matched case-insensitively; like forms, its phrases are exact strings.
    assert mentions("the Darfur Peace Agreement (DPA)", [DPA, DARFUR])[-1][1] == DARFUR.key
    assert mentions("the darfur peace agreement (DPA)", [DPA, DARFUR])[-1][1] == DPA.key
