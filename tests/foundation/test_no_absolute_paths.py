"""No source, test or config file names an absolute path on the machine it was written on.

Reference material lives beside the repository (``../shared`` from the repository root);
a path spelled from one machine's root works there and silently skips everywhere else.
Paths the operating system defines (``/proc/self/status``, ``/dev/null``, a shebang) are fine.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCANNED_SUFFIXES = {".py", ".pyi", ".toml", ".yml", ".yaml", ".cfg", ".ini", ".sh", ".json"}
SCANNED_DIRS_WITH_DOTS = {".github", ".ci"}
SKIPPED_DIRS = {"__pycache__", "node_modules", "build", "dist", "site", "venv"}
OS_DEFINED = {"proc", "dev", "sys"}
# Top-level folders where checkouts and home directories live, on Linux, macOS and CI runners,
# plus every folder above this checkout (whatever this machine's layout is).
MACHINE_FOLDERS = {
    "home", "Users", "work", "workspace", "tmp", "root", "opt", "mnt", "srv", "var", "etc",
    "usr", "media", "data", "private", "Volumes", "runner", "builds",
} | {part for part in ROOT.parent.parts[1:]}  # fmt: skip
ABSOLUTE = re.compile(r"(?<![\w.:/~$-])/([A-Za-z][\w.-]*)/")
WINDOWS = re.compile(r"(?<![\w\\])[A-Za-z]:\\\\?[A-Za-z]")
PATH = re.compile(r"/[^\s'\"`),;]*")
SLASH = "/"  # the detector's own examples are built from pieces, so they do not flag this file


def absolute_paths(text: str) -> list[str]:
    """Absolute machine paths in `text` (URL paths and OS-defined files are not)."""
    found = [m.group(0) for m in WINDOWS.finditer(text)]
    for match in ABSOLUTE.finditer(text):
        folder = match.group(1)
        if folder in MACHINE_FOLDERS and folder not in OS_DEFINED:
            found.append(PATH.match(text, match.start()).group(0))  # type: ignore[union-attr]
    return found


def _strings(source: str) -> Iterator[str]:
    """Every string constant in Python source, f-string pieces and docstrings included."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def _files() -> Iterator[Path]:
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and not d.endswith(".egg-info")
            and (not d.startswith(".") or d in SCANNED_DIRS_WITH_DOTS)
        ]
        in_ci = Path(folder).name == ".ci"
        for name in files:
            path = Path(folder) / name
            if path.suffix in SCANNED_SUFFIXES or (in_ci and not path.suffix):
                yield path


def test_the_detector_finds_machine_paths_and_ignores_url_paths() -> None:
    docs = SLASH + "work/shared/spec/docs.txt"
    assert absolute_paths(f'DOCS = Path("{docs}")') == [docs]
    assert absolute_paths("open('" + SLASH + "home/me/notes.txt')")
    assert absolute_paths(f"{ROOT.parent}/elsewhere")
    assert absolute_paths("C:" + "\\Users\\me\\spec.json")
    assert not absolute_paths("/api/v1/task/{task_id}")
    assert not absolute_paths("https://www.example.com/home/index.html")
    assert not absolute_paths("/proc/self/status and /dev/null")
    assert not absolute_paths("../shared/spec/cloud-api-v1-docs.txt")
    assert not absolute_paths("/nonexistent/report.pdf")  # made up on purpose: exists nowhere
    assert not absolute_paths(r"^step (\d+) \[\d\d:\d\d\]")


def test_no_file_names_an_absolute_path_outside_the_repository() -> None:
    files = list(_files())
    assert any(path.name == "noxfile.py" for path in files), "the scan missed the repository"
    offenders = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".py", ".pyi"):
            pieces = list(_strings(text))
        else:
            pieces = [line for line in text.splitlines() if not line.startswith("#!")]
        for found in (p for piece in pieces for p in absolute_paths(piece)):
            offenders.append(f"{path.relative_to(ROOT)}: {found}")
    assert not offenders, (
        "absolute paths outside the repository (use paths relative to the repository root, "
        "e.g. ROOT.parent / 'shared'):\n" + "\n".join(offenders)
    )
