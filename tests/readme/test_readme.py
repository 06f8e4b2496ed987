"""Every Python snippet in README.md runs against the emulator, unchanged (the guides'
examples are run by tests/docs)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_use_cloud.emulator import Emulator
from tests.markdown_snippets import ROOT, Block, blocks, check_ran, run, running_emulator

SNIPPETS = blocks(ROOT / "README.md", languages=("python",))


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as running:
        yield running


def test_the_readme_has_the_tour() -> None:
    assert len(SNIPPETS) >= 3 and sum(s.is_pytest for s in SNIPPETS) == 1


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_runs(snippet: Block, emulator: Emulator, tmp_path: Path) -> None:
    if snippet.not_run:
        pytest.skip(f"{snippet.id}: {snippet.not_run}")
    check_ran(snippet, run(snippet, emulator.base_url, tmp_path))


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_the_readme_says_how_a_new_user_starts() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = _section(text, "Set-up")
    assert "nox -s demo" in setup and "simulated" in setup  # what the demo shows
    assert re.search(r"\d+ s\b", setup), "how long the first set-up takes"
    assert 'pip install ".[cli]"' in _section(text, "Install")  # from a checkout
    tour = _section(text, "A short tour")
    for needed in ("browser_use_cloud.emulator", "BROWSER_USE_BASE_URL", "BROWSER_USE_API_KEY"):
        assert needed in tour, f"the tour does not say how to reach the emulator ({needed})"


@pytest.mark.parametrize("extra", ["pydantic"])
def test_a_snippet_that_needs_an_extra_says_so(extra: str) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    users = [s for s in SNIPPETS if re.search(rf"^(from|import) {extra}\b", s.code, re.M)]
    assert users, f"no snippet uses {extra}: drop it from this test"
    for snippet in users:
        lines = text.splitlines()[: snippet.line - 1]
        intro = "\n".join(lines[-4:])
        assert f"[{extra}]" in intro, f"{snippet.id} needs the [{extra}] extra; say so before it"
