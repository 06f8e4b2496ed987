#!/usr/bin/env python3
"""Fail on a break of the public API that the CHANGELOG's "Unreleased" section does not name.

Usage: ``python scripts/api_check.py [--against REF] [--repo DIR]``.
Exit status: 0 no unannounced break, 1 unannounced breaks, 2 the check could not run.

The baseline is ``--against``, else the last release tag reachable from HEAD, else the merge
base of HEAD with ``main`` (or ``origin/main``). Both versions are read from source by griffe
(nothing is imported), and compared with griffe's breaking-change check: removed names,
parameters removed, renamed, moved, made required or given another kind or default, removed
attributes of result types, removed methods. Additions (a new optional parameter or field, a
new name) are not breaks.

A break is *named* when one bullet of the Unreleased section mentions, in backticks, both the
callable and the parameter (`wait(timeout=)` ... `wait_timeout`), or both the owner and the
member (`Task.cost`, or `tasks.get`); the owner may be spelled as its class or as the client
attribute that returns it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import griffe

sys.path.insert(0, str(Path(__file__).resolve().parent))
import public_api

UNRELEASED = re.compile(r"^##\s+unreleased\b", re.IGNORECASE)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CODE_SPAN = re.compile(r"`([^`]+)`")


def _git(repo: Path, *args: str) -> str | None:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None


def baseline(repo: Path) -> tuple[str, str]:
    """(ref, what it is): the last release tag, else the merge base with main."""
    tag = _git(repo, "describe", "--tags", "--abbrev=0", "HEAD")
    if tag:
        return tag, f"the last release tag {tag}"
    for main in ("main", "origin/main", "origin/HEAD"):
        base = _git(repo, "merge-base", "HEAD", main)
        if base:
            return base, f"the merge base with {main} ({base[:12]})"
    raise SystemExit(
        "api_check: no baseline: no tag reachable from HEAD and no merge base with main, "
        "origin/main or origin/HEAD (a shallow clone? fetch the history, or pass --against REF)"
    )


def unreleased_bullets(changelog: str) -> list[set[str]]:
    """The identifiers in backticks of each bullet of the Unreleased section."""
    section: list[str] = []
    inside = False
    for line in changelog.splitlines():
        if line.startswith("## "):
            inside = bool(UNRELEASED.match(line))
            continue
        if inside:
            section.append(line)
    bullets: list[list[str]] = []
    for line in section:
        if re.match(r"^\s*[-*]\s", line) and not line.startswith("  " * 2):
            bullets.append([line])
        elif bullets and line.strip():
            bullets[-1].append(line)
    return [
        {
            name.lower()
            for span in CODE_SPAN.findall(" ".join(b))
            for name in IDENTIFIER.findall(span)
        }
        for b in bullets
    ]


@dataclass(frozen=True)
class Break:
    """One break, with the names a CHANGELOG bullet must mention to announce it."""

    explanation: str
    required: tuple[frozenset[str], ...]  # each: accepted spellings of one name

    def named_in(self, bullets: Iterable[set[str]]) -> bool:
        lowered = [frozenset(s.lower() for s in spellings) for spellings in self.required]
        return any(all(spellings & bullet for spellings in lowered) for bullet in bullets)

    def hint(self) -> str:
        return " and ".join("/".join(f"`{s}`" for s in sorted(sp)) for sp in self.required)


def _spellings(obj: griffe.Object | griffe.Alias, via: dict[str, set[str]]) -> frozenset[str]:
    return frozenset({obj.name, *(via.get(obj.path, ()) if obj.is_class else ())})


def _describe(breakage: griffe.Breakage, via: dict[str, set[str]]) -> Break:
    obj = breakage.obj
    explanation = ANSI.sub("", breakage.explain(griffe.ExplanationStyle.ONE_LINE))
    if breakage.kind.name.startswith("PARAMETER"):
        parameter = breakage.old_value or breakage.new_value
        callable_ = obj.parent if obj.name == "__init__" and obj.parent is not None else obj
        return Break(explanation, (_spellings(callable_, via), frozenset({parameter.name})))
    owner = obj.parent
    if owner is None or owner.is_module:
        return Break(explanation, (_spellings(obj, via),))
    return Break(explanation, (_spellings(owner, via), frozenset({obj.name})))


def find_breaks(old: griffe.Module, new: griffe.Module) -> Iterator[Break]:
    """Every break of the public API from `old` to `new`."""
    old_reached = public_api.reachable_classes(old)
    new_reached = public_api.reachable_classes(new)
    via = {path: names for path, (_, names) in old_reached.items()}
    for module_path in public_api.PUBLIC_MODULES:
        old_module = public_api.public_module(old, module_path)
        new_module = public_api.public_module(new, module_path)
        if old_module is None:  # a module added since: nothing to break
            continue
        if new_module is None:
            name = module_path.rpartition(".")[2]
            yield Break(f"{module_path}: the module is gone", (frozenset({name}),))
            continue
        for breakage in griffe.find_breaking_changes(old_module, new_module):
            yield _describe(breakage, via)
    new_exported = public_api.exported(new)
    for path in public_api.exported(old).keys() - new_exported.keys():
        module, _, name = path.rpartition(".")
        yield Break(f"{module}: {name}: no longer in __all__", (frozenset({name}),))
    new_by_name = {cls.name: cls for cls, _ in new_reached.values()}
    for old_class, names in old_reached.values():
        new_class = new_by_name.get(old_class.name)
        if new_class is None:
            owners = "/".join(sorted(names))
            yield Break(
                f"{old_class.path}: class reached through `{owners}` is gone",
                (frozenset({old_class.name, *names}),),
            )
            continue
        for breakage in griffe.find_breaking_changes(old_class, new_class):
            yield _describe(breakage, via)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="api_check", description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="git reference to compare with (default: see above)")
    parser.add_argument("--repo", type=Path, default=Path("."), help="repository root")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    ref, what = (args.against, args.against) if args.against else baseline(repo)
    try:
        old = public_api.load_at(ref, repo)
    except Exception as error:  # griffe raises plain exceptions for a bad ref or layout
        print(f"api_check: cannot load {public_api.PACKAGE} at {ref}: {error}", file=sys.stderr)
        return 2
    new = public_api.load(repo)
    bullets = unreleased_bullets((repo / "CHANGELOG.md").read_text(encoding="utf-8"))
    breaks = sorted(set(find_breaks(old, new)), key=lambda b: b.explanation)
    print(f"api_check: public API of {public_api.PACKAGE} against {what}")
    unnamed = [b for b in breaks if not b.named_in(bullets)]
    for b in breaks:
        if b in unnamed:
            print(f"  BREAK, not in CHANGELOG: {b.explanation}")
            print(f"    name it in a bullet of '## Unreleased' that mentions {b.hint()}")
        else:
            print(f"  break, named in CHANGELOG: {b.explanation}")
    print(
        f"api_check: {len(breaks)} break(s), {len(unnamed)} not named in the CHANGELOG's "
        "Unreleased section"
    )
    return 1 if unnamed else 0


if __name__ == "__main__":
    sys.exit(main())
