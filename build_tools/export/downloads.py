"""Stage downloads: the open data, the print edition and its PDF, and the Download page."""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path

from build_tools.export import export_akn, export_json, export_text, print_edition, print_pdf
from build_tools.model import Build, OutFile
from build_tools.pages import pending as pending_words
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


PDF_WHAT = ("The print edition as PDF: the whole document, paragraph numbers, notes and "
            "corrections as footnotes.")


def pdf_name(build: Build) -> str:
    return _names(build)["pdf"]


def print_pdf_of(build: Build) -> bytes:
    """The print edition printed by Chromium, reproducibly. Not a stage: pipeline.build_all
    prints it beside the two site builds, and with_files puts it in place."""
    meta = build.inputs.meta
    info = {"Title": build.doc.title, "Author": str(meta.get("document_author") or ""),
            "Subject": str(meta["edition_name"]), "Creator": f"{meta['edition_name']} "
            f"{meta['edition_version']}", "Producer": "Chromium (headless) and qpdf"}
    return print_pdf.html_to_pdf(print_edition.standalone_html(build), info,
                                 str(meta["edition_date"]))


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
    return _row_of(d.name, d.what, f"{len(d.content):,}", hashlib.sha256(d.content).hexdigest())


def _row_of(name: str, what: str, size: str, digest: str) -> str:
    return (f'| <span id="{name}"></span>[{escape(name)}]({name}) | {what} '
            f"| {size}\u00a0bytes | <code class=\"sha256\">{digest}</code> |")


def pending(name: str) -> tuple[str, str]:
    """The two words that stand for a file's size and SHA-256 on the Download page until the
    file is made (the PDF, the offline zip): with_files puts the values in the Markdown,
    site.fill_pending in a page already built."""
    return pending_words.word("size", name), pending_words.word("sha256", name)


def values(name: str, data: bytes) -> dict[str, str]:
    """What the pending words of file `name` stand for, now that its bytes exist."""
    size, digest = pending(name)
    return {size: f"{len(data):,}", digest: hashlib.sha256(data).hexdigest()}


def _pending_row(name: str, what: str) -> str:
    return _row_of(name, what, *pending(name))


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
    out.append(_pending_row(pdf, PDF_WHAT))
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


def with_bundle(build: Build, name: str) -> Build:
    """The offline bundle (zip `name`) on the Download page, its size and SHA-256 pending: for
    the online site, built beside the bundle. The offline bundle's own page says where to get
    it (a zip cannot hold its own hash)."""
    size, _ = pending(name)
    row = _pending_row(name, "The whole edition, to read offline (below).")
    stem = name.removesuffix(".zip")
    text = (f"[{escape(name)}](#{name}) ({size}\u00a0bytes, in the table above with its "
            "SHA-256) holds the whole edition. Unzip it and open "
            f"`{escape(stem)}/index.html` in a browser: navigation, search, acronyms, "
            "citations and the paragraph addresses (`p/N.html`) work from the file system, with "
            "no network.")
    files = []
    for f in build.files:
        if f.path == PAGE and isinstance(f.content, str):
            table, rest = f.content.split(TABLE_END, 1)
            head, _, _ = rest.partition(OFFLINE_PLACEHOLDER)
            f = OutFile(PAGE, table + "\n" + row + TABLE_END + head + text + "\n")
        files.append(f)
    return replace(build, files=tuple(files))


def with_files(build: Build, made: dict[str, bytes]) -> Build:
    """Files made after the stages (by name in downloads/) in place: their bytes, and their
    size and SHA-256 on the Download page's Markdown."""
    words: dict[str, str] = {}
    for name, data in made.items():
        words.update(values(name, data))
    files = []
    for f in build.files:
        name = posixpath.basename(f.path)
        if f.path == f"{FOLDER}/{name}" and name in made:
            f = OutFile(f.path, made[name])
        elif f.path == PAGE and isinstance(f.content, str):
            f = OutFile(PAGE, pending_words.fill(f.content, words))
        files.append(f)
    return replace(build, files=tuple(files))


def run(build: Build) -> Build:
    names = _names(build)
    made = _exports(build, names)
    out = [OutFile(f"{FOLDER}/{d.name}", d.content) for d in made]
    # The PDF is printed after the stages, beside the site's two builds (pipeline.build_all);
    # until then its file is empty and its row on the Download page pending (with_files).
    out.append(OutFile(f"{FOLDER}/{names['pdf']}", b""))
    out.append(OutFile(PAGE, page(build, made)))
    out.append(OutFile(print_edition.PAGE, print_edition.site_page(build, names["pdf"])))
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
