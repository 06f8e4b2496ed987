"""Copies of this tree, and the project's own nox sessions run on them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GIT = ("git", "-c", "user.name=tests", "-c", "user.email=tests@localhost", "-c", "core.hooksPath=")

SpecJSON = dict[str, Any]


def copy_tree(destination: Path) -> Path:
    """The files git tracks (and new, unignored ones), as they are now, in a fresh repository.

    The copy is committed, so ``git status`` in it shows exactly what a session changed.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        source = ROOT / raw.decode()
        if source.is_file():
            target = destination / raw.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    commit(destination, "copy of the tree")
    return destination


def commit(tree: Path, message: str) -> None:
    subprocess.run([*GIT, "init", "--quiet"], cwd=tree, check=True)
    subprocess.run([*GIT, "add", "--all"], cwd=tree, check=True)
    subprocess.run(
        [*GIT, "commit", "--quiet", "--allow-empty", "-m", message], cwd=tree, check=True
    )


def git_status(tree: Path) -> str:
    """Changed and new files (not ignored ones), one per line; empty when the tree is clean."""
    return subprocess.run(
        [*GIT, "status", "--porcelain", "--untracked-files=all"],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def tracked_files(tree: Path) -> dict[str, bytes]:
    names = subprocess.run(
        [*GIT, "ls-files", "-z"], cwd=tree, check=True, capture_output=True
    ).stdout.split(b"\0")
    return {
        name.decode(): (tree / name.decode()).read_bytes()
        for name in filter(None, names)
        if (tree / name.decode()).is_file()
    }


def read_spec(tree: Path) -> SpecJSON:
    spec: SpecJSON = json.loads((tree / "openapi.json").read_text(encoding="utf-8"))
    return spec


def write_spec(path: Path, spec: SpecJSON) -> Path:
    path.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    return path


def run_nox(
    tree: Path, envdir: Path, session: str, *posargs: str
) -> subprocess.CompletedProcess[str]:
    """``nox -s SESSION -- POSARGS`` in ``tree``, with virtualenvs shared across tests."""
    command = [sys.executable, "-m", "nox", "-s", session, "--envdir", str(envdir)]
    if posargs:
        command += ["--", *posargs]
    result = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=600)
    result.stdout += result.stderr  # one place to read and show
    return result


def tree_env(tree: Path) -> dict[str, str]:
    """An environment that imports from `tree`; its emulator serves `tree`'s openapi.json."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tree / "wrapper"), str(tree / "generated")]),
        "BROWSER_USE_EMULATOR_OPENAPI": str(tree / "openapi.json"),
    }
