"""Every editor's statement carries its sources; UN documents show their official symbols; a
renamed body shows its name today. In the data (schema, check), on the pages, in the exports."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.export import downloads, export_akn
from build_tools.model import Build, Paths
from build_tools.pages import sources

NS = {"a": export_akn.NS}


def _break(paths: Paths, file: str, old: str, new: str) -> None:
    path = paths.content / file
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _through(name: str) -> tuple[tuple[str, pipeline.Stage], ...]:
    names = [n for n, _ in pipeline.STAGES]
    return pipeline.STAGES[:names.index(name) + 1]


def _line_of(paths: Paths, file: str, needle: str) -> int:
    lines = (paths.content / file).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# --- the data ---------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, message", [
    ("    url: https://undocs.org/A/RES/1934(XVIII)\n", "", "'url' is a required property"),
    ("    url: https://undocs.org/A/RES/1934(XVIII)\n",
     "    url: undocs.org/A/RES/1934(XVIII)\n", "does not match"),
    ("    url: https://undocs.org/A/RES/1934(XVIII)\n",
     "    url: https://undocs.org/A/RES/1934(XVIII)\n    page: 3\n",
     "Additional properties are not allowed"),
])
def test_the_schema_rejects_a_malformed_source_naming_file_and_line(
        content_copy: Paths, old: str, new: str, message: str) -> None:
    line = _line_of(content_copy, "index/bodies.yml", "url: https://undocs.org/A/RES/1934(XVIII)")
    _break(content_copy, "index/bodies.yml", old, new)
    with pytest.raises(EditionError) as err:
        pipeline.generate(content_copy, _through("check"))
    text = str(err.value)
    assert message in text
    # The error names the file and a line of the broken source (the title's line or the url's).
    where = re.search(r"bodies\.yml:(\d+)", text)
    assert where is not None, text
    assert line - 1 <= int(where.group(1)) <= line + 1, text


def test_the_schema_rejects_a_current_name_without_its_year(content_copy: Paths) -> None:
    _break(content_copy, "index/bodies.yml", "    since: 2019\n", "")
    with pytest.raises(EditionError, match=r"bodies\.yml:\d+: .*'since' is a required property"):
        pipeline.generate(content_copy, _through("check"))


@pytest.mark.parametrize("file, old, message", [
    ("index/people.yml", "  sources:\n  - title: 'UN News, 7 July 2008",
     "person 'osman-ali-ahmed' has no sources"),
    ("notes.yml", "  sources:\n  - title: Report of the Secretary-General",
     "note 'opening-statements' has no sources"),
    ("corrections.yml", "  sources:\n  - title: General Assembly resolution 61/49",
     "correction 'resolution-year' adds words but has no sources"),
])
def test_a_statement_without_sources_is_reported_and_fails_strict(
        content_copy: Paths, caplog: pytest.LogCaptureFixture, file: str, old: str,
        message: str) -> None:
    # Remove the entry's whole sources list: its key and the lines of its items.
    path = content_copy.content / file
    lines = path.read_text("utf-8").split("\n")
    first = "\n".join(lines).index(old)
    start = "\n".join(lines)[:first].count("\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith(("  - ", "    ")):
        end += 1
    path.write_text("\n".join(lines[:start] + lines[end:]), "utf-8")
    pipeline.generate(content_copy, _through("checks"))  # not strict: reported, not fatal
    assert message in caplog.text
    assert re.search(rf"{re.escape(file.split('/')[-1])}:\d+: ", caplog.text)
    with pytest.raises(EditionError, match="--strict"):
        pipeline.generate(content_copy, _through("checks"), strict=True)


def test_every_statement_of_the_real_data_has_sources(built: tuple[Build, Paths]) -> None:
    from build_tools.annotation import checks

    build = built[0]
    assert checks.unsourced(build) == []
    entries = [e for e in build.inputs.entries
               if e.kind in ("body", "term", "person", "place", "instrument")]
    assert len(entries) > 100
    for e in entries:
        found = sources.entry_sources(e)
        assert found and all(s.url.startswith(("https://", "http://")) for s in found), e.key


# --- the pages ------------------------------------------------------------------------------

class Anchors(HTMLParser):
    """The entries of an index page: heading id -> its following text and external links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.current = ""
        self.text: dict[str, str] = {}
        self.links: dict[str, list[tuple[str, str]]] = {}
        self._href: str | None = None
        self._words = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("h2", "h3") and a.get("id"):
            self.current = a["id"] or ""
            self.text.setdefault(self.current, "")
            self.links.setdefault(self.current, [])
        if tag == "a" and (a.get("href") or "").startswith("http"):
            self._href, self._words = a["href"], ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.setdefault(self.current, []).append((self._href, self._words))
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text[self.current] = self.text.get(self.current, "") + data
        if self._href is not None:
            self._words += data


def _entries(site: Path, page: str) -> Anchors:
    parser = Anchors()
    parser.feed((site / "indexes" / page / "index.html").read_text("utf-8"))
    return parser


