"""Why a webhook delivery was rejected: the reason codes and the exceptions carrying them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .._exceptions import BrowserUseError


class WebhookErrorReason(StrEnum):
    """Why a delivery was rejected (compares equal to its string value)."""

    MISSING_HEADER = "missing_header"
    INVALID_TIMESTAMP = "invalid_timestamp"
    TIMESTAMP_OUTSIDE_TOLERANCE = "timestamp_outside_tolerance"
    INVALID_SIGNATURE = "invalid_signature"
    MALFORMED_BODY = "malformed_body"
    NO_SECRET = "no_secret"
    DUPLICATE = "duplicate"


class WebhookVerificationError(BrowserUseError):
    """A webhook delivery was rejected; ``reason`` says why. Never carries the secret."""

    def __init__(self, message: str, reason: WebhookErrorReason) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.reason))


class WebhookSignatureError(WebhookVerificationError):
    """The signature header is missing, malformed, or matches none of the secrets."""


class WebhookTimestampError(WebhookVerificationError):
    """The timestamp header is missing, not Unix seconds, or outside the tolerance window."""


class WebhookPayloadError(WebhookVerificationError):
    """The body is not JSON, or not the event envelope this SDK understands."""


def malformed(message: str) -> WebhookPayloadError:
    """The error for a body that is not the event envelope (reason MALFORMED_BODY)."""
    return WebhookPayloadError(message, WebhookErrorReason.MALFORMED_BODY)
