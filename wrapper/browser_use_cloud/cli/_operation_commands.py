"""Which CLI command sends each API operation (the parity test checks it against the spec).

An operation the spec adds has no command until a person writes one: the parity test
(`pytest -m spec_parity`) names it. The options of list, create and update commands are
derived from the operation table (`_derived.py`), so new optional inputs need no entry here.
"""

from __future__ import annotations

CLI_COMMANDS: dict[str, str] = {
    "check_balance": "balance",
    "me": "me",
    "ping": "ping",
    "run_task": "run",
    "list_tasks": "tasks list",
    "get_task": "tasks get",
    "get_task_status": "tasks status",
    "pause_task": "tasks pause",
    "resume_task": "tasks resume",
    "stop_task": "tasks stop",
    "get_task_media": "tasks media",
    "get_task_screenshots": "tasks screenshots",
    "get_task_gif": "tasks gif",
    "get_task_output_file": "tasks download",
    "upload_file_presigned_url": "files upload",
    "list_scheduled_tasks": "schedules list",
    "create_scheduled_task": "schedules create",
    "get_scheduled_task": "schedules get",
    "update_scheduled_task": "schedules update",
    "delete_scheduled_task": "schedules delete",
    "list_browser_profiles": "profiles list",
    "create_browser_profile": "profiles create",
    "get_browser_profile": "profiles get",
    "update_browser_profile": "profiles update",
    "delete_browser_profile": "profiles delete",
}
"""Operation name -> the command (words after `browser-use-cloud`) that sends it."""

NO_CLI_COMMAND: dict[str, str] = {
    "get_browser_use_version": "a diagnostic; `browser-use-cloud mcp` offers it as a tool",
    "search_url": "search is offered by `client.search` and the MCP tools, not the CLI",
    "simple_search": "search is offered by `client.search` and the MCP tools, not the CLI",
}
"""Operations deliberately left without a command, and why."""
