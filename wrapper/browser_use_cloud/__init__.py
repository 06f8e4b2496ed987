"""Python SDK for the Browser Use Cloud API v1.

>>> from browser_use_cloud import BrowserUse
>>> client = BrowserUse()                      # reads BROWSER_USE_API_KEY
>>> result = client.tasks.run("Find the cheapest flight from Berlin to Rome next Friday")
>>> print(result.output)
"""

from typing import TYPE_CHECKING, Any

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BrowserUseError,
    ClientClosedError,
    ConcurrencyLimitError,
    ConflictError,
    InputError,
    InsufficientCreditsError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    StructuredOutputError,
    TaskCreationUnconfirmedError,
    TaskError,
    TaskFailedError,
    TaskStoppedError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from ._transport.log import setup_logging as _setup_logging
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncBrowserUse",
    "AsyncMapIterator",
    "AsyncTaskHandle",
    "AuthenticationError",
    "BadRequestError",
    "Balance",
    "BrowserData",
    "BrowserProfile",
    "BrowserUse",
    "BrowserUseError",
    "BudgetWaitEvent",
    "CapturedResponses",
    "ClientClosedError",
    "ConcurrencyLimitError",
    "ConflictError",
    "DuplicateGuard",
    "Hook",
    "HookEvent",
    "InputError",
    "InsufficientCreditsError",
    "InternalServerError",
    "LLMModel",
    "MapIterator",
    "MapResult",
    "NotFoundError",
    "Page",
    "PayloadTooLargeError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PollPolicy",
    "ProxyCountryCode",
    "RateLimitError",
    "RequestErrorEvent",
    "RequestEvent",
    "RequestExtras",
    "ResponseEvent",
    "ResponseInfo",
    "RetryEvent",
    "ScheduleType",
    "ScheduledTask",
    "ScheduledTaskChanges",
    "ScheduledTaskChangesWithExtras",
    "ScheduledTaskOptions",
    "ScheduledTaskOptionsWithExtras",
    "StructuredOutputError",
    "Task",
    "TaskCreationUnconfirmedError",
    "TaskError",
    "TaskFailedError",
    "TaskHandle",
    "TaskMedia",
    "TaskOptions",
    "TaskOptionsWithExtras",
    "TaskResult",
    "TaskStatus",
    "TaskStatusEvent",
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
    from ._async._client import AsyncBrowserUse
    from ._async._map import AsyncMapIterator
    from ._async._task_handle import AsyncTaskHandle
    from ._input.call_options import (
        ScheduledTaskChangesWithExtras,
        ScheduledTaskOptionsWithExtras,
        TaskOptionsWithExtras,
    )
    from ._input.structured_output import TaskResult
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
    from ._policies.map_plan import MapResult
    from ._policies.polling import PollPolicy
    from ._spec.options import ScheduledTaskChanges, ScheduledTaskOptions, TaskOptions
    from ._sync._client import BrowserUse
    from ._sync._map import MapIterator
    from ._sync._task_handle import TaskHandle
    from ._transport.hooks import (
        BudgetWaitEvent,
        Hook,
        HookEvent,
        RequestErrorEvent,
        RequestEvent,
        ResponseEvent,
        RetryEvent,
        TaskStatusEvent,
    )
    from ._transport.request_extras import RequestExtras
    from ._transport.response_info import CapturedResponses, ResponseInfo
    from ._webhooks.duplicates import DuplicateGuard, WebhookDuplicateError
    from ._webhooks.errors import (
        WebhookErrorReason,
        WebhookPayloadError,
        WebhookSignatureError,
        WebhookTimestampError,
        WebhookVerificationError,
    )
    from ._webhooks.events import TaskStatusUpdateEvent, TestEvent, WebhookEvent, WebhookTaskStatus
    from ._webhooks.receiver import WebhookApp, webhook_app
    from ._webhooks.signing import sign_webhook
    from ._webhooks.verification import verify_webhook

# Names loaded on first use: most programs need only a client, and import time counts; the
# clients too, so that `browser_use_cloud.cli --help` and tools that only verify webhooks
# do not load httpx.
_LAZY_MODULES = {
    "._async._client": ("AsyncBrowserUse",),
    "._sync._client": ("BrowserUse",),
    "._async._task_handle": ("AsyncTaskHandle",),
    "._sync._task_handle": ("TaskHandle",),
    "._async._map": ("AsyncMapIterator",),
    "._sync._map": ("MapIterator",),
    "._models": (
        "Balance",
        "BrowserData",
        "BrowserProfile",
        "LLMModel",
        "Page",
        "ProxyCountryCode",
        "ScheduleType",
        "ScheduledTask",
        "Task",
        "TaskMedia",
        "TaskStatus",
        "TaskStep",
        "TaskSummary",
        "UrlContent",
    ),
    "._transport.hooks": (
        "BudgetWaitEvent",
        "Hook",
        "HookEvent",
        "RequestErrorEvent",
        "RequestEvent",
        "ResponseEvent",
        "RetryEvent",
        "TaskStatusEvent",
    ),
    "._transport.response_info": (
        "CapturedResponses",
        "ResponseInfo",
    ),
    "._transport.request_extras": ("RequestExtras",),
    "._input.call_options": (
        "ScheduledTaskChangesWithExtras",
        "ScheduledTaskOptionsWithExtras",
        "TaskOptionsWithExtras",
    ),
    "._policies.map_plan": ("MapResult",),
    "._policies.polling": ("PollPolicy",),
    "._spec.options": ("ScheduledTaskChanges", "ScheduledTaskOptions", "TaskOptions"),
    "._input.structured_output": ("TaskResult",),
    "._webhooks.receiver": ("WebhookApp", "webhook_app"),
    "._webhooks.duplicates": ("DuplicateGuard", "WebhookDuplicateError"),
    "._webhooks.errors": (
        "WebhookErrorReason",
        "WebhookPayloadError",
        "WebhookSignatureError",
        "WebhookTimestampError",
        "WebhookVerificationError",
    ),
    "._webhooks.events": (
        "TaskStatusUpdateEvent",
        "TestEvent",
        "WebhookEvent",
        "WebhookTaskStatus",
    ),
    "._webhooks.signing": ("sign_webhook",),
    "._webhooks.verification": ("verify_webhook",),
}
_LAZY = {name: module for module, names in _LAZY_MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Load a name of `_LAZY` from its module on first use."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


_setup_logging()
