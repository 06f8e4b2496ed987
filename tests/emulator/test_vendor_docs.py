"""The vendor docs are read from ``../shared/spec`` beside the repository's root (the main
checkout, also from a linked worktree), and CI needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.reference_material as shared

from . import conftest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_docs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setattr(shared, "shared_spec_dir", lambda: tmp_path / "missing")
    monkeypatch.delenv("REFERENCE_SPECS", raising=False)
    return monkeypatch


def test_the_docs_are_found_relative_to_the_repository_root() -> None:
    assert shared.shared_spec_dir() == shared.repository_root(ROOT).parent / "shared" / "spec"
    assert (shared.shared_spec_dir() / conftest.VENDOR_DOCS).name == "cloud-api-v1-docs.txt"


def test_a_linked_worktree_finds_the_main_checkouts_shared(tmp_path: Path) -> None:
    main = tmp_path / "repos" / "main"
    worktree_git_dir = main / ".git" / "worktrees" / "feature"
    worktree_git_dir.mkdir(parents=True)
    (worktree_git_dir / "commondir").write_text("../..\n", encoding="utf-8")
    linked = tmp_path / "elsewhere" / "feature"
    linked.mkdir(parents=True)
    (linked / ".git").write_text(f"gitdir: {worktree_git_dir}\n", encoding="utf-8")
    assert shared.repository_root(linked) == main
    assert shared.repository_root(main) == main  # the main checkout (.git is a directory)
    assert shared.repository_root(tmp_path) == tmp_path  # a copy without git: itself


@pytest.mark.parametrize("ci", ["true", "1", "True"])
def test_missing_docs_fail_in_ci(ci: str, no_docs: pytest.MonkeyPatch) -> None:
    no_docs.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"cloud-api-v1-docs\.txt does not exist"):
        conftest.vendor_docs()


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_missing_docs_skip_outside_ci(ci: str | None, no_docs: pytest.MonkeyPatch) -> None:
    if ci is None:
        no_docs.delenv("CI", raising=False)
    else:
        no_docs.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match=r"cloud-api-v1-docs\.txt"):
        conftest.vendor_docs()


def test_a_ci_without_shared_says_so_and_skips(no_docs: pytest.MonkeyPatch) -> None:
    no_docs.setenv("CI", "true")
    no_docs.setenv("REFERENCE_SPECS", "optional")  # GitHub's runners
    with pytest.raises(pytest.skip.Exception):
        conftest.vendor_docs()


def test_present_docs_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / conftest.VENDOR_DOCS).write_text("BASE_URL = 'x'\n", encoding="utf-8")
    monkeypatch.setattr(shared, "shared_spec_dir", lambda: tmp_path)
    assert conftest.vendor_docs() == "BASE_URL = 'x'\n"
