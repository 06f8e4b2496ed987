"""The programs built on the library depend on the library, not on each other's insides.

The rule, checked on the source (every `import` and `from ... import`, at any depth):

- `mcp/` imports nothing from `cli/`, and nothing private of `emulator/` (its package,
  `browser_use_cloud.emulator`, is public API and may be used);
- `cli/` imports nothing private of `emulator/`, and from `mcp/` only in `cli/_mcp.py`,
  the `mcp` command, inside its functions: that command starts the server, so it needs
  it, and only when it runs (`browser-use-cloud --help` loads no MCP code);
- `emulator/` imports nothing from `cli/` or `mcp/`;
- what two of them share lives in `_frontends/` (or the library), which imports none of
  the three.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import browser_use_cloud

PACKAGE = Path(browser_use_cloud.__file__).parent
ROOT = "browser_use_cloud"
MCP_COMMAND = "browser_use_cloud.cli._mcp"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _is_module(module: str) -> bool:
    target = PACKAGE.parent.joinpath(*module.split("."))
    return target.with_suffix(".py").exists() or (target / "__init__.py").exists()


def _imports(path: Path) -> Iterator[tuple[str, bool]]:
    """(module imported, whether at module level) for each import in `path`; for
    `from X import y` X, and X.y too when y is a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if _is_package(path) else here[:-1]
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, id(node) in top_level
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield module, id(node) in top_level
            for alias in node.names:
                if _is_module(f"{module}.{alias.name}"):
                    yield f"{module}.{alias.name}", id(node) in top_level


def _area(module: str) -> str | None:
    """Which program `module` belongs to: "cli", "mcp", "emulator", "_frontends"; None for
    the library itself and for other packages."""
    parts = module.split(".")
    if parts[0] != ROOT or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ("cli", "mcp", "emulator", "_frontends") else None


def _private_to(module: str, area: str) -> bool:
    """`module` is inside `area` and is not the area's public package itself."""
    return _area(module) == area and module != f"{ROOT}.{area}"


def _broken_rules(module: str, imported: str, top_level: bool) -> str | None:
    area = _area(module)
    if area == "mcp" and _area(imported) == "cli":
        return "the MCP server imports the CLI"
    if area in ("mcp", "cli") and _private_to(imported, "emulator"):
        return "a front-end imports the emulator's private modules"
    if area == "cli" and _area(imported) == "mcp" and (module != MCP_COMMAND or top_level):
        return "the CLI imports the MCP server outside the mcp command's functions"
    if area == "emulator" and _area(imported) in ("cli", "mcp"):
        return "the emulator imports a front-end"
    if area in ("_frontends", None) and _area(imported) in ("cli", "mcp", "emulator"):
        return "shared code imports one of the programs built on it"
    return None


OPEN = {
    # issue 22 item 3, still open: `python -m browser_use_cloud.mcp` runs the CLI's `mcp`
    # command, whose settings (profiles, the config file, --local) are the CLI's.
    "browser_use_cloud.mcp.__main__ imports browser_use_cloud.cli",
}


def test_each_program_depends_on_the_library_not_on_another() -> None:
    broken = {
        f"{_module_name(path)} imports {imported}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for imported, top_level in _imports(path)
        if _broken_rules(_module_name(path), imported, top_level) is not None
    }
    assert broken == OPEN


def test_the_rules_see_the_imports_they_forbid() -> None:
    """The check itself: each kind of import it must refuse is refused."""
    assert _broken_rules("browser_use_cloud.mcp.__main__", "browser_use_cloud.cli", True)
    assert _broken_rules(
        "browser_use_cloud.mcp._serve", "browser_use_cloud.emulator._serving", False
    )
    assert _broken_rules("browser_use_cloud.cli._local", "browser_use_cloud.emulator._config", True)
    assert _broken_rules("browser_use_cloud.cli._run", "browser_use_cloud.mcp._serve", False)
    assert _broken_rules(MCP_COMMAND, "browser_use_cloud.mcp._serve", True)
    assert _broken_rules(MCP_COMMAND, "browser_use_cloud.mcp._serve", False) is None
    assert _broken_rules("browser_use_cloud.cli._run", "browser_use_cloud.emulator", False) is None
