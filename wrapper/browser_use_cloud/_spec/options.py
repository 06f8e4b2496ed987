"""Request options of the wrapper's methods, derived from the spec's request schemas.

GENERATED from openapi.json by scripts/derive_surface.py (`nox -s regen`); do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict


class TaskOptions(TypedDict, total=False):
    """Optional settings of `tasks.create()` and `tasks.run()`; only those given are sent (None
    leaves one out).

    - `secrets`: Named values (passwords, codes) the agent may type but that are never shown in its
      steps. Stored encrypted.
    - `allowed_domains`: Domains the agent may visit; any domain when unset. Set it whenever secrets
      are given.
    - `save_browser_data`: Keep the session's cookies and return them in the task's browser_data.
    - `structured_output_json`: A JSON Schema, serialised as a string, that the final output must
      follow.
    - `llm_model`: Model the agent runs on; the service picks its default when unset.
    - `highlight_elements`: Draw outlines around the page elements the agent considers.
    - `included_file_names`: Names of previously uploaded files to make available to the agent.
    - `max_agent_steps`: Upper bound on the steps the agent may take; the service accepts up to 200.
    - `enable_public_share`: Create a public link to watch the task.
    - `browser_profile_id`: Browser profile to run with; the account's default profile when unset.
    - `use_adblock`: Block ads; overrides the profile's setting.
    - `use_proxy`: Route traffic through a residential proxy, which captcha solving needs; overrides
      the profile's setting.
    - `proxy_country_code`: Country the proxy exits from; overrides the profile's setting.
    - `browser_viewport_width`: Viewport width in pixels; overrides the profile's setting.
    - `browser_viewport_height`: Viewport height in pixels; overrides the profile's setting.
    - `metadata`: Your own string tags for the task, returned with it and in webhooks: at most 10
      pairs, keys of 1 to 100 characters, values of at most 1000.
    - `allow_unknown`: Send enum values the spec does not list (a newer model or country) on
      purpose.
    """

    secrets: Mapping[str, str] | None
    allowed_domains: Sequence[str] | None
    save_browser_data: bool | None
    structured_output_json: str | None
    llm_model: str | None
    highlight_elements: bool | None
    included_file_names: Sequence[str] | None
    max_agent_steps: int | None
    enable_public_share: bool | None
    browser_profile_id: str | None
    use_adblock: bool | None
    use_proxy: bool | None
    proxy_country_code: str | None
    browser_viewport_width: int | None
    browser_viewport_height: int | None
    metadata: Mapping[str, str] | None
    allow_unknown: bool


class ScheduledTaskOptions(TypedDict, total=False):
    """Optional run settings of `scheduled_tasks.create()`; only those given are sent.

    - `allowed_domains`: Domains the agent may visit; any domain when unset. Set it whenever secrets
      are given.
    - `save_browser_data`: Keep the session's cookies and return them in the task's browser_data.
    - `structured_output_json`: A JSON Schema, serialised as a string, that the final output must
      follow.
    - `llm_model`: Model the agent runs on; the service picks its default when unset.
    - `highlight_elements`: Draw outlines around the page elements the agent considers.
    - `included_file_names`: Names of previously uploaded files to make available to the agent.
    - `max_agent_steps`: Upper bound on the steps the agent may take; the service accepts up to 200.
    - `enable_public_share`: Create a public link to watch the task.
    - `browser_profile_id`: Browser profile to run with; the account's default profile when unset.
    - `use_adblock`: Block ads; overrides the profile's setting.
    - `use_proxy`: Route traffic through a residential proxy, which captcha solving needs; overrides
      the profile's setting.
    - `proxy_country_code`: Country the proxy exits from; overrides the profile's setting.
    - `browser_viewport_width`: Viewport width in pixels; overrides the profile's setting.
    - `browser_viewport_height`: Viewport height in pixels; overrides the profile's setting.
    - `metadata`: Your own string tags for the task, returned with it and in webhooks: at most 10
      pairs, keys of 1 to 100 characters, values of at most 1000.
    - `allow_unknown`: Send enum values the spec does not list (a newer model or country) on
      purpose.
    """

    allowed_domains: Sequence[str] | None
    save_browser_data: bool | None
    structured_output_json: str | None
    llm_model: str | None
    highlight_elements: bool | None
    included_file_names: Sequence[str] | None
    max_agent_steps: int | None
    enable_public_share: bool | None
    browser_profile_id: str | None
    use_adblock: bool | None
    use_proxy: bool | None
    proxy_country_code: str | None
    browser_viewport_width: int | None
    browser_viewport_height: int | None
    metadata: Mapping[str, str] | None
    allow_unknown: bool


class ScheduledTaskChanges(TypedDict, total=False):
    """Fields `scheduled_tasks.update()` can change; None leaves a field as it is.

    - `task`: New instructions for the agent.
    - `is_active`: Whether the schedule starts runs.
    - `use_adblock`: Block ads; overrides the profile's setting.
    - `use_proxy`: Route traffic through a residential proxy, which captcha solving needs; overrides
      the profile's setting.
    - `highlight_elements`: Draw outlines around the page elements the agent considers.
    - `llm_model`: Model the agent runs on; the service picks its default when unset.
    - `save_browser_data`: Keep the session's cookies and return them in the task's browser_data.
    - `structured_output_json`: A JSON Schema, serialised as a string, that the final output must
      follow.
    - `metadata`: Your own string tags for the task, returned with it and in webhooks: at most 10
      pairs, keys of 1 to 100 characters, values of at most 1000.
    - `allow_unknown`: Send enum values the spec does not list (a newer model or country) on
      purpose.
    """

    task: str | None
    is_active: bool | None
    use_adblock: bool | None
    use_proxy: bool | None
    highlight_elements: bool | None
    llm_model: str | None
    save_browser_data: bool | None
    structured_output_json: str | None
    metadata: Mapping[str, str] | None
    allow_unknown: bool


# TypedDict -> (its request schema, the fields it offers).
OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "TaskOptions": (
        "RunTaskRequest",
        (
            "secrets",
            "allowed_domains",
            "save_browser_data",
            "structured_output_json",
            "llm_model",
            "highlight_elements",
            "included_file_names",
            "max_agent_steps",
            "enable_public_share",
            "browser_profile_id",
            "use_adblock",
            "use_proxy",
            "proxy_country_code",
            "browser_viewport_width",
            "browser_viewport_height",
            "metadata",
        ),
    ),
    "ScheduledTaskOptions": (
        "ScheduledTaskRequest",
        (
            "allowed_domains",
            "save_browser_data",
            "structured_output_json",
            "llm_model",
            "highlight_elements",
            "included_file_names",
            "max_agent_steps",
            "enable_public_share",
            "browser_profile_id",
            "use_adblock",
            "use_proxy",
            "proxy_country_code",
            "browser_viewport_width",
            "browser_viewport_height",
            "metadata",
        ),
    ),
    "ScheduledTaskChanges": (
        "UpdateScheduledTaskRequest",
        (
            "task",
            "is_active",
            "use_adblock",
            "use_proxy",
            "highlight_elements",
            "llm_model",
            "save_browser_data",
            "structured_output_json",
            "metadata",
        ),
    ),
}
WRAPPER_OPTIONS = ("allow_unknown",)
