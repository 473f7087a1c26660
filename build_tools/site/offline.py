"""The offline bundle: the site built for file:// (Material's offline plugin), zipped."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from build_tools.errors import EditionError
from build_tools.model import Build, Paths
from build_tools.site import site, write
from build_tools.verify import reproducible

log = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[2]
SHIM_PACKAGE = PROJECT / "node_modules" / "iframe-worker"
# In the docs tree; the path must contain "iframe-worker", or the offline plugin adds unpkg's copy.
SHIM_PATH = "assets/vendor/iframe-worker/shim.js"
# The offline text of pages that differ offline, beside the generated config (offline_hook.py).
OFFLINE_PAGES = "offline-pages"
OFFLINE_CONFIG = "mkdocs.offline.yml"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01: the earliest time a zip entry can hold
# zlib's default level, by measurement: level 9 took 3x as long at 50x the text (12-17 s
# against 4-6 s on a loaded machine) for a zip 2.4% smaller (7.10 MB against 7.27 MB; at 1x
# 1.222 MB against 1.230 MB, 0.7%).
ZIP_LEVEL = 6


def bundle_name(build: Build) -> str:
    return f"{build.inputs.meta['edition_slug']}-offline"


def zip_path(build: Build, dist: Path) -> Path:
    return dist / f"{bundle_name(build)}.zip"


def offline_site(paths: Paths) -> Path:
    """Where the offline site is built before it is zipped (kept, for checks and inspection)."""
    return paths.generated / "offline-site"


def shim_files() -> list[tuple[Path, str]]:
    """The iframe-worker shim (a Worker for file://) and its licence, from the npm package, with
    their paths in the site."""
    shim = SHIM_PACKAGE / "shim" / "index.js"
    if not shim.is_file():
        raise EditionError(f"{shim} is missing: run `npm ci` (make build does) to install the "
                           "pinned iframe-worker package the offline bundle needs")
    return [(shim, SHIM_PATH),
            (SHIM_PACKAGE / "LICENSE", SHIM_PATH.rsplit("/", 1)[0] + "/LICENSE.txt")]


# Plugins the offline build leaves out: minifying HTML is for pages sent over a network (the
# zip's deflate takes the same whitespace out), and it was 30% of the offline build's time.
ONLINE_ONLY = frozenset({"minify"})


def plugins_with_offline(mkdocs_yml: Path) -> Any:
    """The base config's plugins, less ONLINE_ONLY, plus `offline` (a list in a child config
    replaces, not extends)."""
    with mkdocs_yml.open("rb") as f:
        plugins = yaml_load(f).get("plugins", ["search"])
    if isinstance(plugins, dict):
        return {**{k: v for k, v in plugins.items() if k not in ONLINE_ONLY}, "offline": {}}
    kept = [p for p in plugins if _plugin_name(p) not in ONLINE_ONLY]
    return kept if "offline" in map(_plugin_name, kept) else [*kept, "offline"]


def _plugin_name(entry: Any) -> str:
    """A plugin's name in a list of plugins: the entry itself, or the key of its options."""
    return entry if isinstance(entry, str) else str(next(iter(entry)))


def start_site(build: Build, online: Build, paths: Paths, site_dir: Path,
               overrides: dict[str, Any]) -> subprocess.Popen[bytes]:
    """Start a second mkdocs build of the online docs tree (the `online` build's files), with the
    offline plugin, the local shim and, for the pages whose text differs offline, the `build`'s
    text (offline_hook.py); site.mkdocs_wait finishes it. It runs beside the online build: one
    tree, no copy (a copy of a tree of thousands of folders took seconds)."""
    shim_files()  # fail here, before mkdocs starts, when the npm package is missing
    pages = paths.generated / OFFLINE_PAGES
    if pages.exists():
        shutil.rmtree(pages)
    theirs = {f.path: f.content for f in online.files}
    for f in build.files:
        if f.path.endswith(".md") and theirs.get(f.path) != f.content:
            target = pages / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(str(f.content), encoding="utf-8")
    hooks = [*overrides.get("hooks", []), str(Path(__file__).with_name("offline_hook.py"))]
    config = write.write_config(build, paths, OFFLINE_CONFIG, site_dir,
                                plugins=plugins_with_offline(paths.mkdocs_yml),
                                extra={"polyfills": [SHIM_PATH]},
                                **{**overrides, "hooks": hooks})
    return site.mkdocs_start(config, site_dir)


def write_zip(root: Path, target: Path, folder: str, epoch: int) -> None:
    """Zip root under folder/, byte for byte the same for the same files: sorted names, one
    timestamp, fixed permissions, no directory entries, fixed compression level."""
    stamp = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    files = sorted((p.relative_to(root).as_posix(), p) for p in root.rglob("*") if p.is_file())
    tmp = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, path in files:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=ZIP_LEVEL)
    os.replace(tmp, target)


def start_bundle(build: Build, online: Build, paths: Paths,
                 overrides: dict[str, Any]) -> subprocess.Popen[bytes]:
    """Start the offline site's build; finish_site waits for it, zip_bundle zips it."""
    return start_site(build, online, paths, offline_site(paths), overrides)


def finish_site(proc: subprocess.Popen[bytes], paths: Paths) -> Path:
    """Wait for the offline site; return its folder."""
    site_dir = offline_site(paths)
    site.mkdocs_wait(proc, paths.generated / OFFLINE_CONFIG, site_dir)
    # A 404 page needs a server to show it; from file:// its root-absolute URLs only break.
    (site_dir / "404.html").unlink(missing_ok=True)
    return site_dir


def zip_bundle(build: Build, paths: Paths, dist: Path) -> Path:
    """Zip the offline site into dist/<slug>-offline.zip; return the zip's path."""
    dist.mkdir(parents=True, exist_ok=True)
    target = zip_path(build, dist)
    write_zip(offline_site(paths), target, bundle_name(build),
              reproducible.pin_build_date(build.inputs.meta))
    log.debug("offline bundle: %s (%d bytes)", target, target.stat().st_size)
    return target
