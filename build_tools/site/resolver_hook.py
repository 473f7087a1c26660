"""mkdocs hook: the resolver form foreign to the build's URL layout leads on to the native one."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File

from build_tools.pages import resolver


def on_files(files: Any, config: Any) -> Any:
    lang = str(config.theme.get("language") or "en")
    for f in list(files):
        page = resolver.hop(f.src_uri, bool(config.use_directory_urls), config.site_name, lang)
        if page is not None:
            files.remove(f)
            files.append(File.generated(config, f.src_uri, content=page))
    return files
