"""The vendor docs are read from ``../shared/spec`` beside the repository, and CI needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import conftest

ROOT = Path(__file__).resolve().parents[2]


def test_the_docs_are_found_relative_to_the_repository_root() -> None:
    expected = ROOT.parent / "shared" / "spec" / "cloud-api-v1-docs.txt"
    assert expected == conftest.VENDOR_DOCS


@pytest.mark.parametrize("ci", ["true", "1", "True"])
def test_missing_docs_fail_in_ci(ci: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "VENDOR_DOCS", tmp_path / "missing.txt")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"\.\./shared/spec"):
        conftest.vendor_docs()


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_missing_docs_skip_outside_ci(
    ci: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(conftest, "VENDOR_DOCS", tmp_path / "missing.txt")
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match=r"missing\.txt"):
        conftest.vendor_docs()


def test_present_docs_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    docs = tmp_path / "docs.txt"
    docs.write_text("BASE_URL = 'x'\n", encoding="utf-8")
    monkeypatch.setattr(conftest, "VENDOR_DOCS", docs)
    assert conftest.vendor_docs() == "BASE_URL = 'x'\n"
