"""The programs built on the library depend on the library, not on each other's insides.

The rule, checked on the source (every `import` and `from ... import`, at any depth):

- `mcp/` imports nothing from `cli/`, and nothing private of `emulator/` (its package,
  `browser_use_cloud.emulator`, is public API and may be used);
- `cli/` imports nothing private of `emulator/`, and from `mcp/` only in `cli/_mcp.py`:
  the `mcp` command is the MCP package's (`python -m browser_use_cloud.mcp` runs it
  without the CLI), and that module hands it the CLI's settings; the command group loads
  it only when `mcp` runs, so `browser-use-cloud --help` loads no MCP code;
- `emulator/` imports nothing from `cli/` or `mcp/`;
- what two of them share lives in `_frontends/` (or the library), which imports nothing
  from `cli/` or `mcp/` and only the public package of `emulator/` (the front-ends'
  built-in emulator).

Between the library's own layers (docs/maintainers/layout.md): only the public face and
the programs import the drivers (`_async/`, `_sync/`); the library imports no program; the
pure packages (`_policies/`, `_input/`, `_spec/`, `_webhooks/`) import no `_concurrency/`.

And no import circle among the package's modules: the same imports (those under
`if TYPE_CHECKING:` and inside functions too), `from . import x` counting as an import of
the submodule `x`, not of the package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Set
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


def _imports(path: Path) -> Iterator[str]:
    """The module of each import in `path`; for `from X import y` X.y when y is a module,
    else X."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if _is_package(path) else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                yield submodule if _is_module(submodule) else module


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


def _broken_rules(module: str, imported: str) -> str | None:
    area = _area(module)
    if area == "mcp" and _area(imported) == "cli":
        return "the MCP server imports the CLI"
    if area in ("mcp", "cli") and _private_to(imported, "emulator"):
        return "a front-end imports the emulator's private modules"
    if area == "cli" and _area(imported) == "mcp" and module != MCP_COMMAND:
        return "the CLI imports the MCP server outside the mcp command's module"
    if area == "emulator" and _area(imported) in ("cli", "mcp"):
        return "the emulator imports a front-end"
    if area in ("_frontends", None) and (
        _area(imported) in ("cli", "mcp") or _private_to(imported, "emulator")
    ):
        return "shared code imports the insides of a program built on it"
    return None


def test_each_program_depends_on_the_library_not_on_another() -> None:
    broken = [
        f"{_module_name(path)} imports {imported}: {why}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for imported in _imports(path)
        if (why := _broken_rules(_module_name(path), imported)) is not None
    ]
    assert broken == []


def test_the_rules_see_the_imports_they_forbid() -> None:
    """The check itself: each kind of import it must refuse is refused."""
    assert _broken_rules("browser_use_cloud.mcp.__main__", "browser_use_cloud.cli")
    assert _broken_rules("browser_use_cloud.mcp._serve", "browser_use_cloud.emulator._serving")
    assert _broken_rules("browser_use_cloud.cli._local", "browser_use_cloud.emulator._config")
    assert _broken_rules("browser_use_cloud.cli._run", "browser_use_cloud.mcp._serve")
    assert _broken_rules(MCP_COMMAND, "browser_use_cloud.mcp._command") is None
    assert _broken_rules("browser_use_cloud.cli._run", "browser_use_cloud.emulator") is None
    assert _broken_rules("browser_use_cloud._frontends._x", "browser_use_cloud.cli._errors")
    assert _broken_rules("browser_use_cloud._policies.retry", "browser_use_cloud.emulator._state")


PROGRAMS = frozenset({"cli", "mcp", "emulator", "_frontends"})
DRIVERS = frozenset({"_async", "_sync"})
PURE = frozenset({"_policies", "_input", "_spec", "_webhooks"})


def _layer(module: str) -> str:
    """The package of the library that `module` is in ("_async", "cli", ...); "" for a
    top-level module, "__init__" for the package itself."""
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1] if (PACKAGE / parts[1]).is_dir() else ""


def _broken_layers(module: str, imported: str) -> str | None:
    """The rules of docs/maintainers/layout.md between the library's own layers."""
    layer, target = _layer(module), _layer(imported)
    outer = DRIVERS | PROGRAMS | {"__init__"}
    if target == layer:
        return None
    if target in DRIVERS and layer not in outer:
        return "only the public face and the programs import the drivers"
    if target in PROGRAMS and layer not in outer:
        return "the library imports a program built on it"
    if layer in PURE and target == "_concurrency":
        return "a pure package imports a concurrency primitive"
    return None


def test_each_layer_imports_only_what_the_layout_page_allows() -> None:
    graph = _import_graph()
    broken = [
        f"{module} imports {imported}: {why}"
        for module in sorted(graph)
        for imported in sorted(graph[module])
        if (why := _broken_layers(module, imported)) is not None
    ]
    assert broken == []


def test_the_layer_rules_refuse_what_they_forbid() -> None:
    assert _broken_layers("browser_use_cloud._policies.retry", "browser_use_cloud._async._http")
    assert _broken_layers("browser_use_cloud._config", "browser_use_cloud._sync._client")
    assert _broken_layers("browser_use_cloud._transport.log", "browser_use_cloud.cli._errors")
    assert _broken_layers("browser_use_cloud._input.cron", "browser_use_cloud._concurrency.gate")
    assert (
        _broken_layers("browser_use_cloud._async._http", "browser_use_cloud._concurrency.gate")
        is None
    )
    assert _broken_layers("browser_use_cloud", "browser_use_cloud._async._client") is None
    assert _broken_layers("browser_use_cloud.cli._run", "browser_use_cloud._sync._client") is None


def _circles(graph: Mapping[str, Set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.get(module, ()):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = [stack.pop()]
            while component[-1] != module:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def _import_graph() -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports."""
    graph = {_module_name(path): set(_imports(path)) for path in PACKAGE.rglob("*.py")}
    return {
        module: {m for m in imported if m in graph} - {module} for module, imported in graph.items()
    }


def test_no_import_circles() -> None:
    graph = _import_graph()
    circles = [
        " <-> ".join(circle)
        + ": "
        + "; ".join(f"{a} imports {b}" for a in circle for b in sorted(graph[a]) if b in circle)
        for circle in _circles(graph)
    ]
    assert circles == []


def test_the_circle_check_sees_a_circle() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []
    assert _circles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}) == [["a", "b"], ["c", "d"]]


def test_the_graph_counts_type_checking_and_submodule_imports() -> None:
    graph = _import_graph()
    # `if TYPE_CHECKING: from ._client import AsyncBrowserUse` in the MCP server
    assert "browser_use_cloud._async._client" in graph["browser_use_cloud.mcp._server"]
    # `from . import _catalog, _tasks`: the submodules, not the package
    assert "browser_use_cloud.mcp._catalog" in graph["browser_use_cloud.mcp._server"]
    assert "browser_use_cloud.mcp" not in graph["browser_use_cloud.mcp._server"]
