"""The MCP guide's tool list agrees with the tools the server offers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mcp import Client
from parity_report import require_none

from browser_use_cloud._spec.operations import operations

pytestmark = pytest.mark.anyio
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "mcp.md"


def _section(heading: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.spec_parity  # a regen adds tools; the regen workflow's pull request lists them
def test_the_guide_lists_every_operation_tool() -> None:
    listed = set(re.findall(r"`([a-z_]+)`", _section("One tool per API operation")))
    require_none(
        [
            f"MCP tool {name} ({op.method} {op.path}) is not in docs/guides/mcp.md: describe it "
            "under 'One tool per API operation'"
            for name, op in operations().items()
            if name not in listed
        ]
    )


async def test_the_guide_describes_every_extra_tool(session: Client) -> None:
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", _section("The extra tools"), flags=re.MULTILINE))
    offered = {tool.name for tool in (await session.list_tools()).tools}
    assert rows == offered - set(operations())
