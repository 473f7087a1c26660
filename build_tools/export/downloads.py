"""Stage downloads: the open data, the print edition and its PDF, and the Download page."""

from __future__ import annotations

import hashlib
import posixpath
from concurrent.futures import ThreadPoolExecutor
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


def source_name(build: Build) -> str:
    """The file name under which the received text is offered (the About page links it)."""
    return _names(build)["source"]


def files(build: Build) -> list[Download]:
    meta = build.inputs.meta
    names = _names(build)
    info = {"Title": build.doc.title, "Author": str(meta.get("document_author") or ""),
            "Subject": str(meta["edition_name"]), "Creator": f"{meta['edition_name']} "
            f"{meta['edition_version']}", "Producer": "Chromium (headless) and qpdf"}
    # Chromium prints in a process of its own while the exports below are made.
    with ThreadPoolExecutor(max_workers=1) as pool:
        printing = pool.submit(print_pdf.html_to_pdf, print_edition.standalone_html(build),
                               info, str(meta["edition_date"]))
        made = _exports(build, names)
        pdf = printing.result()
    return [*made, Download(names["pdf"], "The print edition as PDF: the whole document, "
                            "paragraph numbers, notes and corrections as footnotes.", pdf)]


def _exports(build: Build, names: dict[str, str]) -> list[Download]:
    data, schema = export_json.render(build)
    akn_element = doctypes.of(build.inputs.meta).akn_element
    return [
        Download("paragraphs.json", "Every paragraph with its number, id, section, text, "
                 "corrections, notes and mentions (character offsets into the text).",
                 data.encode("utf-8")),
        Download("paragraphs.schema.json", "The JSON Schema of `paragraphs.json`.",
                 schema.encode("utf-8")),
        Download("paragraphs.csv", "One row per paragraph: number, id, section, address, text "
                 "as edited and as received.", export_text.paragraphs_csv(build).encode("utf-8")),
        Download("editorial.csv", "One row per statement of the editor: corrections (with the "
                 "readings), notes, where the source ends, annexes it lacks.",
                 export_text.editorial_csv(build).encode("utf-8")),
        Download("mentions.csv", "One row per mention of an index entry: paragraph, kind, key, "
                 "name, offsets, words.", export_text.mentions_csv(build).encode("utf-8")),
        Download(names["text"], "The edited text, one paragraph a line, each with its number "
                 "in brackets; then the editor's notes and corrections.",
                 export_text.plain_text(build).encode("utf-8")),
        Download(names["source"], "The text as received, byte for byte (its SHA-256 is pinned "
                 "by the edition).", build.inputs.source_text.encode("utf-8")),
        Download(names["akn"], f"Akoma Ntoso 3.0 XML (`{akn_element}`, "
                 "AKN4UN conventions, `para_N` eIds, references for every entry, editorial "
                 "notes).",
                 export_akn.render(build)),
    ]


def _row(d: Download) -> str:
    digest = hashlib.sha256(d.content).hexdigest()
    return (f'| <span id="{d.name}"></span>[{escape(d.name)}]({d.name}) | {d.what} '
            f"| {len(d.content):,}\u00a0bytes | <code class=\"sha256\">{digest}</code> |")


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
    out.extend(_row(d) for d in downloads)
    out.append(f"\nThe [print edition](../{print_edition.PAGE}) shows the whole document on one "
               f"page, to print from the browser; [{escape(pdf)}]({pdf}) is the same, printed by "
               "the build.\n")
    out.append(f"## Read offline {{ #{OFFLINE_ID} }}\n")
    out.append(OFFLINE_PLACEHOLDER + f" The site offers its zip at <{meta['edition_site_url']}>"
               ".\n")
    return "\n".join(out)


OFFLINE_ID = "offline"
TABLE_END = "\n\nThe [print edition]"  # what follows the table of files
# What the offline bundle's own Download page says (a zip cannot hold its own hash); the online
# site's page has the zip in its place (with_bundle).
OFFLINE_PLACEHOLDER = ("This copy of the edition is the offline bundle: every page, the search "
                       "and these files, read from the file system with no network.")


def with_bundle(build: Build, zip_file: Path) -> Build:
    """The offline bundle on the Download page (its size and SHA-256), and its zip in downloads/:
    for the online site, built after the bundle."""
    data = zip_file.read_bytes()
    name = zip_file.name
    row = _row(Download(name, "The whole edition, to read offline (below).", data))
    text = (f"[{escape(name)}](#{name}) ({len(data):,}\u00a0bytes, in the table above with its "
            "SHA-256) holds the whole edition. Unzip it and open "
            f"`{escape(zip_file.stem)}/index.html` in a browser: navigation, search, acronyms, "
            "citations and the paragraph addresses (`p/N.html`) work from the file system, with "
            "no network.")
    files = []
    for f in build.files:
        if f.path == PAGE and isinstance(f.content, str):
            table, rest = f.content.split(TABLE_END, 1)
            head, _, _ = rest.partition(OFFLINE_PLACEHOLDER)
            f = OutFile(PAGE, table + "\n" + row + TABLE_END + head + text + "\n")
        files.append(f)
    files.append(OutFile(f"{FOLDER}/{name}", data))
    return replace(build, files=tuple(files))


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
