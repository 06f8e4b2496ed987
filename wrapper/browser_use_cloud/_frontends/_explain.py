"""One line that says what an API error means and what to do about it.

Shared by the CLI (printed on stderr) and the MCP server (returned as a tool error).
Built from the exception's fields, which never carry the API key or a task's secrets.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from .._env import API_KEY_ENV, BASE_URL_ENV
from .._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConcurrencyLimitError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
)

KNOWN_VALUES_ONLY = "Use one of those; a newer browser-use-cloud knows newer values."
"""The end of an unknown-enum error where the caller has no way to send a value the spec
does not list (an MCP tool call, a CLI option that refuses them): not `allow_unknown=True`,
which only the library takes."""


def explain_api_error(
    exc: APIError, *, subject: str, names: Mapping[str, str] | None = None
) -> str:
    """What went wrong and how to fix it. `subject` is what was asked for ("task 'abc'");
    `names` maps request fields to what the caller calls them (a CLI option)."""
    if isinstance(exc, AuthenticationError):
        return (
            "the API key was rejected (401). Check the key in "
            f"{API_KEY_ENV} or --api-key (keys are at https://cloud.browser-use.com)."
        )
    if isinstance(exc, NotFoundError):
        return f"{subject} was not found (404). Check the id and try again."
    if isinstance(exc, UnprocessableEntityError):
        return _validation_line(exc, names or {})
    if isinstance(exc, PaymentRequiredError):
        return "not enough credits (402). Top up the account, then try again."
    if isinstance(exc, ConcurrencyLimitError):
        return "too many tasks are running at once (429). Stop or wait for one, then retry."
    if isinstance(exc, RateLimitError):
        wait = f" Retry in {exc.retry_after:g} s." if exc.retry_after else " Retry shortly."
        return f"rate limited by the API (429).{wait}"
    if isinstance(exc, APIStatusError):
        detail = exc.detail if isinstance(exc.detail, str) else exc.message
        return f"the API refused the request ({exc.status_code}): {detail}"
    if isinstance(exc, APITimeoutError):
        return (
            f"the request to {exc.url} timed out. Check the network and "
            f"--base-url / {BASE_URL_ENV}, then try again."
        )
    if isinstance(exc, APIConnectionError):
        reason = _reason(exc)
        if reason == "unknown host":
            return (
                f"the host name {httpx.URL(exc.url).host!r} does not resolve (no network, or "
                f"a typo in --base-url / {BASE_URL_ENV}). Check both, then try again."
            )
        return (
            f"could not connect to {exc.url} ({reason}). Is the service running? "
            f"Check --base-url / {BASE_URL_ENV}."
        )
    if isinstance(exc, APIResponseValidationError):
        return f"the API sent a response this version cannot read: {exc.message}"
    return exc.message


def _validation_line(exc: UnprocessableEntityError, names: Mapping[str, str]) -> str:
    parts = []
    for loc, msg in exc.errors:
        fields = [str(p) for p in loc if p not in ("body", "query", "path")]
        field = ".".join(fields) or "request"
        name = names.get(fields[0]) if fields else None
        shown = f"{field} ({name})" if name else field
        parts.append(f"{shown}: {msg}")
    detail = "; ".join(parts) or exc.message
    return f"the API rejected a field (422): {detail}. Fix the value and try again."


def _reason(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__
    text = str(cause or exc).lower()
    if "refused" in text or "errno 111" in text:
        return "connection refused"
    if "name or service" in text or "nodename" in text or "getaddrinfo" in text:
        return "unknown host"
    return "no response"


def wait_timeout_state(exc: WaitTimeoutError, *, resume: str) -> str:
    """Where a task stands after a wait gave up; `resume` says how the caller resumes it."""
    if exc.stopped:
        return "it was stopped"
    if exc.last_status == "paused":
        return f"it is paused ({resume} continues it)"
    return "it has not ended"


def no_api_key(*, local_hint: bool) -> str:
    """No API key: say how to give one (and about the emulator where it applies)."""
    emulator = (
        "or use --local to run on the built-in emulator"
        if local_hint
        else "or, for a local emulator, start `browser-use-cloud emulator` and pass "
        "--base-url URL --api-key any"
    )
    return f"no API key. Set one with `export {API_KEY_ENV}=bu_...` or pass --api-key, {emulator}."
