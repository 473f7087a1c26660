"""The built site: every acronym of the text is inside an `<abbr>` with the right full name, every
index link lands on an existing paragraph or entry, each glossary entry lists every paragraph that
mentions its body; and the checks that `--strict` fails on."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools import pipeline
from build_tools.annotation import checks, mentions
from build_tools.errors import EditionError
from build_tools.model import Build, Paths

INDEX_FRAGMENT = re.compile(r"^(para_\d+|(body|term|person|place|instrument|topic)-[a-z0-9-]+)$")


class ParaText(HTMLParser):
    """Per `para_N` paragraph: its text, which characters lie inside an `<abbr>`, and the
    `<abbr>` elements as (text, title)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: dict[int, tuple[str, list[bool], list[tuple[str, str]]]] = {}
        self._para: int | None = None
        self._depth = 0
        self._abbr: list[list[str]] = []  # open abbr: [title, text]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self._para is None:
            m = re.fullmatch(r"para_(\d+)", a.get("id") or "")
            if tag == "p" and m:
                self._para = int(m.group(1))
                self._depth = 1
                self.paras[self._para] = ("", [], [])
            return
        if tag == "p":
            self._depth += 1
        if tag == "abbr":
            self._abbr.append([a.get("title") or "", ""])

    def handle_endtag(self, tag: str) -> None:
        if self._para is None:
            return
        if tag == "abbr" and self._abbr:
            title, text = self._abbr.pop()
            self.paras[self._para][2].append((text, title))
        if tag == "p":
            self._depth -= 1
            if self._depth == 0:
                self._para = None

    def handle_data(self, data: str) -> None:
        if self._para is None:
            return
        text, mask, abbrs = self.paras[self._para]
        for open_abbr in self._abbr:
            open_abbr[1] += data
        self.paras[self._para] = (text + data, mask + [bool(self._abbr)] * len(data), abbrs)


