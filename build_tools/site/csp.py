"""The Content-Security-Policy of a built page: its own inline scripts by hash, nothing else."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

# GitHub Pages sets no headers, so the policy is a <meta http-equiv> (which cannot carry
# frame-ancestors, report-uri or sandbox). 'self' is the site; from file:// the bundle's files.
FIXED = ("object-src 'none'", "base-uri 'none'", "form-action 'none'")
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_META = re.compile(r'<meta\s+http-equiv="?Content-Security-Policy"?', re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)
_CONFIG = re.compile(r'<script id="?__config"?[^>]*>(.*?)</script>', re.DOTALL)
# The iframe-worker shim (offline search from file://) writes one inline script into the frame
# that stands in for the search worker; the frame inherits this policy. Its text is the shim's
# template with the shim's own two functions and the worker's URL put in (iframe-worker 1.0.4).
_SHIM_TEMPLATE = re.compile(r"<script>(postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\};"
                            r"addEventListener.*?\"\$\{(\w+)\}\".*?)<\\/script>")


def digest(text: str) -> str:
    """A CSP source for an inline script (the browser hashes the text as parsed: \r\n -> \n)."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of every <script> without src, whatever its type (a data block that a script
    later starts, such as Material's held tags, is hashed too)."""
    return [m.group(2) for m in _SCRIPT.finditer(html) if not _SRC.search(m.group(1))]


def _function_source(js: str, name: str) -> str:
    """The source text of `function name(...){...}` in minified JS (braces balanced)."""
    start = js.index(f"function {name}(")
    depth, i = 0, js.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(js[i], 0)
        if depth == 0:
            return js[start:i + 1]
        i += 1


def shim_script(shim_js: str, worker_url: str) -> str | None:
    """The inline script the shim writes for a worker URL, or None if its template changed."""
    match = _SHIM_TEMPLATE.search(shim_js)
    if not match:
        return None
    text, post, imports, url = match.groups()
    return (text.replace(f"${{{post}}}", _function_source(shim_js, post))
            .replace(f"${{{imports}}}", _function_source(shim_js, imports))
            .replace(f"${{{url}}}", worker_url))


def worker_url(html: str) -> str | None:
    """The search worker's URL as Material's page configuration gives it to `new Worker`."""
    match = _CONFIG.search(html)
    if not match:
        return None
    value = json.loads(match.group(1)).get("search")
    return str(value) if value else None


def policy(html: str, shim_js: str | None = None) -> str:
    hashes = {digest(text) for text in inline_scripts(html)}
    url = worker_url(html) if shim_js else None
    if shim_js and url:
        written = shim_script(shim_js, url)
        if written is not None:
            hashes.add(digest(written))
    return "; ".join([" ".join(["script-src 'self'", *sorted(hashes)]), *FIXED])


def with_policy(html: str, shim_js: str | None = None) -> str:
    """The page with its policy as the first thing in <head> (before any script it governs)."""
    if _META.search(html):
        raise ValueError("the page already has a Content-Security-Policy")
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("the page has no <head>")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, shim_js)}">'
    return html[:head.end()] + meta + html[head.end():]


def apply(site_dir: Path, shim_path: str) -> int:
    """Write the policy into every HTML file of a built site; return how many. shim_path is
    where the iframe-worker shim stands in the site, if it is there (the offline bundle)."""
    shim = site_dir / shim_path
    shim_js = shim.read_text(encoding="utf-8") if shim.is_file() else None
    count = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        path.write_text(with_policy(html, shim_js if shim_path in html else None),
                        encoding="utf-8")
        count += 1
    return count
