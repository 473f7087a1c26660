"""The search index prebuilt at build time and the edition's worker that loads it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import material
import pytest
import yaml

from build_tools.errors import EditionError
from build_tools.export import downloads
from build_tools.model import Build, Paths
from build_tools.site import csp, offline, search_prebuilt

TESTS = Path(__file__).resolve().parent
MATERIAL_WORKERS = Path(material.__file__).parent / "templates/assets/javascripts/workers"
# Beside the judged queries: Material's operators, quotes, a field, misses and stop words.
EXTRA_QUERIES = ["UN", "Org", "a", "of the", '"General Assembly"', "+Sudan -Darfur",
                 "title:Sudan", "organisation of islamic", "xyzzy", "UN*", "61/49", "-", '"',
                 "the xyzzy", "Sudan~1", "peace^2", "Darf", "Darfur", "Darfur",
                 "Darfur Darfur", "o of", "the th t", "-Sudan", "+xyzzy Sudan",
                 "+Sud +Dar peace", "Sudan -Sudan"]


def _worker_url(site: Path) -> str:
    url = csp.worker_url((site / "index.html").read_text(encoding="utf-8"))
    assert url
    return url


def _offline_index(built: tuple[Build, Paths]) -> dict[str, Any]:
    name = f"{offline.bundle_name(built[0])}/search/search_index.js"
    with zipfile.ZipFile(offline.zip_path(built[0], built[1].dist)) as zf:
        script = zf.read(name).decode("utf-8")
    match = re.fullmatch(r"\s*var __index = (.*?);?\s*", script, re.DOTALL)
    assert match, "search_index.js is not the index in a script"
    index: dict[str, Any] = json.loads(match.group(1))
    return index


def test_both_builds_carry_the_prebuilt_index_and_the_worker(built: tuple[Build, Paths]) -> None:
    site = built[1].site
    online = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for index in (online, _offline_index(built)):
        packed = json.loads(index["config"][search_prebuilt.KEY])
        lunr = json.loads((search_prebuilt.LUNR / "package.json").read_text(encoding="utf-8"))
        assert packed["lunr"] == lunr["version"] == "2.3.9"  # Material's lunr
        assert packed["fields"] == [*index["config"]["fields"]]
        assert all(len(v) == len(index["docs"]) for v in packed["vectors"])
        locations = [d["location"] for d in index["docs"]]
        assert len(set(locations)) == len(locations)  # a ref names one document
    url = _worker_url(site)
    assert re.fullmatch(r"assets/javascripts/workers/search-edition\.[0-9a-f]{8}\.js", url)
    assert (site / url).read_text(encoding="utf-8") == search_prebuilt.worker_script()
    with zipfile.ZipFile(offline.zip_path(built[0], built[1].dist)) as zf:
        assert f"{offline.bundle_name(built[0])}/{url}" in zf.namelist()
    for page in site.rglob("*.html"):
        assert "workers/search." not in page.read_text(encoding="utf-8"), page
    # Material's own worker, which no page names, is not shipped (nor its source map).
    assert sorted(p.name for p in (site / search_prebuilt.WORKER_DIR).iterdir()) == [
        url.rsplit("/", 1)[1]]
    with zipfile.ZipFile(offline.zip_path(built[0], built[1].dist)) as zf:
        assert not [n for n in zf.namelist()
                    if search_prebuilt.MATERIAL_WORKER_FILE.search(n)]


def test_the_worker_url_replaces_materials() -> None:
    block = ('<script id="__config">'
             '{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}')
    swapped = search_prebuilt.swap_worker(block, "assets/javascripts/workers/search-edition.1.js")
    assert swapped == ('<script id="__config">'
                       '{"search": "../assets/javascripts/workers/search-edition.1.js"}')
    with pytest.raises(ValueError):
        search_prebuilt.swap_worker('{"search": "elsewhere.js"}', "x.js")


def test_a_pipeline_is_refused() -> None:
    from build_tools.errors import EditionError

    with pytest.raises(EditionError, match="pipeline"):
        search_prebuilt.pack({"config": {"lang": ["en"], "separator": " ", "fields": {},
                                         "pipeline": ["stemmer"]}, "docs": []})


def test_an_index_with_pending_words_is_packed_once_they_are_filled(tmp_path: Path) -> None:
    """The build's Download page holds pending words until the PDF and the zip exist: its
    search index is packed once, by fill, when the last of them is replaced."""
    size, digest = downloads.pending("x.pdf")
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [],
              "fields": {"title": {"boost": 1}, "text": {"boost": 1}}}
    docs = [{"location": "downloads/", "title": "Download",
             "text": f"<p>x.pdf {size} bytes, SHA-256 {digest}</p>"}]
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")

    def packed_terms() -> list[str] | None:
        index = json.loads(path.read_text(encoding="utf-8"))
        if search_prebuilt.KEY not in index["config"]:
            return None
        terms: list[str] = json.loads(index["config"][search_prebuilt.KEY])["terms"]
        return terms

    assert search_prebuilt.add_to(path) is None  # the build's own hook: not yet
    assert packed_terms() is None
    search_prebuilt.fill(tmp_path, {size: "1234"})
    assert packed_terms() is None  # the digest is still pending
    search_prebuilt.fill(tmp_path, {digest: "ab" * 32})
    terms = packed_terms()
    assert terms is not None and "1234" in terms and "ab" * 32 in terms
    assert not any("pending" in t for t in terms)
    # With nothing pending (mkdocs serve's tree), the hook packs it itself.
    filled = [{**docs[0], "text": "<p>x.pdf 1234 bytes</p>"}]
    path.write_text(json.dumps({"config": config, "docs": filled}), encoding="utf-8")
    size_packed = search_prebuilt.add_to(path)
    assert size_packed and set(packed_terms() or []) == {"download", "x.pdf", "1234", "bytes"}
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(EditionError, match="not a search index"):
        search_prebuilt.fill(tmp_path, {})


@pytest.fixture(scope="module")
def replies(built: tuple[Build, Paths], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The edition's worker on the prebuilt index, the same worker building its own index, and
    Material's worker, asked the judged queries and more, in Node."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (the build needs it too)")
    site = built[1].site
    judged = yaml.safe_load((TESTS / "search_judged.yml").read_text(encoding="utf-8"))
    queries = [q["query"] for q in judged] + EXTRA_QUERIES
    tmp = tmp_path_factory.mktemp("worker-check")
    (tmp / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    (material_worker,) = MATERIAL_WORKERS.glob("search.*.min.js")
    done = subprocess.run(
        [node, str(TESTS / "search_worker_check.js"), str(site / "search/search_index.json"),
         str(site / _worker_url(site)), str(material_worker), str(tmp / "queries.json"),
         str(search_prebuilt.WORKER / "search.js")],
        capture_output=True, text=True, check=True, timeout=300)
    return queries, json.loads(done.stdout)


def test_the_prebuilt_index_is_the_one_lunr_builds(replies: Any) -> None:
    assert replies[1]["same_serialization"]


def test_the_worker_queries_as_lunr_does(replies: Any) -> None:
    """The worker's own query engine gives lunr's results, to the bit, for every query and
    every prefix of it as typed (operators, quotes and misses included)."""
    out = replies[1]
    assert out["engine_checked"] > 500
    assert out["engine_differs"] == []


def test_the_worker_speaks_materials_protocol(replies: Any) -> None:
    out = replies[1]
    for name in ("prebuilt", "fresh", "material"):
        assert out[name]["ready"] == {"type": 1}
        assert all(r["type"] == 3 and isinstance(r["data"]["items"], list)
                   for r in out[name]["results"])
        assert "Invalid message type" in out[name]["unknown"]["error"]


# What Material's search box reads of a result (its template): the rest of an item is not shown.
SHOWN = ("location", "title", "text", "tags", "score", "terms")


def _shown(reply: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return [[{k: item[k] for k in SHOWN if k in item} for item in group]
            for group in reply["data"]["items"]]


# A query of plain words (no operator, quote, or mark the separator cuts a word at).
PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")
# lunr's own query syntax, which the edition's worker does not read (it reads +, - and quotes).
LUNR_SYNTAX = re.compile(r"[:~^]")


def test_the_worker_answers_as_materials(replies: Any) -> None:
    """A query of plain words gets the same groups, order, scores, terms (the "Missing:" line)
    and <mark>s as from Material's worker, whether the index was prebuilt or built in the
    worker; any other query the same first result (the worker reads the parts of a hyphenated
    word and quotes as required words, where Material's query parser repeats them); the items
    hold only what is shown."""
    queries, out = replies
    plain = 0
    for i, query in enumerate(queries):
        material_reply = _shown(out["material"]["results"][i])
        ours = _shown(out["prebuilt"]["results"][i])
        assert _shown(out["fresh"]["results"][i]) == ours, query
        if PLAIN.fullmatch(query):
            plain += 1
            assert ours == material_reply, query
        elif material_reply and not LUNR_SYNTAX.search(query):
            assert ours and ours[0][0]["location"] == material_reply[0][0]["location"], query
        for group in out["prebuilt"]["results"][i]["data"]["items"]:
            assert all(set(item) <= set(SHOWN) for item in group)
    assert plain >= 40
    # only the misses, stray operators and a word both wanted and excluded find nothing
    results = out["prebuilt"]["results"]
    empty = {q for q, r in zip(queries, results, strict=True) if not r["data"]["items"]}
    assert empty == {"xyzzy", "-", '"', "+xyzzy Sudan", "Sudan -Sudan"}


def test_results_mark_the_words_matched(replies: Any) -> None:
    queries, out = replies
    items = out["prebuilt"]["results"][queries.index("Darfur")]["data"]["items"]
    hits = [item for group in items for item in group if "#para_" in item["location"]]
    assert hits and all("<mark>Darfur</mark>" in h["text"] for h in hits)
    # The text shows the matching blocks only (at most two); the title is shown whole.
    assert all(h["text"].count("<p>") <= 2 for h in hits)
    # A word the result lacks is listed for Material's "Missing:" line.
    groups = out["prebuilt"]["results"][queries.index("the xyzzy")]["data"]["items"]
    assert groups and all(item["terms"] == {"the": True, "xyzzy": False}
                          for group in groups for item in group if item["score"] > 0)
