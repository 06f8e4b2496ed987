"""Python SDK for the Browser Use Cloud API v1.

>>> from browser_use_cloud import BrowserUse
>>> client = BrowserUse()                      # reads BROWSER_USE_API_KEY
>>> result = client.tasks.run("Find the cheapest flight from Berlin to Rome next Friday")
>>> print(result.output)
"""

from typing import TYPE_CHECKING, Any

from ._async._client import AsyncBrowserUse
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BrowserUseError,
    ConcurrencyLimitError,
    ConflictError,
    InputError,
    InsufficientCreditsError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    StructuredOutputError,
    TaskError,
    TaskFailedError,
    TaskStoppedError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from ._logging import setup_logging as _setup_logging
from ._models import (
    Balance,
    BrowserData,
    BrowserProfile,
    LLMModel,
    Page,
    ProxyCountryCode,
    ScheduledTask,
    ScheduleType,
    Task,
    TaskMedia,
    TaskStatus,
    TaskStep,
    TaskSummary,
    UrlContent,
)
from ._polling import PollPolicy
from ._structured import TaskResult
from ._sync._client import BrowserUse
from ._version import __version__
from ._webhook_receiver import WebhookApp, webhook_app
from ._webhooks import (
    DuplicateGuard,
    TaskStatusUpdateEvent,
    TestEvent,
    WebhookDuplicateError,
    WebhookErrorReason,
    WebhookEvent,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookTaskStatus,
    WebhookTimestampError,
    WebhookVerificationError,
    sign_webhook,
    verify_webhook,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncBrowserUse",
    "AsyncTaskHandle",
    "AuthenticationError",
    "BadRequestError",
    "Balance",
    "BrowserData",
    "BrowserProfile",
    "BrowserUse",
    "BrowserUseError",
    "ConcurrencyLimitError",
    "ConflictError",
    "DuplicateGuard",
    "InputError",
    "InsufficientCreditsError",
    "InternalServerError",
    "LLMModel",
    "NotFoundError",
    "Page",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PollPolicy",
    "ProxyCountryCode",
    "RateLimitError",
    "ScheduleType",
    "ScheduledTask",
    "StructuredOutputError",
    "Task",
    "TaskError",
    "TaskFailedError",
    "TaskHandle",
    "TaskMedia",
    "TaskOptions",
    "TaskResult",
    "TaskStatus",
    "TaskStatusUpdateEvent",
    "TaskStep",
    "TaskStoppedError",
    "TaskSummary",
    "TestEvent",
    "UnprocessableEntityError",
    "UrlContent",
    "WaitTimeoutError",
    "WebhookApp",
    "WebhookDuplicateError",
    "WebhookErrorReason",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookTaskStatus",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "__version__",
    "sign_webhook",
    "verify_webhook",
    "webhook_app",
]

if TYPE_CHECKING:
    from ._async._tasks import AsyncTaskHandle, TaskOptions
    from ._sync._tasks import TaskHandle

_LAZY = {
    "AsyncTaskHandle": "._async._tasks",
    "TaskOptions": "._async._tasks",
    "TaskHandle": "._sync._tasks",
}


def __getattr__(name: str) -> Any:
    """Names whose modules pull in the generated client load on first use."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_setup_logging()