def test_each_index_entry_shows_its_source_links(built: tuple[Build, Paths]) -> None:
    build, paths = built
    for kind, page in (("body", "bodies"), ("instrument", "instruments"), ("person", "people"),
                       ("place", "places"), ("term", "terms")):
        parsed = _entries(paths.site, page)
        for e in (x for x in build.inputs.entries if x.kind == kind):
            anchor = f"{kind}-{e.key}"
            assert re.search(r"Sources?: ", parsed.text[anchor]), anchor
            shown = set(parsed.links[anchor])
            for s in sources.entry_sources(e):
                assert (s.url, s.title) in shown, (anchor, s.url)


def test_the_official_symbols_show_in_the_instruments_index(built: tuple[Build, Paths]) -> None:
    parsed = _entries(built[1].site, "instruments")
    for key, symbol, url in (
            ("ga-resolution-61-49", "A/RES/61/49", "https://undocs.org/A/RES/61/49"),
            ("sc-resolution-242", "S/RES/242 (1967)", "https://undocs.org/S/RES/242(1967)"),
            ("sc-resolution-338", "S/RES/338 (1973)", "https://undocs.org/S/RES/338(1973)"),
            ("sc-resolution-1397", "S/RES/1397 (2002)", "https://undocs.org/S/RES/1397(2002)"),
            ("sc-resolution-1515", "S/RES/1515 (2003)", "https://undocs.org/S/RES/1515(2003)")):
        assert f"Symbol: {symbol}" in parsed.text[f"instrument-{key}"], key
        assert (url, symbol) in parsed.links[f"instrument-{key}"], key


def test_the_symbol_is_in_the_tooltip_of_the_mention(built: tuple[Build, Paths]) -> None:
    site = built[1].site
    middle_east = (site / "middle-east-and-palestine" / "index.html").read_text("utf-8")
    tip = "Security Council resolution 242 (1967) \u2014 S/RES/242 (1967)"
    assert f'<abbr title="{tip}">242</abbr>' in middle_east
    assert "S/RES/1515 (2003)\">1515</abbr>" in middle_east
    home = (site / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="General Assembly resolution 61/49 [^"]*\u2014 A/RES/61/49">'
                     r"resolution 61/49", home)


def test_current_names_render_on_the_glossary(built: tuple[Build, Paths]) -> None:
    parsed = _entries(built[1].site, "bodies")
    for key, today in (("oic", "Name today: Organisation of Islamic Cooperation (OIC), since 2011"),
                       ("dpa", "Name today: Department of Political and Peacebuilding Affairs "
                               "(DPPA), since 2019"),
                       ("dpko", "Name today: Department of Peace Operations (DPO), since 2019"),
                       ("un-isdr", "(UNDRR), since 2019"),
                       ("unwto", "Name today: UN Tourism, since 2024")):
        assert today in parsed.text[f"body-{key}"], key
    # The text's own words stay as they are on the document's pages.
    participation = (built[1].site / "the-united-nations-system" / "index.html").read_text("utf-8")
    assert "Organisation of Islamic Cooperation" not in participation


def test_note_and_correction_sources_render_in_their_footnotes(built: tuple[Build, Paths]) -> None:
    site = built[1].site
    home = (site / "index.html").read_text("utf-8")
    assert 'Source: <a href="https://undocs.org/A/RES/61/49">' in home
    training = (site / "conflict-prevention" / "index.html").read_text("utf-8")
    assert '<a href="https://press.un.org/en/2006/sgsm10560.doc.htm">' in training


# --- the exports ----------------------------------------------------------------------------

def test_paragraphs_json_carries_symbols_names_today_and_sources(
        built: tuple[Build, Paths]) -> None:
    data = json.loads((built[1].site / downloads.FOLDER / "paragraphs.json").read_text("utf-8"))
    entries = {(e["kind"], e["key"]): e for e in data["entries"]}
    assert entries[("instrument", "sc-resolution-242")]["symbol"] == {
        "text": "S/RES/242 (1967)", "url": "https://undocs.org/S/RES/242(1967)"}
    oic = entries[("body", "oic")]
    assert oic["current_name"]["name"] == "Organisation of Islamic Cooperation"
    assert oic["current_name"]["since"] == 2011 and oic["current_name"]["sources"]
    assert all(e.get("sources") for e in data["entries"])
    para_1 = data["paragraphs"][0]
    assert para_1["corrections"][0]["sources"][0]["url"] == "https://undocs.org/A/RES/61/49"
    notes = [n for p in data["paragraphs"] for n in p["notes"]]
    assert notes and all(n["sources"] for n in notes)


def test_akoma_ntoso_carries_symbols_and_sources(built: tuple[Build, Paths]) -> None:
    root = ET.fromstring(next((built[1].site / downloads.FOLDER).glob("*.akn.xml")).read_bytes())
    notes = {n.get("eId"): n for n in root.findall(".//a:notes/a:note", NS)}
    note = notes["note_ref_sc-resolution-242"]
    assert note.get("refersTo") == "#sc-resolution-242"
    links = {(a.get("href"), a.text) for a in note.iter(f"{{{export_akn.NS}}}a")}
    assert ("https://undocs.org/S/RES/242(1967)", "S/RES/242 (1967)") in links
    oic = notes["note_ref_oic"]
    assert "Name today: Organisation of Islamic Cooperation (OIC), since 2011." in [
        p.text for p in oic.findall("a:p", NS)]
    correction = notes["note_corr_resolution-year"]
    assert "https://undocs.org/A/RES/61/49" in {
        a.get("href") for a in correction.iter(f"{{{export_akn.NS}}}a")}
