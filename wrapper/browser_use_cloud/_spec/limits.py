"""Limits the service documents but openapi.json does not state, declared once by field name.

An input of the build: `scripts/derive_operation_table.py` (`nox -s regen`) merges them
into the schemas of the generated operation table, which the client's argument check and
the emulator's request validation read (limits the spec states, such as enums and
`minimum`/`maximum`, come from the spec itself). A test checks that every name here is a
field of a request schema in openapi.json. Plain Python with no imports from the package:
the build step loads this file on its own.
"""

from __future__ import annotations

MAX_METADATA_PAIRS = 10
MAX_METADATA_KEY_CHARS = 100
MAX_METADATA_VALUE_CHARS = 1000
MAX_AGENT_STEPS = 200
MAX_PAGE_SIZE = 100

QUERY_BOUNDS: dict[str, tuple[int, int | None]] = {"limit": (1, MAX_PAGE_SIZE)}
"""Integer query parameters: (lowest, highest or None) the service accepts (page size)."""

FIELD_BOUNDS: dict[str, tuple[int, int | None]] = {
    "max_agent_steps": (1, MAX_AGENT_STEPS),
    "browser_viewport_width": (1, None),
    "browser_viewport_height": (1, None),
    "interval_minutes": (1, None),
}
"""Integer fields: (lowest, highest or None) the service accepts."""

NON_EMPTY: dict[str, str] = {
    "task": "describe what the agent should do",
    "browser_profile_id": "name a browser profile",
    "structured_output_json": "hold a JSON Schema",
    "profile_name": "name the profile",
    "query": "say what to look for",
}
"""String fields the client refuses when empty or blank (the service cannot use them), and
what the value must do (the error says "<field> must <this>; it is empty")."""


DOCUMENTED_FIELDS = frozenset({"metadata", *FIELD_BOUNDS, *NON_EMPTY})
"""Every field name this module declares a limit for."""
