"""The contributors' map, docs/maintainers/layout.md, is true of the tree.

Its tables name packages and modules by their path under `wrapper/browser_use_cloud/`: each
one named must exist, every package and every top-level module must be named, and so must
every module of the library's own subpackages (not the programs', whose modules are many
and named for their command or operation; not `_sync/`, which mirrors `_async/`). The
import rules the page states are checked in `test_import_layers.py`.
"""

from __future__ import annotations

import re
from pathlib import Path

import browser_use_cloud

PACKAGE = Path(browser_use_cloud.__file__).parent
PAGE = Path(__file__).resolve().parents[2] / "docs" / "maintainers" / "layout.md"
ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)
PROGRAMS = frozenset({"cli", "mcp", "emulator", "_frontends"})
MIRRORED = frozenset({"_sync"})


def _named() -> list[str]:
    return ROW.findall(PAGE.read_text(encoding="utf-8"))


def _packages() -> list[str]:
    return sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())


def _expected() -> set[str]:
    """What the map must name: packages, top-level modules, the library packages' modules."""
    names = {f"{name}/" for name in _packages()}
    names |= {p.name for p in PACKAGE.glob("*.py")}
    for package in _packages():
        if package in PROGRAMS or package in MIRRORED:
            continue
        names |= {
            f"{package}/{p.name}"
            for p in (PACKAGE / package).glob("*.py")
            if p.name != "__init__.py"
        }
    return names


def test_every_path_the_map_names_exists() -> None:
    missing = [name for name in _named() if not (PACKAGE / name).exists()]
    assert missing == [], "named in docs/maintainers/layout.md but not in the tree"


def test_the_map_names_every_package_and_library_module() -> None:
    unnamed = sorted(_expected() - set(_named()))
    assert unnamed == [], "add a row for each to docs/maintainers/layout.md"
