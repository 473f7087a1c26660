"""What search indexes and adds (no browser): the separator's words, spellings, search-only
words, aliases on the glossary line and in the paragraphs' search entries."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Paths
from build_tools.site import search_index, search_terms

SEP = search_terms.separator(PROJECT / "mkdocs.yml")
GROUPS = search_terms.spellings(PROJECT / "content")


@pytest.mark.parametrize(("text", "words"), [
    ("Liberation Movement (SPLM).", ["liberation", "movement", "splm"]),
    ("“Jerusalem 2025 in", ["jerusalem", "2025", "in"]),
    ("Sudan/Chad mediation", ["sudan", "chad", "mediation"]),
    ("Sudan People’s Liberation", ["sudan", "people", "liberation"]),
    ("IRCICA's proposal", ["ircica", "proposal"]),
    ("peace-building, information-sharing", ["peace", "building", "information", "sharing"]),
    ("resolution 61/49 of 4 December", ["resolution", "61", "49", "of", "4", "december"]),
    ("its 63rd session; 1.5 million", ["its", "63rd", "session", "1.5", "million"]),
    ("AT&amp;T &lt;b&gt; US$16", ["at", "t", "b", "us", "16"]),
    ("Côte d’Ivoire, Ürümqi", ["côte", "d", "ivoire", "ürümqi"]),
])
def test_the_separator_leaves_the_words(text: str, words: list[str]) -> None:
    assert search_terms.tokens(text, SEP) == words


def test_the_separator_is_the_one_material_gets() -> None:
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    (search,) = [p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p]
    assert SEP.pattern == search["separator"]
    assert search["pipeline"] == []  # why: mkdocs.yml and README (Material's wildcard queries)


def test_other_spellings_both_ways() -> None:
    assert "organisations" in search_terms.variants("organizations", GROUPS)
    assert "recognized" in search_terms.variants("recognised", GROUPS)
    assert "programs" in search_terms.variants("programmes", GROUPS)
    assert "programme" in search_terms.variants("program", GROUPS)
    assert search_terms.variants("peace", GROUPS) == []


def test_search_only_words_are_new_words_only() -> None:
    also = search_terms.also("The peace-building of the People’s Organization (UNHCR)",
                             ["UNHCR", "Office of the High Commissioner"], SEP, GROUPS,
                             keep=["UNHCR"]).split()
    assert {"peacebuilding", "peoples", "organisation", "commissioner", "unhcr"} <= set(also)
    assert "the" not in also and "peace" not in also
    assert len(also) == len(set(also))


def test_a_bad_spellings_file_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "spellings.yml").write_text("- [organis, organiz]\n- [Colour]\n")
    with pytest.raises(EditionError) as err:
        search_terms.spellings(tmp_path)
    assert "spellings.yml:2:" in str(err.value)


def test_aliases_show_on_the_glossary_line_and_find_the_paragraphs(
        content_copy: Paths) -> None:
    build = pipeline.generate(content_copy)
    bodies = next(f for f in build.files if str(f.path).endswith("indexes/bodies.md"))
    assert "- Also: “Organisation of Islamic Cooperation”" in str(bodies.content)
    entries = search_index.paragraph_entries(build, SEP, GROUPS)
    with_oic = [e for page in entries.values() for e in page
                if "OIC" in e["text"] and "Islamic Cooperation" not in e["text"]]
    assert with_oic and all(
        {"organisation", "cooperation"} <= set(e.get("also", "").split())
        | set(search_terms.tokens(e["text"], SEP)) for e in with_oic)
    index = search_index.index_entries(build, SEP, GROUPS)
    wto = index["indexes/bodies.md"]["body-unwto"]
    assert "tourism" in wto["text"].lower() or "tourism" in wto["also"]
    assert "Mentioned in" not in wto["text"] and "Editor" not in wto["text"]


def test_aliases_must_be_a_list_of_names(content_copy: Paths) -> None:
    path = content_copy.content / "index" / "bodies.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  aliases: ["UN Tourism"]', "  aliases: UN Tourism"),
                    encoding="utf-8")
    with pytest.raises(EditionError) as err:
        pipeline.generate(content_copy)
    assert "bodies.yml" in str(err.value)
