"""Contains all the data models used in inputs/outputs"""

from .check_user_balance_response import CheckUserBalanceResponse
from .create_browser_profile_request import CreateBrowserProfileRequest
from .create_browser_profile_response import CreateBrowserProfileResponse
from .delete_browser_profile_response import DeleteBrowserProfileResponse
from .get_browser_profile_response import GetBrowserProfileResponse
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
from .scheduled_task_request import ScheduledTaskRequest
from .scheduled_task_request_metadata_type_0 import ScheduledTaskRequestMetadataType0
from .scheduled_task_request_secrets_type_0 import ScheduledTaskRequestSecretsType0
from .scheduled_task_response import ScheduledTaskResponse
from .search_url_request import SearchUrlRequest
from .simple_search_request import SimpleSearchRequest
from .simple_search_response import SimpleSearchResponse
from .task_browser_data_response import TaskBrowserDataResponse
from .task_browser_data_response_cookies_item import TaskBrowserDataResponseCookiesItem
from .task_created_response import TaskCreatedResponse
from .task_gif_response import TaskGifResponse
from .task_media_response import TaskMediaResponse
from .task_output_file_response import TaskOutputFileResponse
from .task_response import TaskResponse
from .task_response_metadata_type_0 import TaskResponseMetadataType0
from .task_screenshots_response import TaskScreenshotsResponse
from .task_simple_response import TaskSimpleResponse
from .task_simple_response_metadata_type_0 import TaskSimpleResponseMetadataType0
from .task_status_enum import TaskStatusEnum
from .task_step_response import TaskStepResponse
from .update_browser_profile_request import UpdateBrowserProfileRequest
from .update_browser_profile_response import UpdateBrowserProfileResponse
from .update_scheduled_task_request import UpdateScheduledTaskRequest
from .update_scheduled_task_request_metadata_type_0 import UpdateScheduledTaskRequestMetadataType0
from .upload_file_request import UploadFileRequest
from .upload_file_response import UploadFileResponse
from .url_response import UrlResponse
from .validation_error import ValidationError

__all__ = (
    "CheckUserBalanceResponse",
    "CreateBrowserProfileRequest",
    "CreateBrowserProfileResponse",
    "DeleteBrowserProfileResponse",
    "GetBrowserProfileResponse",
    "HTTPValidationError",
    "ListBrowserProfilesResponse",
    "ListScheduledTasksResponse",
    "ListTasksResponse",
    "LLMModel",
    "ProxyCountryCode",
    "RunTaskRequest",
    "RunTaskRequestMetadataType0",
    "RunTaskRequestSecretsType0",
    "ScheduledTaskRequest",
    "ScheduledTaskRequestMetadataType0",
    "ScheduledTaskRequestSecretsType0",
    "ScheduledTaskResponse",
    "ScheduleType",
    "SearchUrlRequest",
    "SimpleSearchRequest",
    "SimpleSearchResponse",
    "TaskBrowserDataResponse",
    "TaskBrowserDataResponseCookiesItem",
    "TaskCreatedResponse",
    "TaskGifResponse",
    "TaskMediaResponse",
    "TaskOutputFileResponse",
    "TaskResponse",
    "TaskResponseMetadataType0",
    "TaskScreenshotsResponse",
    "TaskSimpleResponse",
    "TaskSimpleResponseMetadataType0",
    "TaskStatusEnum",
    "TaskStepResponse",
    "UpdateBrowserProfileRequest",
    "UpdateBrowserProfileResponse",
    "UpdateScheduledTaskRequest",
    "UpdateScheduledTaskRequestMetadataType0",
    "UploadFileRequest",
    "UploadFileResponse",
    "UrlResponse",
    "ValidationError",
)
