"""Fidelity: the edition's words are the source's words, but for exactly the listed corrections."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.model import Build, Paths
from build_tools.pages.markdown import escape, render_spans
from build_tools.source import clean, segment
from build_tools.source.load import load_inputs

PROJECT = Path(__file__).resolve().parent.parent


def words(text: str) -> list[str]:
    return text.split()


def source_body_words(source: str, drop: list[str]) -> list[str]:
    """The received text's words, line-end hyphens joined, without title, dateline, headings."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", source) if b.strip()]
    body = [b for b in blocks if b not in drop]
    text = re.sub(r"-\s+", "-", " ".join(body))
    return words(text)


def test_paragraph_words_equal_source_words_but_for_corrections() -> None:
    inputs = load_inputs(PROJECT / "content", PROJECT / "annexes")
    doc = segment.segment(inputs, clean.clean(inputs))
    # Undo each listed correction in the edition's text: what is left must be the source.
    edition_text = " ".join(p.text for p in doc.paragraphs)
    for c in inputs.corrections:
        assert edition_text.count(c.edition) == 1, c.id
        edition_text = edition_text.replace(c.edition, c.source)
    drop = [doc.title, doc.dateline, *(h.text for h in inputs.headings)]
    # Headings wrap over lines in the source: compare blocks with whitespace normalised.
    src = inputs.source_text
    for h in drop:
        assert re.search(r"\s+".join(map(re.escape, h.split())), src), h
    src_words = source_body_words(src, [" ".join(h.split()) for h in drop])
    assert words(edition_text) == src_words


def test_corrections_change_only_their_own_words() -> None:
    inputs = load_inputs(PROJECT / "content", PROJECT / "annexes")
    doc = segment.segment(inputs, clean.clean(inputs))
    changed = sum(1 for p in doc.paragraphs if p.text != p.source)
    assert changed == len({p.number for p in doc.paragraphs for s in p.spans
                           if s.kind == "correction" and p.text != p.source})
    assert changed <= len(inputs.corrections)


def _converter() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions of the project's mkdocs.yml."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text("utf-8"))
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, conf), = ext.items()
            names.append(name)
            configs[name] = conf or {}
        else:
            names.append(ext)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _text_of(html_out: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_out))


SPECIAL = st.sampled_from([*"*_[]()<>#!`\\{}|~^=:&\"'-+.", "<script>", "1. ", "# ", "- ",
                           "&amp;", "[^1]", "{: #x }", "*[A]: b", "  ", "**", "__"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SPECIAL, st.text(alphabet=st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=8)), min_size=1,
    max_size=12).map("".join).filter(lambda s: s.strip() != ""))
def test_any_paragraph_text_renders_as_the_same_literal_text(text: str) -> None:
    text = " ".join(text.split())
    md = _converter()
    body = render_spans(text, (), lambda span, inner: inner)
    out = md.convert(f"<a class=\"pnum\" href=\"#para_1\">1</a> {body}\n{{: #para_1 .para }}")
    assert out.startswith('<p class="para" id="para_1">'), out
    assert _text_of(out) == "1 " + text
    md.reset()
    assert _text_of(md.convert(escape(text))) == text


def test_paragraph_escaping_in_the_real_build(built: tuple[Build, Paths]) -> None:
    build, paths = built
    page = (paths.site / "iraq" / "index.html").read_text("utf-8")
    p = build.doc.paragraph(27)
    found = re.search(r'<p class="para"[^>]*id="para_27"[^>]*>(.*?)</p>', page, re.S)
    assert found
    assert " ".join(p.text.split()) in " ".join(_text_of(found.group(1)).split())
