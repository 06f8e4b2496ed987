"""The vendor docs are read from ``../shared/spec`` beside the repository, and CI needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.conftest as shared

from . import conftest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_docs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setattr(shared, "SHARED_SPEC", tmp_path / "missing")
    monkeypatch.delenv("REFERENCE_SPECS", raising=False)
    return monkeypatch


def test_the_docs_are_found_relative_to_the_repository_root() -> None:
    assert ROOT.parent / "shared" / "spec" == shared.SHARED_SPEC
    assert (shared.SHARED_SPEC / conftest.VENDOR_DOCS).name == "cloud-api-v1-docs.txt"


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
    monkeypatch.setattr(shared, "SHARED_SPEC", tmp_path)
    assert conftest.vendor_docs() == "BASE_URL = 'x'\n"
