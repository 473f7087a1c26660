"""The engine's layout: packages by role, mkdocs confined to site/, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "build_tools"
PACKAGES = {"source", "annotation", "pages", "export", "site", "verify", "bench"}
TOP_LEVEL = {"__init__.py", "model.py", "errors.py", "pipeline.py", "cli.py"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_engine_is_packages_by_role_with_the_model_and_stage_list_on_top() -> None:
    assert {p.name for p in ENGINE.iterdir() if p.is_dir() and p.name != "__pycache__"} == PACKAGES
    assert {p.name for p in ENGINE.glob("*.py")} == TOP_LEVEL
    for package in PACKAGES:
        assert (ENGINE / package / "__init__.py").read_text("utf-8").startswith('"""')


def test_only_the_site_package_imports_mkdocs() -> None:
    importers = sorted(str(p.relative_to(ENGINE)) for p in ENGINE.rglob("*.py")
                       if any(m == "mkdocs" or m.startswith("mkdocs.") for m in _imports(p)))
    assert importers, "no module imports mkdocs: the check would prove nothing"
    assert all(name.startswith("site/") for name in importers), importers


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(ENGINE)): n for p in ENGINE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert not long, long


def test_the_product_does_not_import_the_benchmarks() -> None:
    users = [str(p.relative_to(ENGINE)) for p in ENGINE.rglob("*.py")
             if not p.is_relative_to(ENGINE / "bench")
             and any(m.startswith("build_tools.bench") for m in _imports(p))]
    assert not users, users
