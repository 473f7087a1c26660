"""Citation styles (citeproc-py + CSL) and RIS for one paragraph, as the style guides prescribe."""

from __future__ import annotations

from pathlib import Path

import pytest
import rispy

from build_tools.model import Meta
from build_tools.pages import cite, ris, styles
from build_tools.source.load import load_inputs

PROJECT = Path(__file__).resolve().parent.parent
URL = "https://un-oic-2008.github.io/edition/p/36/"
TITLE = ("Final Document of the General Meeting on Cooperation between the United Nations and "
         "the Organization of the Islamic Conference")
AUTHORS = "United Nations and Organization of the Islamic Conference"


@pytest.fixture(scope="module")
def meta() -> Meta:
    return load_inputs(PROJECT / "content", PROJECT / "annexes").meta


def para_36(meta: Meta) -> cite.Cited:
    return cite.Cited(key="un-oic-2008-para-36", label="paragraph 36", section="Sudan",
                      locator="para. 36", url=cite.permanent_url(meta, 36), pinpoint="36")


# What each guide prescribes for a document of an intergovernmental organization, cited at a
# paragraph, with the form expected here. Plain text: the italics of a title are lost.
EXPECTED = {
    # Chicago 18, notes (publications of intergovernmental organizations): authorizing body,
    # title (headline style: prepositions lowercase), place and date of publication, the
    # paragraph as locator ("para."), the URL last.
    "chicago": f"{AUTHORS}, {TITLE} (Geneva, 2008), para. 36, {URL}.",
    # APA 7 (group author, report): author. (year). title. URL; the organizations are not
    # repeated as publisher; in text, the paragraph as "para. N". APA wants a report's title in
    # sentence case, which needs knowing the proper nouns: the style keeps the title as given.
    "apa": f"United Nations, & Organization of the Islamic Conference. (2008). {TITLE}. {URL}\n"
           "In text: (United Nations & Organization of the Islamic Conference, 2008, para. 36)",
    # MLA 9 (works cited): author. title. publisher-place / date, URL. The comma before "and"
    # is the CSL style's for two authors (written for an inverted first name).
    "mla": f"United Nations, and Organization of the Islamic Conference. {TITLE}. Geneva, "
           f"10 July 2008, {URL}.",
    # OSCOLA 4 (UN and other international documents): author, 'title' in single quotes,
    # (date) in brackets, pinpoint "para 36" without a full stop, the URL in angle brackets.
    # OSCOLA gives a UN document's full date; its CSL style gives a report's year.
    "oscola": f"{AUTHORS}, \u2018{TITLE}\u2019 (2008) para 36 <{URL}>.",
}


def test_each_style_for_one_paragraph(meta: Meta) -> None:
    got = styles.render(cite.csl_item(meta, para_36(meta)), "36")
    assert got == EXPECTED


def test_range_and_no_pinpoint(meta: Meta) -> None:
    section = cite.Cited(key="k-s", label="this section", section="Sudan",
                         locator="paras. 34\u201338", url="https://x.org/sudan/",
                         pinpoint="34\u201338")
    got = styles.render(cite.csl_item(meta, section), section.pinpoint)
    assert "paras. 34\u201338" in got["chicago"] and "paras 34\u201338" in got["oscola"]
    whole = cite.Cited(key="k", label="the document", section=None, locator=None,
                       url="https://x.org/")
    got = styles.render(cite.csl_item(meta, whole), None)
    assert all("para" not in text.lower() for text in got.values())


def test_formats_offer_every_style_and_ris(meta: Meta) -> None:
    forms = cite.formats(meta, para_36(meta))
    assert {s.key for s in styles.STYLES} <= set(forms)
    assert forms["ris_file"] == "cite/un-oic-2008-para-36.ris"


def test_ris_reads_back_with_rispy(meta: Meta) -> None:
    item = cite.csl_item(meta, para_36(meta))
    text = ris.ris(item, para_36(meta))
    assert "\r\n" in text
    [entry] = rispy.loads(text)
    assert entry["type_of_reference"] == "RPRT"
    assert entry["id"] == "un-oic-2008-para-36"
    assert entry["authors"] == ["United Nations", "Organization of the Islamic Conference"]
    assert entry["title"] == TITLE
    assert entry["place_published"] == "Geneva"
    assert entry["year"] == "2008" and entry["date"] == "2008/07/10/"
    assert entry["urls"] == [URL]
    assert entry["section"] == "Sudan"
    assert entry["notes"][0].startswith("para. 36. In: ")
