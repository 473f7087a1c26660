"""The `edition` command: build, freeze the numbering, serve for preview."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from build_tools import pipeline
from build_tools.errors import EditionError
from build_tools.model import Paths
from build_tools.source import draft, number

log = logging.getLogger("edition")
PROJECT = Path(__file__).resolve().parent.parent


def paths_from(args: argparse.Namespace) -> Paths:
    return Paths(content=Path(args.content).resolve(), annexes=Path(args.annexes).resolve(),
                 out=Path(args.out).resolve(), mkdocs_yml=Path(args.mkdocs).resolve())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    parser.add_argument("command", choices=["init", "build", "generate", "freeze", "serve"])
    parser.add_argument("source", nargs="?", help="for init: the received text (.txt, or .md "
                        "with YAML front matter); --out DIR gets DIR/content and DIR/annexes")
    parser.add_argument("--content", default=str(PROJECT / "content"))
    parser.add_argument("--annexes", default=str(PROJECT / "annexes"))
    parser.add_argument("--out", default=str(PROJECT), help="folder for build/, site/ and dist/")
    parser.add_argument("--mkdocs", default=str(PROJECT / "mkdocs.yml"))
    parser.add_argument("--port", type=int, default=8000, help="for serve, on 127.0.0.1")
    parser.add_argument("--strict", action="store_true",
                        help="fail the build on any warning (unexplained acronyms, entries or "
                             "paragraphs no index reaches...)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(message)s", stream=sys.stderr)
    paths = paths_from(args)
    start = time.perf_counter()
    try:
        if args.command == "init":
            if not args.source:
                raise EditionError("init needs the source file: edition init SOURCE --out DIR")
            draft.init(Path(args.source).resolve(), Path(args.out).resolve())
        elif args.command == "build":
            pipeline.build_all(paths, strict=args.strict)
            log.info("built %s in %.2f s", paths.site, time.perf_counter() - start)
        elif args.command == "generate":
            pipeline.generate_tree(paths)
        elif args.command == "freeze":
            names = [name for name, _ in pipeline.STAGES]
            build = pipeline.generate(paths, pipeline.STAGES[:names.index("segment") + 1])
            target = paths.content / "numbering.yml"
            number.freeze(build.doc, target)
            log.info("froze %d paragraphs and %d headings in %s", len(build.doc.paragraphs),
                     len(build.doc.sections) - 1, target)
        elif args.command == "serve":
            from build_tools.site import serve

            return serve.serve(paths, f"127.0.0.1:{args.port}")
    except EditionError as err:
        log.error("error: %s", err)
        log.error("build failed; the previous site (if any) is left as it was")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
