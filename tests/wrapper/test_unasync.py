"""The sync client is generated from the async one and must match the committed copy."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _unasync():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("unasync", ROOT / "scripts" / "unasync.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["unasync"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_sync_package_matches_a_fresh_generation(tmp_path: Path) -> None:
    unasync = _unasync()
    fresh = tmp_path / "_sync"
    unasync.generate(fresh)
    committed = unasync.TARGET
    names = sorted(p.name for p in fresh.glob("*.py"))
    assert names == sorted(p.name for p in committed.glob("*.py"))
    stale = [n for n in names if (fresh / n).read_bytes() != (committed / n).read_bytes()]
    assert stale == [], f"run `python scripts/unasync.py`; stale: {stale}"


def test_token_rules() -> None:
    convert = _unasync().convert
    source = (
        "import anyio\n"
        "from collections.abc import AsyncIterator, Iterator\n"
        "class AsyncThing:\n"
        "    async def __aenter__(self) -> AsyncThing:\n"
        "        async with httpx.AsyncClient() as c:\n"
        "            async for x in c.aiter_bytes():\n"
        "                await anyio.sleep(1)\n"
        "        await c.aclose()\n"
    )
    assert convert(source) == (
        "import time\n"
        "from collections.abc import Iterator\n"
        "class Thing:\n"
        "    def __enter__(self) -> Thing:\n"
        "        with httpx.Client() as c:\n"
        "            for x in c.iter_bytes():\n"
        "                time.sleep(1)\n"
        "        c.close()\n"
    )


def test_a_rule_that_matches_nothing_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    unasync = _unasync()
    never = (re.compile(r"\bnever_written_anywhere\b"), "x")
    monkeypatch.setattr(unasync, "RULES", (*unasync.RULES, never))
    with pytest.raises(unasync.UnusedRuleError, match="never_written_anywhere"):
        unasync.generate(tmp_path / "_sync")
    assert unasync.main(["--check"]) == 1
    assert "never_written_anywhere" in capsys.readouterr().err


def test_every_rule_is_used_today() -> None:
    unasync = _unasync()
    used: set[int] = set()
    for source in sorted(unasync.SOURCE.glob("*.py")):
        unasync.convert(source.read_text(), used)
    assert unasync.unused_rules(used) == []


ASYNC_WORDING = re.compile(
    r"\b(async|await|asyncio|anyio|coroutines?|event loop|for blocking code)\b", re.IGNORECASE
)


def test_the_sync_package_does_not_talk_about_async_code() -> None:
    """Docstrings and comments carried over must be true of the sync code too."""
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(_unasync().TARGET.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if ASYNC_WORDING.search(line)
    ]
    assert found == []


def test_import_comments_about_anyio_do_not_reach_time() -> None:
    converted = _unasync().convert("    import anyio  # late: anyio is slow to import\n")
    assert converted == "    import time\n"
