"""Check run-task arguments before anything is sent, and build the JSON body (pure).

Only the fields a caller set are put in the body, so the service keeps its own defaults.
`llm_model` and `proxy_country_code` must be values the spec lists; pass
`allow_unknown=True` to send a newer value on purpose.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from ._exceptions import InputError
from ._structured_output import check_schema
from ._validate import check_bool, check_int

REQUEST_ID_KEY = "bu_request_id"
"""Metadata key that carries the client request id used to avoid duplicate tasks."""

MAX_AGENT_STEPS = 200
MAX_METADATA_PAIRS = 10
MAX_METADATA_KEY_CHARS = 100
MAX_METADATA_VALUE_CHARS = 1000

_DOMAIN_LABEL = re.compile(r"^[^\s/:*?#@\\]+$")


def new_request_id() -> str:
    """A fresh random client request id."""
    return "bu-" + uuid.uuid4().hex


def _known(enum_name: str) -> frozenset[str]:
    from browser_use_cloud_api import models

    return frozenset(member.value for member in getattr(models, enum_name))


def known_llm_models() -> frozenset[str]:
    """The LLM model names the spec lists."""
    return _known("LLMModel")


def known_proxy_country_codes() -> frozenset[str]:
    """The proxy country codes the spec lists."""
    return _known("ProxyCountryCode")


def _check_enum(name: str, value: object, known: frozenset[str], allow_unknown: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {type(value).__name__}")
    if value in known or allow_unknown:
        return str(value)
    hint = ""
    if value.lower() in known:
        hint = f" (did you mean {value.lower()!r}?)"
    allowed = ", ".join(sorted(known))
    raise InputError(
        f"{name}={value!r} is not a known value{hint}; allowed: {allowed}. "
        "Pass allow_unknown=True to send a newer value on purpose."
    )


def _check_str_list(name: str, value: object) -> list[str]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | set | frozenset):
        raise InputError(f"{name} must be a list of strings, got {type(value).__name__}")
    items: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"{name} must contain only non-empty strings, got {item!r}")
        items.append(item)
    return items


def check_domain(pattern: str) -> None:
    """Reject an allowed-domains entry that is not a host name or a `*.` host pattern."""
    if "://" in pattern:
        raise InputError(
            f"allowed_domains entry {pattern!r} has a scheme; give only the host, "
            "e.g. 'example.com' or '*.example.com'"
        )
    host = pattern.split(":", 1)[0] if pattern.count(":") == 1 else pattern
    body = host[2:] if host.startswith("*.") else host
    if "/" in pattern or not body or not all(_DOMAIN_LABEL.match(p) for p in body.split(".")):
        raise InputError(
            f"allowed_domains entry {pattern!r} is not a domain; use a host name such as "
            "'example.com' or a pattern such as '*.example.com' (no scheme, path, spaces, "
            "or '*' other than a leading '*.')"
        )


def _check_str_map(name: str, value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InputError(f"{name} must be a dict of str to str, got {type(value).__name__}")
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise InputError(f"{name} keys must be non-empty strings, got {key!r}")
        if not isinstance(item, str):
            # Never echo the value: for secrets it is confidential.
            raise InputError(f"{name}[{key!r}] must be a string, got {type(item).__name__}")
        out[key] = item
    return out


def check_metadata(metadata: Mapping[str, str] | None, request_id: str | None) -> dict[str, str]:
    """Validate metadata against the service limits, counting the request id pair."""
    out = _check_str_map("metadata", metadata) if metadata is not None else {}
    if request_id is not None:
        if REQUEST_ID_KEY in out:
            raise InputError(
                f"metadata key {REQUEST_ID_KEY!r} is reserved for the client request id; "
                "pass request_id='...' to choose it, or request_id=False to use the key yourself"
            )
        out[REQUEST_ID_KEY] = request_id
    if len(out) > MAX_METADATA_PAIRS:
        extra = " (including the request id pair; request_id=False frees it)" if request_id else ""
        raise InputError(
            f"metadata may hold at most {MAX_METADATA_PAIRS} pairs{extra}, got {len(out)}"
        )
    for key, value in out.items():
        if len(key) > MAX_METADATA_KEY_CHARS:
            raise InputError(
                f"metadata key {key[:20]!r}... is {len(key)} characters; "
                f"the limit is {MAX_METADATA_KEY_CHARS}"
            )
        if len(value) > MAX_METADATA_VALUE_CHARS:
            raise InputError(
                f"metadata[{key!r}] is {len(value)} characters; "
                f"the limit is {MAX_METADATA_VALUE_CHARS}"
            )
    return out


def check_schema_json(text: object) -> str:
    """`structured_output_json` as given, once it parses to a plausible JSON Schema object."""
    hint = (
        "pass a JSON Schema object serialised as a string (json.dumps), "
        "or the schema itself as output_type= (a dict or a pydantic model class)"
    )
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"structured_output_json must be a non-empty string; {hint}")
    try:
        schema = json.loads(text)
    except ValueError as exc:
        raise InputError(f"structured_output_json is not valid JSON ({exc}); {hint}") from None
    check_schema(schema, "structured_output_json")
    return text


def resolve_request_id(request_id: bool | str) -> str | None:
    """Map the `request_id=` argument to the id to send (None: opted out)."""
    if request_id is True:
        return new_request_id()
    if request_id is False:
        return None
    if not isinstance(request_id, str) or not request_id.strip():
        raise InputError("request_id must be True, False or a non-empty string")
    if len(request_id) > MAX_METADATA_VALUE_CHARS:
        raise InputError(f"request_id may be at most {MAX_METADATA_VALUE_CHARS} characters")
    return request_id


def build_run_task_body(
    task: str,
    *,
    llm_model: str | None = None,
    secrets: Mapping[str, str] | None = None,
    allowed_domains: Sequence[str] | None = None,
    save_browser_data: bool | None = None,
    structured_output_json: str | None = None,
    highlight_elements: bool | None = None,
    included_file_names: Sequence[str] | None = None,
    max_agent_steps: int | None = None,
    enable_public_share: bool | None = None,
    browser_profile_id: str | None = None,
    use_adblock: bool | None = None,
    use_proxy: bool | None = None,
    proxy_country_code: str | None = None,
    browser_viewport_width: int | None = None,
    browser_viewport_height: int | None = None,
    metadata: Mapping[str, str] | None = None,
    request_id: str | None = None,
    allow_unknown: bool = False,
) -> dict[str, Any]:
    """Validate run-task arguments and return the request body (unset fields left out)."""
    if not isinstance(task, str):
        raise InputError(f"task must be a string, got {type(task).__name__}")
    if not task.strip():
        raise InputError("task must describe what the agent should do; it is empty")
    body: dict[str, Any] = {"task": task}
    if llm_model is not None:
        body["llm_model"] = _check_enum("llm_model", llm_model, known_llm_models(), allow_unknown)
    if secrets is not None:
        body["secrets"] = _check_str_map("secrets", secrets)
    if allowed_domains is not None:
        domains = _check_str_list("allowed_domains", allowed_domains)
        for domain in domains:
            check_domain(domain)
        body["allowed_domains"] = domains
    for name, flag in (
        ("save_browser_data", save_browser_data),
        ("highlight_elements", highlight_elements),
        ("enable_public_share", enable_public_share),
        ("use_adblock", use_adblock),
        ("use_proxy", use_proxy),
    ):
        if flag is not None:
            body[name] = check_bool(name, flag)
    if structured_output_json is not None:
        body["structured_output_json"] = check_schema_json(structured_output_json)
    if included_file_names is not None:
        body["included_file_names"] = _check_str_list("included_file_names", included_file_names)
    if max_agent_steps is not None:
        body["max_agent_steps"] = check_int("max_agent_steps", max_agent_steps, 1, MAX_AGENT_STEPS)
    if browser_profile_id is not None:
        if not isinstance(browser_profile_id, str) or not browser_profile_id.strip():
            raise InputError("browser_profile_id must be a non-empty string")
        body["browser_profile_id"] = browser_profile_id
    if proxy_country_code is not None:
        body["proxy_country_code"] = check_proxy_country_code(
            proxy_country_code, allow_unknown=allow_unknown
        )
    for name, size in (
        ("browser_viewport_width", browser_viewport_width),
        ("browser_viewport_height", browser_viewport_height),
    ):
        if size is not None:
            body[name] = check_int(name, size, 1)
    if metadata is not None or request_id is not None:
        body["metadata"] = check_metadata(metadata, request_id)
    return body


def check_proxy_country_code(value: object, *, allow_unknown: bool = False) -> str:
    """A proxy country the spec lists: the one rule of every call that takes one."""
    return _check_enum("proxy_country_code", value, known_proxy_country_codes(), allow_unknown)
