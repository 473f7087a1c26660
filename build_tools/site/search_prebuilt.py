"""The search index built at build time, and the edition's search worker that loads it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from jsmin import jsmin

from build_tools.errors import EditionError
from build_tools.pages import pending

PROJECT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker")
LUNR = PROJECT / "node_modules" / "lunr"
# Where the worker stands in the site (a hash of its text in the name, as Material names its own:
# a new worker is never read from an old cache).
WORKER_DIR = "assets/javascripts/workers"
# Material's worker URL in the page configuration (theme/main.html swaps ours in).
_MATERIAL_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.'
                              r'[0-9a-f]+\.min\.js"')
# Material's worker and its source map among the theme's files (the site does not ship them).
MATERIAL_WORKER_FILE = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"
                                  r"(?:\.map)?")
# Where the packed index goes in search_index.json: Material's main script hands `config` to
# the worker whole (`{config, docs, options}`), so a key of it reaches the worker unchanged.
KEY = "prebuilt"


def worker_script() -> str:
    """One script, so that the iframe-worker shim (file://) needs no importScripts: lunr's own
    minified file, then the edition's index and worker (worker/index.js, worker/search.js)."""
    lunr = LUNR / "lunr.min.js"
    if not lunr.is_file():
        raise EditionError(f"{lunr} is missing: run `npm ci` (make build does) to install the "
                           "pinned lunr package the search worker needs")
    version = json.loads((LUNR / "package.json").read_text(encoding="utf-8"))["version"]
    worker = "\n".join(str(jsmin((WORKER / name).read_text(encoding="utf-8")))
                       for name in ("index.js", "search.js"))
    return (f"/* lunr.js {version}, MIT licence, (c) Oliver Nightingale (npm package lunr) */\n"
            + lunr.read_text(encoding="utf-8").strip() + "\n"
            + "/* The edition's search worker (build_tools/site/worker/) */\n" + worker + "\n")


def worker_path(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).hexdigest()[:8]
    return f"{WORKER_DIR}/search-edition.{digest}.js"


def swap_worker(config_block: str, path: str) -> str:
    """Material's `{% block config %}` with the edition's worker in place of Material's (the
    same relative prefix: the page's way to the site's root)."""
    found = _MATERIAL_WORKER.search(config_block)
    if found is None:
        raise ValueError("Material's page configuration names no search worker to replace")
    return (config_block[:found.start()] + found.group(1) + found.group(2) + path + '"'
            + config_block[found.end():])


def pack(index: dict[str, Any]) -> str:
    """The lunr index of a search_index.json's {config, docs}, packed (worker/index.js, `pack`)
    by lunr.js itself in Node, so that the words are the worker's to the character."""
    config = {k: v for k, v in index["config"].items() if k != KEY}
    if config.get("pipeline"):
        raise EditionError("the search plugin's pipeline must be [] (mkdocs.yml): the worker "
                           f"marks the words it matched as they stand, not {config['pipeline']}")
    index = {"config": config, "docs": index["docs"]}
    node = shutil.which("node")
    if node is None:
        raise EditionError("node is missing: the search index is built with lunr.js in Node "
                           "(install Node.js 20 and npm)")
    done = subprocess.run([node, str(WORKER / "prebuild.js")], cwd=PROJECT,
                          input=json.dumps(index).encode("utf-8"), capture_output=True)
    if done.returncode != 0:
        raise EditionError("building the search index in Node failed:\n"
                           + done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8")


def _with_packed(text: str, path: Path) -> str | None:
    """A search_index.json's text with its lunr index packed in (Material's JSON layout); None
    while it holds pending words (a build's Download page): `fill` packs it once they are
    replaced, so that it is packed once."""
    if pending.PATTERN.search(text):
        return None
    index = json.loads(text)
    if not isinstance(index.get("config"), dict) or not isinstance(index.get("docs"), list):
        raise EditionError("not a search index of Material's search plugin (config, docs)", path)
    index["config"][KEY] = pack(index)
    return json.dumps(index, separators=(",", ":"), default=str)


def add_to(path: Path) -> int | None:
    """Put the packed index into the search_index.json at path; return the file's new size in
    bytes, or None when it is left for `fill` (_with_packed)."""
    packed = _with_packed(path.read_text(encoding="utf-8"), path)
    if packed is None:
        return None
    path.write_text(packed, encoding="utf-8")
    return len(packed.encode("utf-8"))


def fill(search_dir: Path, values: dict[str, str]) -> None:
    """Words of the search index's text replaced (site.fill_pending), and the index packed when
    no pending word is left; the offline build's script form of it written again too."""
    path = search_dir / "search_index.json"
    text = pending.fill(path.read_text(encoding="utf-8"), values)
    text = _with_packed(text, path) or text
    path.write_text(text, encoding="utf-8")
    script = search_dir / "search_index.js"
    if script.exists():  # Material's offline plugin: the same JSON in a script
        script.write_text(f"var __index = {text}", encoding="utf-8")
