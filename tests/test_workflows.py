"""The GitHub workflows: linted by zizmor, least privilege, every action pinned to a commit."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    assert ZIZMOR.exists() or shutil.which("zizmor"), "zizmor is missing (requirements.lock)"
    exe = str(ZIZMOR) if ZIZMOR.exists() else "zizmor"
    return subprocess.run([exe, "--offline", "--persona=pedantic", "--no-progress", str(folder)],
                          capture_output=True, text=True, check=False)


def workflows() -> dict[str, dict[str, object]]:
    found = {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted(WORKFLOWS.glob("*.yml"))}
    assert {"ci.yml", "pages.yml"} <= found.keys()
    return found


def test_zizmor_finds_nothing() -> None:
    proc = zizmor(WORKFLOWS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("bad", [
    "jobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n"
    "      - run: echo hi\n",
    "jobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo hi\n",
])
def test_zizmor_fails_a_bad_workflow(tmp_path: Path, bad: str) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text("name: bad\non: push\n" + bad, encoding="utf-8")
    assert zizmor(folder).returncode != 0


def test_every_action_is_pinned_to_a_commit() -> None:
    for name, flow in workflows().items():
        for job in flow["jobs"].values():  # type: ignore[attr-defined]
            for step in job.get("steps", []):
                if "uses" in step:
                    assert PINNED.match(step["uses"]), f"{name}: {step['uses']} is not pinned"


def test_permissions_are_least_privilege() -> None:
    flows = workflows()
    assert flows["ci.yml"]["permissions"] == {"contents": "read"}
    pages = flows["pages.yml"]
    assert pages["permissions"] == {}
    jobs = pages["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}  # type: ignore[index]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}  # type: ignore[index]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme
    run = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert run.rstrip().endswith("make test")
    ci = workflows()["ci.yml"]
    jobs = ci["jobs"].values()  # type: ignore[attr-defined]
    runs = [s.get("run", "") for j in jobs for s in j["steps"]]
    # CI runs .ci/run, on Debian (whose apt has Chromium itself), with no stand-in browser.
    assert "bash .ci/run" in runs
    assert all(str(j.get("container", "")).split("@")[0].endswith("bookworm") for j in jobs)
    assert not any("google-chrome" in r or "ln -s" in r for r in runs)
    pages = workflows()["pages.yml"]
    runs = [s.get("run", "") for j in pages["jobs"].values()  # type: ignore[attr-defined]
            for s in j.get("steps", [])]
    assert "make build" in runs
