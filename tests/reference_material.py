"""Where the reference material is: ``../shared/spec`` beside the repository's root.

The one helper for every test that reads it (the vendor docs, the published specs). The
repository's root is the main checkout: a linked git worktree (``git worktree add``) may live
anywhere, and it finds the same ``../shared`` as the checkout it belongs to. Without the
material the tests that read it are skipped, except in CI (``CI=true``), where it must be
present unless the run declares it absent with ``REFERENCE_SPECS=optional`` (GitHub's
runners, which have only the repository).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

TREE = Path(__file__).resolve().parents[1]
"""The working tree these tests belong to (a worktree, a copy or the main checkout)."""


def repository_root(tree: Path = TREE) -> Path:
    """The main checkout of the repository `tree` belongs to (`tree` itself unless it is a
    linked worktree, whose ``.git`` file names the main checkout's git directory)."""
    marker = tree / ".git"
    if not marker.is_file():
        return tree
    text = marker.read_text(encoding="utf-8").strip()
    if not text.startswith("gitdir:"):
        return tree
    git_dir = (tree / text.removeprefix("gitdir:").strip()).resolve()
    common = git_dir / "commondir"  # a linked worktree's git dir points at the common one
    if common.is_file():
        git_dir = (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
    return git_dir.parent if git_dir.name == ".git" else tree


@functools.cache
def shared_spec_dir() -> Path:
    """``../shared/spec`` from the repository's root (whether it exists or not)."""
    return repository_root().parent / "shared" / "spec"


def shared_spec_path(name: str = "") -> Path:
    """``../shared/spec``, or the file `name` in it; skips (or fails in CI) when missing."""
    base = shared_spec_dir()
    path = base / name if name else base
    if not path.exists():
        missing = f"the reference material is missing: {path} does not exist"
        declared_absent = os.environ.get("REFERENCE_SPECS") == "optional"
        in_ci = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
        if in_ci and not declared_absent:
            pytest.fail(
                f"{missing}; CI runs with a copy of shared/ beside the clone "
                "(set REFERENCE_SPECS=optional where it cannot be)",
                pytrace=False,
            )
        pytest.skip(missing)
    return path
