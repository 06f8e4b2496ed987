"""The public API of `browser_use_cloud`, as griffe reads it from the source.

One definition for the two tools that need it: the docs build (`check_reference`: every
public name has a reference entry and a docstring) and `scripts/api_check.py` (no break
without a CHANGELOG entry).

Public means: the names in `__all__` of the public modules below, plus every class of the
package reached from the top-level names through the annotation of a public member
(`BrowserUse.tasks` is annotated `Tasks`, so `Tasks` and its methods are public although their
module is private). The emulator's records, reached through `State`, are not followed: the
emulator's public face is its `__all__`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import griffe

PACKAGE = "browser_use_cloud"
PUBLIC_MODULES = (PACKAGE, f"{PACKAGE}.emulator", f"{PACKAGE}.mcp")
SEARCH_PATHS = ("wrapper", "generated")  # relative to the repository root
DIRECTIVE = re.compile(r"^:::\s+(\S+)", re.MULTILINE)  # a mkdocstrings entry


def load(root: Path) -> griffe.Module:
    """The package in the working tree at `root`."""
    package = griffe.load(
        PACKAGE,
        search_paths=[root / path for path in SEARCH_PATHS],
        resolve_aliases=True,
        resolve_external=True,  # the generated package: its models are result types
    )
    assert isinstance(package, griffe.Module)
    return package


def load_at(ref: str, repo: Path) -> griffe.Module:
    """The package as it was at the git reference `ref` of the repository at `repo`."""
    package = griffe.load_git(
        PACKAGE,
        ref=ref,
        repo=repo,
        search_paths=list(SEARCH_PATHS),
        resolve_aliases=True,
        resolve_external=True,  # the generated package: its models are result types
    )
    assert isinstance(package, griffe.Module)
    return package


def _target(obj: griffe.Object | griffe.Alias) -> griffe.Object | griffe.Alias:
    try:
        return obj.final_target if obj.is_alias else obj  # type: ignore[union-attr]
    except griffe.AliasResolutionError:
        return obj


def public_module(package: griffe.Module, module_path: str) -> griffe.Module | None:
    """The public module `module_path` of `package`, or None where this version lacks it."""
    if module_path == PACKAGE:
        return package
    module = package.members.get(module_path.removeprefix(f"{PACKAGE}."))
    return module if isinstance(module, griffe.Module) else None


def exported(package: griffe.Module) -> dict[str, griffe.Object | griffe.Alias]:
    """`module.NAME` -> object, for every name in `__all__` of every public module."""
    names: dict[str, griffe.Object | griffe.Alias] = {}
    for module_path in PUBLIC_MODULES:
        module = public_module(package, module_path)
        if module is None:
            continue
        for name in module.exports or ():
            names[f"{module_path}.{name}"] = module[name]
    return names


def _annotation_names(member: griffe.Object | griffe.Alias) -> Iterator[str]:
    annotation = member.annotation if member.is_attribute else getattr(member, "returns", None)
    if isinstance(annotation, griffe.Expr):
        for part in annotation.iterate(flat=True):
            if isinstance(part, griffe.ExprName):
                yield part.canonical_path


def reachable_classes(package: griffe.Module) -> dict[str, tuple[griffe.Class, set[str]]]:
    """Classes outside `__all__` that users reach: path -> (class, names of the members that
    lead to it, e.g. {"tasks"} for `Tasks`)."""
    exported_paths = {_target(obj).path for obj in exported(package).values()}
    found: dict[str, tuple[griffe.Class, set[str]]] = {}
    queue = [_target(package[name]) for name in package.exports or ()]
    while queue:
        obj = queue.pop()
        if not isinstance(obj, griffe.Class):
            continue
        for member in obj.members.values():
            if not member.is_public:
                continue
            for path in _annotation_names(member):
                if not path.startswith(f"{PACKAGE}.") or path in exported_paths:
                    continue
                if path in found:
                    found[path][1].add(member.name)
                    continue
                try:
                    target = _target(package.modules_collection[path])
                except KeyError:
                    continue
                if target.path in exported_paths:  # a re-export of a public name
                    continue
                if isinstance(target, griffe.Class):
                    found[path] = (target, {member.name})
                    queue.append(target)
    return dict(sorted(found.items()))


def public_objects(package: griffe.Module) -> dict[str, griffe.Object | griffe.Alias]:
    """Every public object, by the path the reference documents it under."""
    reached = {path: cls for path, (cls, _) in reachable_classes(package).items()}
    return {**exported(package), **reached}


def _documented(obj: griffe.Object | griffe.Alias) -> bool:
    try:
        target = obj.final_target if obj.is_alias else obj  # type: ignore[union-attr]
    except griffe.AliasResolutionError:
        return False
    if target.docstring:
        return True
    # `InsufficientCreditsError = PaymentRequiredError`: an alias documented by its class.
    value = getattr(target, "value", None)
    if isinstance(value, griffe.ExprName):
        try:
            return bool(target.modules_collection[value.canonical_path].docstring)
        except (KeyError, griffe.AliasResolutionError):
            return False
    return False


def check_reference(package: griffe.Module, docs_dir: Path) -> list[str]:
    """Problems with the API reference in `docs_dir`/reference: a public name without a
    `::: name` entry or without a docstring, an entry for a name that is not public."""
    public = public_objects(package)
    entries: dict[str, str] = {}
    for page in sorted((docs_dir / "reference").rglob("*.md")):
        for name in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            entries[name] = page.relative_to(docs_dir).as_posix()
    problems = [
        f"public name {name} has no `::: {name}` entry in docs/reference/"
        for name in public
        if name not in entries
    ]
    problems += [
        f"{page} documents {name}, which is not public (not in __all__ nor reached from it)"
        for name, page in entries.items()
        if name not in public
    ]
    problems += [
        f"public name {name} has no docstring (help() and the reference show nothing)"
        for name, obj in public.items()
        if not _documented(obj)
    ]
    problems += [
        f"public member {name} has no docstring (help() and the reference show nothing)"
        for name, member in _public_members(public)
        if not _documented(member)
    ]
    return problems


def _public_members(
    public: dict[str, griffe.Object | griffe.Alias],
) -> Iterator[tuple[str, griffe.Object | griffe.Alias]]:
    """The methods and properties of the public classes (plain data attributes are
    documented by their class)."""
    for path, obj in public.items():
        target = _target(obj)
        if not isinstance(target, griffe.Class):
            continue
        for name, member in target.all_members.items():
            if name.startswith("_") or not member.is_public:
                continue
            member_target = _target(member)
            if member_target.is_attribute and not member_target.has_labels("property"):
                continue
            yield f"{path}.{name}", member
