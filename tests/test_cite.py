"""Citations and resolver addresses: formats, targets and the per-page data (no browser)."""

from __future__ import annotations

import json

import pytest
from pybtex.database import parse_string

from build_tools.model import Meta
from build_tools.pages import cite, resolver

META = Meta(tuple({
    "document_title": "Final Report of the Example Meeting on Things",
    "document_meeting": "Conference of Examples",
    "document_place": "Lyon",
    "document_date_start": "2010-03-30",
    "document_date": "2010-04-02",
    "document_language": "en",
    "document_author": "Body A; Body B & Co",
    "edition_name": "An edition",
    "edition_version": "2.1.0",
    "edition_date": "2031-01-05",
    "edition_publisher": "Some project",
    "edition_site_url": "https://example.org/ed",
    "edition_slug": "ex",
}.items()))
PARA = cite.Cited(key="ex-para-12", label="paragraph 12", section="Water_and {air}",
                  locator="para. 12", url="https://example.org/ed/p/12/")


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2008-07-08", "2008-07-10", "8\u201310 July 2008"),
    (None, "2008-07-10", "10 July 2008"),
    ("2010-03-30", "2010-04-02", "30 March \u2013 2 April 2010"),
    ("2010-12-30", "2011-01-02", "30 December 2010 \u2013 2 January 2011"),
])
def test_date_text(start: str | None, end: str, expected: str) -> None:
    assert cite.date_text(start, end) == expected


def test_text_citation_has_every_field_and_the_permanent_url() -> None:
    line = cite.text(META, PARA)
    for part in ("Body A; Body B & Co.", "Final Report of the Example Meeting on Things.",
                 "Conference of Examples, Lyon, 30 March \u2013 2 April 2010.",
                 "Section \u201cWater_and {air}\u201d, para. 12.",
                 "In: An edition, version 2.1.0 (5 January 2031).",
                 "https://example.org/ed/p/12/"):
        assert part in line
    assert line.endswith("https://example.org/ed/p/12/")


def test_meeting_named_once_when_the_title_names_it() -> None:
    meta = Meta(tuple({**dict(META.values),
                       "document_meeting": "Example Meeting on Things"}.items()))
    assert cite.text(meta, PARA).count("Example Meeting on Things") == 1


def test_bibtex_parses_with_the_fields_escaped() -> None:
    entry = parse_string(cite.bibtex(META, PARA), "bibtex").entries["ex-para-12"]
    assert entry.type == "misc"
    assert [str(p) for p in entry.persons["author"]] == ["{Body A}", "{Body B \\& Co}"]
    assert entry.fields["title"] == "{Final Report of the Example Meeting on Things}"
    assert entry.fields["url"] == "https://example.org/ed/p/12/"
    assert entry.fields["note"] == "Section \u201cWater\\_and \\{air\\}\u201d, para. 12"
    assert entry.fields["date"] == "2010-03-30/2010-04-02"
    assert entry.fields["version"] == "2.1.0"


def test_csl_json_item() -> None:
    [item] = json.loads(cite.csl_json(META, PARA))
    assert item["id"] == "ex-para-12" and item["type"] == "report"
    assert item["author"] == [{"literal": "Body A"}, {"literal": "Body B & Co"}]
    assert item["event-date"] == {"date-parts": [[2010, 3, 30], [2010, 4, 2]]}
    assert item["issued"] == {"date-parts": [[2010, 4, 2]]}
    assert item["section"] == "Water_and {air}" and item["note"] == "para. 12"
    assert item["URL"] == "https://example.org/ed/p/12/"
    assert item["version"] == "2.1.0"


def test_page_urls_and_resolver_targets() -> None:
    assert cite.page_url("index.md") == ""
    assert cite.page_url("iraq.md") == "iraq/"
    assert cite.page_url("participation/index.md") == "participation/"
    assert resolver.online_target("iraq.md") == "../../iraq/"
    assert resolver.online_target("index.md") == "../../"
    assert resolver.offline_target("iraq.md") == "../iraq.html"
    assert resolver.offline_target("participation/index.md") == "../participation/index.html"
    assert cite.permanent_url(META, 7) == "https://example.org/ed/p/7/"


def test_foreign_resolver_form_hops_to_the_native_one() -> None:
    assert 'url=7/"' in (resolver.hop("p/7.html", True, "T", "en") or "")
    assert 'url=../7.html"' in (resolver.hop("p/7/index.html", False, "T", "en") or "")
    assert resolver.hop("p/7/index.html", True, "T", "en") is None
    assert resolver.hop("p/7.html", False, "T", "en") is None
    assert resolver.hop("iraq.html", True, "T", "en") is None


def test_resolver_page_is_static_and_escaped() -> None:
    page = resolver.resolver_html('A "b" <c>', "fr", 3, "../x.html#para_3")
    assert '<html lang="fr">' in page
    assert '<meta http-equiv="refresh" content="0; url=../x.html#para_3">' in page
    assert '<a href="../x.html#para_3">Paragraph 3</a>' in page
    assert "A &quot;b&quot; &lt;c&gt;" in page
    assert "http" not in page.replace('http-equiv', '')


def test_data_block_cannot_close_its_script() -> None:
    block = cite.data_block({"x": "</script><b>"})
    assert block.count("</script>") == 1
    assert json.loads(block.split(">", 1)[1].rsplit("<", 1)[0]) == {"x": "</script><b>"}
