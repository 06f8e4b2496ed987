"""Claims about billing in the help() texts come from the vendor docs or the spec, or go.

Every docstring reachable from `browser_use_cloud.__all__` and the client's resources is
scanned for billing claims ("billed per call", "charged per ..."); each must be found in
the vendor documentation or in openapi.json.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from pathlib import Path

import browser_use_cloud as bu
from tests.reference_material import shared_spec_path

ROOT = Path(__file__).resolve().parents[2]
CLAIM = re.compile(r"\b(?:billed|charged|costs?)\s+(?:per|for each|by the)\s+\w+", re.IGNORECASE)


def _docstrings() -> Iterator[tuple[str, str]]:
    client = bu.BrowserUse(api_key="k", base_url="http://127.0.0.1:9/api/v1")
    async_client = bu.AsyncBrowserUse(api_key="k", base_url="http://127.0.0.1:9/api/v1")
    objects: list[tuple[str, object]] = [(name, getattr(bu, name)) for name in bu.__all__]
    for prefix, owner in (("BrowserUse", client), ("AsyncBrowserUse", async_client)):
        for resource in ("tasks", "scheduled_tasks", "files", "browser_profiles", "search"):
            objects.append((f"{prefix}.{resource}", type(getattr(owner, resource))))
    for name, obj in objects:
        yield name, inspect.getdoc(obj) or ""
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if callable(member) and not attr.startswith("_"):
                    yield f"{name}.{attr}", inspect.getdoc(member) or ""
    client.close()


def _sources() -> str:
    docs = shared_spec_path("cloud-api-v1-docs.txt")  # skipped where CI declares it absent
    spec = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    return (docs.read_text(encoding="utf-8") + json.dumps(spec)).lower()


def test_billing_claims_in_docstrings_are_sourced() -> None:
    sources = _sources()
    unsourced = [
        f"{where}: {match.group(0)!r}"
        for where, doc in _docstrings()
        for match in CLAIM.finditer(doc)
        if match.group(0).lower() not in sources
    ]
    assert unsourced == [], "claims found in neither the vendor docs nor the spec"
