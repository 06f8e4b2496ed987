"""The sync client is generated from the async one and must match the committed copy."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

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
