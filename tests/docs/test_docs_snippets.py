"""Every Python and console block in docs/ runs against the emulator (or says why not)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_use_cloud.emulator import Emulator
from tests.markdown_snippets import ROOT, Block, blocks, check_ran, run, running_emulator

PAGES = sorted((ROOT / "docs").rglob("*.md"))
BLOCKS = [block for page in PAGES for block in blocks(page)]


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as running:
        yield running


def test_the_docs_have_examples_in_both_languages() -> None:
    languages = {block.language for block in BLOCKS if not block.not_run}
    assert languages == {"python", "console"}, languages


@pytest.mark.parametrize("block", BLOCKS, ids=str)
def test_block_runs(block: Block, emulator: Emulator, tmp_path: Path) -> None:
    if block.not_run:
        pytest.skip(f"{block.id}: {block.not_run}")
    check_ran(block, run(block, emulator.base_url, tmp_path))
