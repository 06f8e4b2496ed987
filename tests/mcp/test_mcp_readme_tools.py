"""The README's tool list agrees with the tools the server offers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mcp import Client

from browser_use_cloud._operations import operations

pytestmark = pytest.mark.anyio
README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## MCP server", 1)[1].split("\n## ", 1)[0]


def test_readme_lists_every_operation_tool() -> None:
    paragraph = _section().split("**One tool per API operation**", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"`([a-z_]+)`", paragraph))
    assert set(operations()) <= listed, f"missing from README: {set(operations()) - listed}"


async def test_readme_describes_every_extra_tool(session: Client) -> None:
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", _section(), flags=re.MULTILINE))
    offered = {tool.name for tool in (await session.list_tools()).tools}
    assert rows == offered - set(operations())
