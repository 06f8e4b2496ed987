"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .browser_data import BrowserData
    from .browser_data_cookies_item import BrowserDataCookiesItem
    from .browser_profile import BrowserProfile
    from .check_user_balance_response import CheckUserBalanceResponse
    from .create_browser_profile_request import CreateBrowserProfileRequest
    from .create_browser_profile_response import CreateBrowserProfileResponse
    from .delete_browser_profile_response import DeleteBrowserProfileResponse
    from .http_validation_error import HTTPValidationError
    from .list_browser_profiles_response import ListBrowserProfilesResponse
    from .list_scheduled_tasks_response import ListScheduledTasksResponse
    from .list_tasks_response import ListTasksResponse
    from .llm_model import LLMModel
    from .proxy_country_code import ProxyCountryCode
    from .run_task_request import RunTaskRequest
    from .run_task_request_metadata_type_0 import RunTaskRequestMetadataType0
    from .run_task_request_secrets_type_0 import RunTaskRequestSecretsType0
    from .schedule_type import ScheduleType
    from .scheduled_task import ScheduledTask
    from .scheduled_task_metadata_type_0 import ScheduledTaskMetadataType0
    from .scheduled_task_request import ScheduledTaskRequest
    from .scheduled_task_request_metadata_type_0 import ScheduledTaskRequestMetadataType0
    from .scheduled_task_request_secrets_type_0 import ScheduledTaskRequestSecretsType0
    from .search_url_request import SearchUrlRequest
    from .simple_search_request import SimpleSearchRequest
    from .simple_search_response import SimpleSearchResponse
    from .task import Task
    from .task_created_response import TaskCreatedResponse
    from .task_gif_response import TaskGifResponse
    from .task_media import TaskMedia
    from .task_metadata_type_0 import TaskMetadataType0
    from .task_output_file_response import TaskOutputFileResponse
    from .task_screenshots_response import TaskScreenshotsResponse
    from .task_status import TaskStatus
    from .task_step import TaskStep
    from .task_summary import TaskSummary
    from .task_summary_metadata_type_0 import TaskSummaryMetadataType0
    from .update_browser_profile_request import UpdateBrowserProfileRequest
    from .update_browser_profile_response import UpdateBrowserProfileResponse
    from .update_scheduled_task_request import UpdateScheduledTaskRequest
    from .update_scheduled_task_request_metadata_type_0 import (
        UpdateScheduledTaskRequestMetadataType0,
    )
    from .upload_file_request import UploadFileRequest
    from .upload_file_response import UploadFileResponse
    from .url_content import UrlContent
    from .validation_error import ValidationError

_MODULES = {
    "BrowserData": ".browser_data",
    "BrowserDataCookiesItem": ".browser_data_cookies_item",
    "BrowserProfile": ".browser_profile",
    "CheckUserBalanceResponse": ".check_user_balance_response",
    "CreateBrowserProfileRequest": ".create_browser_profile_request",
    "CreateBrowserProfileResponse": ".create_browser_profile_response",
    "DeleteBrowserProfileResponse": ".delete_browser_profile_response",
    "HTTPValidationError": ".http_validation_error",
    "ListBrowserProfilesResponse": ".list_browser_profiles_response",
    "ListScheduledTasksResponse": ".list_scheduled_tasks_response",
    "ListTasksResponse": ".list_tasks_response",
    "LLMModel": ".llm_model",
    "ProxyCountryCode": ".proxy_country_code",
    "RunTaskRequest": ".run_task_request",
    "RunTaskRequestMetadataType0": ".run_task_request_metadata_type_0",
    "RunTaskRequestSecretsType0": ".run_task_request_secrets_type_0",
    "ScheduleType": ".schedule_type",
    "ScheduledTask": ".scheduled_task",
    "ScheduledTaskMetadataType0": ".scheduled_task_metadata_type_0",
    "ScheduledTaskRequest": ".scheduled_task_request",
    "ScheduledTaskRequestMetadataType0": ".scheduled_task_request_metadata_type_0",
    "ScheduledTaskRequestSecretsType0": ".scheduled_task_request_secrets_type_0",
    "SearchUrlRequest": ".search_url_request",
    "SimpleSearchRequest": ".simple_search_request",
    "SimpleSearchResponse": ".simple_search_response",
    "Task": ".task",
    "TaskCreatedResponse": ".task_created_response",
    "TaskGifResponse": ".task_gif_response",
    "TaskMedia": ".task_media",
    "TaskMetadataType0": ".task_metadata_type_0",
    "TaskOutputFileResponse": ".task_output_file_response",
    "TaskScreenshotsResponse": ".task_screenshots_response",
    "TaskStatus": ".task_status",
    "TaskStep": ".task_step",
    "TaskSummary": ".task_summary",
    "TaskSummaryMetadataType0": ".task_summary_metadata_type_0",
    "UpdateBrowserProfileRequest": ".update_browser_profile_request",
    "UpdateBrowserProfileResponse": ".update_browser_profile_response",
    "UpdateScheduledTaskRequest": ".update_scheduled_task_request",
    "UpdateScheduledTaskRequestMetadataType0": ".update_scheduled_task_request_metadata_type_0",
    "UploadFileRequest": ".upload_file_request",
    "UploadFileResponse": ".upload_file_response",
    "UrlContent": ".url_content",
    "ValidationError": ".validation_error",
}

__all__ = (
    "BrowserData",
    "BrowserDataCookiesItem",
    "BrowserProfile",
    "CheckUserBalanceResponse",
    "CreateBrowserProfileRequest",
    "CreateBrowserProfileResponse",
    "DeleteBrowserProfileResponse",
    "HTTPValidationError",
    "ListBrowserProfilesResponse",
    "ListScheduledTasksResponse",
    "ListTasksResponse",
    "LLMModel",
    "ProxyCountryCode",
    "RunTaskRequest",
    "RunTaskRequestMetadataType0",
    "RunTaskRequestSecretsType0",
    "ScheduledTask",
    "ScheduledTaskMetadataType0",
    "ScheduledTaskRequest",
    "ScheduledTaskRequestMetadataType0",
    "ScheduledTaskRequestSecretsType0",
    "ScheduleType",
    "SearchUrlRequest",
    "SimpleSearchRequest",
    "SimpleSearchResponse",
    "Task",
    "TaskCreatedResponse",
    "TaskGifResponse",
    "TaskMedia",
    "TaskMetadataType0",
    "TaskOutputFileResponse",
    "TaskScreenshotsResponse",
    "TaskStatus",
    "TaskStep",
    "TaskSummary",
    "TaskSummaryMetadataType0",
    "UpdateBrowserProfileRequest",
    "UpdateBrowserProfileResponse",
    "UpdateScheduledTaskRequest",
    "UpdateScheduledTaskRequestMetadataType0",
    "UploadFileRequest",
    "UploadFileResponse",
    "UrlContent",
    "ValidationError",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module, __name__), name)
