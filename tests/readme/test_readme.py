"""Every Python snippet in README.md runs against the emulator, unchanged."""

from __future__ import annotations

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
    assert len(SNIPPETS) >= 9 and sum(s.is_pytest for s in SNIPPETS) == 1


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_runs(snippet: Block, emulator: Emulator, tmp_path: Path) -> None:
    if snippet.not_run:
        pytest.skip(f"{snippet.id}: {snippet.not_run}")
    check_ran(snippet, run(snippet, emulator.base_url, tmp_path))
