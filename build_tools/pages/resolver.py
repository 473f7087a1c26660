"""Stage resolver: static p/N addresses for every paragraph, the concordance, and their nav."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import Any

from build_tools.model import Build, OutFile, Paragraph
from build_tools.pages import cite, metadata
from build_tools.pages.markdown import escape, link

FIRST_WORDS = 8
NAV_LABEL = "Citing"
HOOK = "resolver_hook.py"  # registered by write.site_config
_ONLINE = re.compile(r"^p/(\w+)/index\.html$")
_OFFLINE = re.compile(r"^p/(\w+)\.html$")


def online_target(page: str) -> str:
    """The page's directory URL as seen from p/N/ (two folders below the site root)."""
    return "../../" + cite.page_url(page)


def offline_target(page: str) -> str:
    """The page's file URL as seen from p/N.html (use_directory_urls: false)."""
    return "../" + (page[:-3] + ".html" if page.endswith(".md") else page)


def resolver_html(title: str, lang: str, n: int | str, href: str, head: str = "") -> str:
    """A page that leads on to the paragraph with or without JavaScript, from http or file://;
    head: its link preview (preview_head). Hand-written: mkdocs-redirects cannot emit both the
    online and the offline variant."""
    t, h = html.escape(title), html.escape(href, quote=True)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_named(n)} \u2013 {t}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"{head}"
        f'<meta http-equiv="refresh" content="0; url={h}">\n'
        f"<script>{_forward(href)}</script>\n"
        "</head>\n<body>\n"
        f'<p><a href="{h}">{_named(n)}</a> of {t}.</p>\n'
        "</body>\n</html>\n"
    )


def _forward(href: str) -> str:
    """Script that leads on and keeps a text fragment (#:~:text=, "cite this passage"): the
    browser hides it from location, not from the navigation entry; without it, only href."""
    return ("var e=performance.getEntriesByType&&performance.getEntriesByType('navigation')[0],"
            "u=e?e.name:'',i=u.indexOf(':~:'),h=" + _js_string(href) + ";"
            "location.replace(i<0?h:h+(h.indexOf('#')<0?'#':'')+u.slice(i));")


def _named(n: int | str) -> str:
    """'Paragraph 12', or an address of the document's own as a reader says it."""
    if str(n).isdigit():
        return f"Paragraph {n}"
    return html.escape(str(n).replace("__", ", ").replace("_", " "))


def _js_string(value: str) -> str:
    # Only our own relative URLs reach here; escape what could end the string or the script.
    out = value.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c")
    return f'"{out}"'


def preview_head(build: Build, p: Paragraph) -> str:
    """What a chat or a post shows of the link p/N/: the paragraph, not the site."""
    title, words, url = metadata.paragraph_preview(build, p)
    tags = [("name", "description", words),
            *metadata.preview(title, words, url, metadata.site_facts(build.inputs.meta),
                              "article")]
    return metadata.head_html(tags) + "\n"


def resolver_files(build: Build) -> list[OutFile]:
    meta = build.inputs.meta
    title = str(meta.get("document_short_title") or meta["document_title"])
    lang = str(meta["document_language"])
    paths = build.page_paths
    files = []
    for p in build.doc.paragraphs:
        page = paths[p.section]
        head = preview_head(build, p)
        files.append(OutFile(f"p/{p.ref}/index.html",
                             resolver_html(title, lang, p.ref,
                                           f"{online_target(page)}#{p.eid}", head)))
        files.append(OutFile(f"p/{p.ref}.html",
                             resolver_html(title, lang, p.ref,
                                           f"{offline_target(page)}#{p.eid}", head)))
    return files


def hop(src_uri: str, directory_urls: bool, title: str, lang: str) -> str | None:
    """For the resolver form foreign to a build's URL layout, a page leading to the native form
    (so p/N/ and p/N.html both work, and link to nothing missing, in either build); else None."""
    if directory_urls and (m := _OFFLINE.match(src_uri)):
        return resolver_html(title, lang, m.group(1), f"{m.group(1)}/")
    if not directory_urls and (m := _ONLINE.match(src_uri)):
        return resolver_html(title, lang, m.group(1), f"../{m.group(1)}.html")
    return None


def first_words(p: Paragraph, count: int = FIRST_WORDS) -> str:
    words = p.text.split()
    return " ".join(words[:count]) + (" \u2026" if len(words) > count else "")


def concordance_page(build: Build) -> OutFile:
    doc, meta = build.doc, build.inputs.meta
    paths = build.page_paths
    here = cite.CONCORDANCE
    out = [
        # Kept out of search: its first words would outrank the paragraphs themselves.
        "---\nsearch:\n  exclude: true\n---\n",
        "# Paragraph concordance\n",
        f"Every paragraph of the document by number, with its section and its permanent "
        f"address (`{cite.site_url(meta)}p/N/`), which leads to the paragraph wherever its page "
        f"is. See also [how to cite]({link(here, cite.HOW_TO_CITE)}).\n",
        "| \u00b6 | Section | Begins | Permanent address |",
        "|---:|---|---|---|",
    ]
    for p in doc.paragraphs:
        page = paths[p.section]
        section = doc.section(p.section)
        out.append(
            f"| [{p.tag}]({link(here, page)}#{p.eid}) "
            f"| [{escape(section.title)}]({link(here, page)}) "
            f"| {escape(first_words(p))} "
            f"| [p/{p.ref}/]({link(here, f'p/{p.ref}/index.html')}) |")
    return OutFile(here, "\n".join(out) + "\n")


def with_nav(nav: tuple[Any, ...]) -> tuple[Any, ...]:
    """The citing pages, before the last entry (about the edition) when there is one."""
    entry = {NAV_LABEL: [{"How to cite": cite.HOW_TO_CITE},
                         {"Paragraph concordance": cite.CONCORDANCE}]}
    if not nav:
        return (entry,)
    return (*nav[:-1], entry, nav[-1])


def run(build: Build) -> Build:
    files = (*build.files, *resolver_files(build), concordance_page(build))
    return replace(build, files=files, nav=with_nav(build.nav))
