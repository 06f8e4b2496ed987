"""No function or method of the package is kept alive only by tests.

A definition counts as used when the package itself names it somewhere else (a call, an
attribute, an import, a string such as `__all__` or a lazy-import table). Exempt: the
public surface (methods of exported classes and of the resources a client hands out),
overrides of a base class's method (called by the base: `logging.Filter.filter`), hooks
called by another program by name (pytest's), and decorated functions (registered by
their decorator: CLI commands, routes, properties).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from wrapper_helpers import resource_classes

import browser_use_cloud
from browser_use_cloud._async._resource import AsyncAPIResource
from browser_use_cloud._sync._resource import APIResource

PACKAGE = Path(browser_use_cloud.__file__).parent
HOOKS = frozenset(
    name for name in dir(pytest.PytestPluginManager().hook) if name.startswith("pytest_")
)
"""Called by name by another program: every hook pytest calls in a plugin (the emulator's)."""


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _names_used(tree: ast.Module) -> Counter[str]:
    used: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used[node.id] += 1
        elif isinstance(node, ast.Attribute):
            used[node.attr] += 1
        elif isinstance(node, ast.alias):
            used[node.name.rsplit(".", 1)[-1]] += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used.update(node.value.replace(".", " ").split())
    return used


def _public_classes() -> set[type]:
    """Classes users get: exported by a package's `__all__`, or handed out by a client."""
    for module_name, _ in _modules():
        if module_name.startswith(("browser_use_cloud._async.", "browser_use_cloud._sync.")):
            importlib.import_module(module_name)  # resources register as subclasses
    found: set[type] = set(resource_classes(AsyncAPIResource, APIResource))
    for module_name, tree in _modules():
        if not any(
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            for node in tree.body
        ):
            continue
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type):
                found.add(value)
    return found


def _is_override(module_name: str, class_name: str, method: str) -> bool:
    cls = getattr(importlib.import_module(module_name), class_name, None)
    return inspect.isclass(cls) and any(hasattr(base, method) for base in cls.__mro__[1:])


def test_every_definition_is_used_by_the_package() -> None:
    modules = list(_modules())
    used: Counter[str] = Counter()
    for _, tree in modules:
        used.update(_names_used(tree))
    public = {  # an exported class's bases are public too: their methods are inherited
        (base.__module__, base.__name__) for cls in _public_classes() for base in cls.__mro__
    }
    unused = []
    for module_name, tree in modules:
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                members = [(None, node)]
            elif isinstance(node, ast.ClassDef):
                members = [
                    (node.name, item)
                    for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                ]
            else:
                continue
            for owner, function in members:
                name = function.name
                if name.startswith("__") or function.decorator_list or name in HOOKS:
                    continue
                if used[name] > 0:
                    continue
                if owner is not None and (
                    ((module_name, owner) in public and not name.startswith("_"))
                    or _is_override(module_name, owner, name)
                ):
                    continue
                unused.append(f"{module_name}:{owner + '.' if owner else ''}{name}")
    assert unused == [], f"defined but never used by the package (use it or remove it): {unused}"
