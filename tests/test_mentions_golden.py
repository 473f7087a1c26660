"""Golden output: the annotated Markdown of two section pages (Iraq; Sudan, where "DPA" is the
Darfur Peace Agreement), as the mention renderer makes it: each paragraph's text with its
mentions (`<abbr>` tooltips, links to index entries) and corrections, the page's footnotes, and
what the section deals with. The page's other furniture (paragraph numbers, permalinks, citation)
is left out so that this golden changes only when mentions do.

Regenerate after a deliberate change with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_mentions_golden.py` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import project_paths
from golden_env import updating

from build_tools import pipeline
from build_tools.annotation import mentions
from build_tools.model import Build
from build_tools.pages import render
from build_tools.pages.markdown import render_spans

GOLDEN = Path(__file__).resolve().parent / "golden" / "sections"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Build:
    names = [n for n, _ in pipeline.STAGES]
    stages = pipeline.STAGES[:names.index("indexes") + 1]
    return pipeline.generate(project_paths(tmp_path_factory.mktemp("golden")), stages)


def annotated_page(build: Build, slug: str) -> str:
    section = build.doc.section(slug)
    page = dict(build.page_of)[slug]
    writer = render.PageWriter(build, page)
    out = [f"# {section.title}\n"]
    for p in build.doc.paragraphs:
        if p.section == slug:
            out.append(f"<!-- para_{p.number} -->\n"
                       + render_spans(p.text, p.spans, writer.wrap, where=p.eid) + "\n")
    out.append(writer.footer())
    out.append(mentions.section_footer(build, page, section))
    return "\n".join(out)


@pytest.mark.parametrize("slug", ["iraq", "sudan"])
def test_section_page_mentions_match_golden(generated: Build, slug: str) -> None:
    actual = annotated_page(generated, slug)
    path = GOLDEN / f"{slug}.md"
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, "utf-8")
    assert actual == path.read_text("utf-8"), (
        f"the annotated Markdown of {slug} differs from tests/golden/sections/{slug}.md "
        "(UPDATE_GOLDEN=1 regenerates it)")
