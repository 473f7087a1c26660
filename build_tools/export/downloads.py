"""Stage downloads: the open data, the print edition and its PDF, and the Download page."""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path

from build_tools.export import export_akn, export_json, export_text, print_edition, print_pdf
from build_tools.model import Build, OutFile
from build_tools.pages.markdown import escape
from build_tools.source import doctypes

FOLDER = "downloads"
PAGE = f"{FOLDER}/index.md"


@dataclass(frozen=True)
class Download:
    name: str  # file name inside downloads/
    what: str  # one line for the Download page (Markdown)
    content: bytes


def _names(build: Build) -> dict[str, str]:
    meta = build.inputs.meta
    slug = str(meta.get("edition_slug") or "edition")
    source = posixpath.basename(str(meta["source_file"]))
    if source.endswith(".md"):  # mkdocs would render a .md download as a page, not a file
        source += ".txt"
    return {"text": f"{slug}.txt", "source": source if source != f"{slug}.txt"
            else f"source-{source}", "akn": f"{slug}.akn.xml", "pdf": f"{slug}.pdf"}


def files(build: Build) -> list[Download]:
    meta = build.inputs.meta
    names = _names(build)
    data, schema = export_json.render(build)
    pdf = print_pdf.html_to_pdf(
        print_edition.standalone_html(build),
        {"Title": build.doc.title, "Author": str(meta.get("document_author") or ""),
         "Subject": str(meta["edition_name"]), "Creator": f"{meta['edition_name']} "
         f"{meta['edition_version']}", "Producer": "Chromium (headless) and pypdf"},
        str(meta["edition_date"]))
    return [
        Download("paragraphs.json", "Every paragraph with its number, id, section, text, "
                 "corrections, notes and mentions (character offsets into the text).",
                 data.encode("utf-8")),
        Download("paragraphs.schema.json", "The JSON Schema of `paragraphs.json`.",
                 schema.encode("utf-8")),
        Download("paragraphs.csv", "One row per paragraph: number, id, section, address, text "
                 "as edited and as received.", export_text.paragraphs_csv(build).encode("utf-8")),
        Download("mentions.csv", "One row per mention of an index entry: paragraph, kind, key, "
                 "name, offsets, words.", export_text.mentions_csv(build).encode("utf-8")),
        Download(names["text"], "The edited text, one paragraph a line, each with its number "
                 "in brackets.", export_text.plain_text(build).encode("utf-8")),
        Download(names["source"], "The text as received, byte for byte (its SHA-256 is pinned "
                 "by the edition).", build.inputs.source_text.encode("utf-8")),
        Download(names["akn"], f"Akoma Ntoso 3.0 XML (`{doctypes.of(meta).akn_element}`, "
                 "AKN4UN conventions, `para_N` eIds, references for every entry, editorial "
                 "notes).",
                 export_akn.render(build)),
        Download(names["pdf"], "The print edition as PDF: the whole document, paragraph "
                 "numbers, notes and corrections as footnotes.", pdf),
    ]


def page(build: Build, downloads: list[Download]) -> str:
    meta = build.inputs.meta
    pdf = _names(build)["pdf"]
    out = ["# Download\n",
           "The edition's text and annotations as open data, built from the same data as these "
           "pages. Paragraph numbers and ids (`para_N`) are the site's; offsets count Unicode "
           "code points of a paragraph's text.\n"]
    if meta.get("edition_licence"):
        out.append(escape(" ".join(str(meta["edition_licence"]).split())) + "\n")
    out.append("| File | What it holds | Size | SHA-256 |")
    out.append("|---|---|---|---|")
    for d in downloads:
        digest = hashlib.sha256(d.content).hexdigest()
        out.append(f'| <span id="{d.name}"></span>[{escape(d.name)}]({d.name}) | {d.what} '
                   f"| {len(d.content):,}\u00a0bytes | <code class=\"sha256\">{digest}</code> |")
    out.append(f"\nThe [print edition](../{print_edition.PAGE}) shows the whole document on one "
               f"page, to print from the browser; [{escape(pdf)}]({pdf}) is the same, printed by "
               "the build.\n")
    return "\n".join(out)


def run(build: Build) -> Build:
    downloads = files(build)
    out = [OutFile(f"{FOLDER}/{d.name}", d.content) for d in downloads]
    out.append(OutFile(PAGE, page(build, downloads)))
    out.append(OutFile(print_edition.PAGE,
                       print_edition.site_page(build, _names(build)["pdf"])))
    nav = (*build.nav, {"Download": PAGE}, {"Print edition": print_edition.PAGE})
    return replace(build, files=build.files + tuple(out), nav=nav)


def copy_to_dist(build: Build, dist: Path) -> None:
    """The same files beside the site and the offline bundle, in dist/."""
    dist.mkdir(parents=True, exist_ok=True)
    for f in build.files:
        if f.path.startswith(f"{FOLDER}/") and not f.path.endswith(".md"):
            target = dist / posixpath.basename(f.path)
            if isinstance(f.content, bytes):
                target.write_bytes(f.content)
            else:
                target.write_text(f.content, encoding="utf-8")
