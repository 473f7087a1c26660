"""`edition serve`: mkdocs' live preview, regenerating the Markdown when content/ changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from build_tools import pipeline
from build_tools.model import Paths
from build_tools.site import search_index, write

HOOK = Path(__file__).with_name("serve_hook.py")


def serve(paths: Paths, address: str = "127.0.0.1:8000") -> int:
    build = pipeline.generate_tree(paths)
    searched = search_index.prepare(build, paths)
    # The hook reruns the pipeline before each rebuild; mkdocs watches content/ and annexes/.
    config = write.write_config(build, paths, "mkdocs.serve.yml", paths.generated / "serve-site",
                                site_url=f"http://{address}/",
                                # A preview answers whatever mkdocs warns about (a broken link
                                # while an editor types); `edition build` stays strict.
                                strict=False,
                                hooks=[os.path.relpath(HOOK, paths.generated),
                                       *searched["hooks"]],
                                watch=[os.path.relpath(paths.content, paths.generated),
                                       os.path.relpath(paths.annexes, paths.generated)])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "EDITION_CONTENT": str(paths.content), "EDITION_ANNEXES": str(paths.annexes),
           "EDITION_OUT": str(paths.out), "EDITION_MKDOCS": str(paths.mkdocs_yml)}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", address]
    return subprocess.call(cmd, env=env)
