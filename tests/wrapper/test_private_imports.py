"""No module of the package imports another module's private helpers.

A name starting with `_` is private to its module: what another module needs is given a
plain name (inside a private module that is still internal). Importing a private
*module* (`from . import _media`) is fine; that is how the package is laid out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import browser_use_cloud

PACKAGE = Path(browser_use_cloud.__file__).parent


def _is_module(directory: Path, module: str | None, level: int, name: str) -> bool:
    if level == 0:
        base = PACKAGE.parent
    else:
        base = directory
        for _ in range(level - 1):
            base = base.parent
    target = base.joinpath(*module.split(".")) / name if module else base / name
    return target.with_suffix(".py").exists() or (target / "__init__.py").exists()


def test_no_private_name_is_imported_from_another_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level == 0 and not (node.module or "").startswith("browser_use_cloud"):
                continue
            for alias in node.names:
                name = alias.name
                private = name.startswith("_") and not name.startswith("__")
                if private and not _is_module(path.parent, node.module, node.level, name):
                    found.append(f"{path.relative_to(PACKAGE)}: from {node.module} import {name}")
    assert found == [], found