def url_dir(page: str) -> str:
    """The site folder of a generated Markdown page (directory URLs): iraq.md -> iraq."""
    stem = page[:-len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")].rstrip("/")
    return stem


def html_of(site: Path, page: str) -> str:
    return (site / url_dir(page) / "index.html").read_text("utf-8")


def test_every_acronym_in_the_text_has_its_abbr(built: tuple[Build, Paths]) -> None:
    build, paths = built
    capitals = set(checks.read_capitals(build.inputs.root))
    pages = sorted(set(dict(build.page_of).values()))
    seen: dict[int, tuple[str, list[bool], list[tuple[str, str]]]] = {}
    for page in pages:
        parser = ParaText()
        parser.feed(html_of(paths.site, page))
        seen.update(parser.paras)
    assert sorted(seen) == [p.number for p in build.doc.paragraphs]
    for p in build.doc.paragraphs:
        text, mask, abbrs = seen[p.number]
        for start, end, token in checks.acronyms(text):
            if token in capitals:
                continue
            assert all(mask[start:end]), f"¶ {p.number}: {token!r} is not inside an <abbr>"
        expected = [(p.text[s.start:s.end], mentions.full_name(build, s))
                    for s in sorted(p.spans, key=lambda s: s.start)
                    if (e := mentions.entry_of(build, s)) and mentions.has_tooltip(e, s)]
        assert abbrs == expected, f"¶ {p.number}: <abbr> elements differ from the mentions"


def test_dpa_tooltips_tell_the_two_meanings_apart(built: tuple[Build, Paths]) -> None:
    _, paths = built
    sudan = (paths.site / "sudan" / "index.html").read_text("utf-8")
    assert '<abbr title="Darfur Peace Agreement">DPA</abbr>' in sudan
    general = (paths.site / "general-observations" / "index.html").read_text("utf-8")
    assert '<abbr title="Department of Political Affairs">DPA</abbr>' in general
    assert "Darfur Peace Agreement" not in general


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")


def _parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_index_link_resolves(built: tuple[Build, Paths]) -> None:
    build, paths = built
    site = paths.site
    pages = [p for _, p, _ in mentions.INDEX_PAGES] + sorted(set(dict(build.page_of).values()))
    checked = 0
    for page in pages:
        source_dir = url_dir(page)
        for href in _parse(site / source_dir / "index.html").hrefs:
            if "#" not in href or href.startswith(("http:", "https:")):
                continue
            target, fragment = href.split("#", 1)
            if not INDEX_FRAGMENT.match(fragment):
                continue
            resolved = posixpath.normpath(posixpath.join(source_dir, target or "."))
            target_file = site / resolved / "index.html"
            assert target_file.exists(), f"{page}: {href} leads to no page"
            assert fragment in _parse(target_file).ids, f"{page}: {href}: no id {fragment}"
            checked += 1
    assert checked > 500


def test_glossary_lists_every_paragraph_that_mentions_a_body(built: tuple[Build, Paths]) -> None:
    build, paths = built
    html = (paths.site / "indexes" / "bodies" / "index.html").read_text("utf-8")
    parts = re.split(r'<h3 id="body-', html)[1:]
    listed = {part.split('"', 1)[0]: {int(n) for n in re.findall(r"#para_(\d+)", part)}
              for part in parts}
    expected: dict[str, set[int]] = {}
    for p in build.doc.paragraphs:
        for s in p.spans:
            if s.kind == "body":
                expected.setdefault(s.key, set()).add(p.number)
    bodies = {e.key for e in build.inputs.entries if e.kind == "body"}
    assert set(listed) == bodies
    for key in bodies:
        assert listed[key] == expected.get(key, set()), key


def test_every_index_page_is_built(built: tuple[Build, Paths]) -> None:
    _, paths = built
    for _, page, title in mentions.INDEX_PAGES:
        html = (paths.site / page[:-3] / "index.html").read_text("utf-8")
        assert title.split(" (")[0] in html


# --- the checks, and --strict --------------------------------------------------------------

def through(name: str) -> tuple[tuple[str, pipeline.Stage], ...]:
    """The pipeline's stages up to and including one (the later ones are not needed here)."""
    names = [n for n, _ in pipeline.STAGES]
    return pipeline.STAGES[:names.index(name) + 1]


def test_the_real_data_passes_strict(tmp_path: Path) -> None:
    from conftest import project_paths

    pipeline.generate(project_paths(tmp_path), through("indexes"), strict=True)


def _break(paths: Paths, file: str, old: str, new: str) -> None:
    path = paths.content / file
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize("file, old, new, message", [
    ("index/places.yml", 'forms: ["Yemen"]', 'forms: ["Yemenn"]',
     "place 'yemen' is mentioned in no paragraph"),
    ("index/bodies.yml", 'forms: ["UNAMA"]\n  abbr: ["UNAMA"]',
     'forms: ["UNAMAX"]\n  abbr: ["UNAMAX"]', "the acronym 'UNAMA' is in no data file"),
    ("index/topics.yml", "paras: [46, 49]", "paras: [46, 49, 99]",
     "names paragraph(s) [99], which do not exist"),
    ("index/topics.yml", "paras: [16]", "paras: []", "has no paragraph"),
    ("index/terms.yml", 'when_near: ["Somalia"]', 'when_near: ["Somaliland"]',
     "'SRSG' is explained by no entry here"),
    ("capitals.yml", "- token: IV", "- token: XIV", "'XIV' no longer occurs"),
])
def test_checks_report_and_strict_fails(content_copy: Paths, caplog: pytest.LogCaptureFixture,
                                        file: str, old: str, new: str, message: str) -> None:
    _break(content_copy, file, old, new)
    pipeline.generate(content_copy, through("checks"))  # not strict: reported, not fatal
    assert message in caplog.text
    with pytest.raises(EditionError, match="--strict"):
        pipeline.generate(content_copy, through("checks"), strict=True)


def test_paragraph_no_topic_covers_is_reported(content_copy: Paths,
                                                caplog: pytest.LogCaptureFixture) -> None:
    _break(content_copy, "index/topics.yml", "paras: [16]", "paras: [17]")
    pipeline.generate(content_copy, through("checks"))
    assert "paragraph 16 is covered by no topic" in caplog.text


def test_ambiguous_form_without_rule_fails_naming_both_files(content_copy: Paths) -> None:
    _break(content_copy, "index/instruments.yml",
           '  when_near: ["Darfur Peace Agreement"]\n', "")
    with pytest.raises(EditionError) as err:
        pipeline.generate(content_copy, through("checks"))
    message = str(err.value)
    assert "bodies.yml:" in message and "instruments.yml:" in message and "'DPA'" in message


def test_schema_error_names_file_and_line(content_copy: Paths) -> None:
    _break(content_copy, "index/bodies.yml", "  participant: true\n", "  participant: \"true\"\n")
    with pytest.raises(EditionError, match=r"bodies\.yml:\d+: .*participant"):
        pipeline.generate(content_copy, through("check"))


def test_strict_cli_keeps_the_last_good_site(content_copy: Paths) -> None:
    from build_tools import cli

    out = content_copy.out
    site = out / "site"
    site.mkdir(parents=True)
    (site / "marker").write_text("last good site")
    _break(content_copy, "index/places.yml", 'forms: ["Yemen"]', 'forms: ["Yemenn"]')
    code = cli.main(["build", "--strict", "--content", str(content_copy.content),
                     "--annexes", str(content_copy.annexes), "--out", str(out)])
    assert code == 1
    assert (site / "marker").read_text() == "last good site"
    shutil.rmtree(out)


def test_paragraph_lists_of_the_indexes_stay_out_of_search(built: tuple[Build, Paths]) -> None:
    """A search for a section's name finds the section and its paragraphs, not every index
    entry that lists one of its paragraphs; the index pages still show the lists."""
    site = built[1].site
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    entries = [d for d in docs if d["location"].startswith("indexes/")]
    assert len(entries) > 100
    assert [d["location"] for d in entries if re.search("\u00b6\u00a0\\d", d["text"])] == []
    page = html_of(site, "indexes/bodies.md")
    assert page.count(">\u00b6\u00a0") > 100
    assert "data-search-exclude" not in page  # Material takes its marker out of the page
