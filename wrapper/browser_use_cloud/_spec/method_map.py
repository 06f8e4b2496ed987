"""Which client method serves each operation of openapi.json (declared once).

Keys are the generated module's operation names (`get_task`); values are method paths
on `BrowserUse` / `AsyncBrowserUse` (`tasks.get`). `tests/surface/test_parity.py` fails
naming every spec operation missing here (reach it with `client.call(name, ...)` until
it has a method) and every entry whose operation the spec no longer has.
"""

from __future__ import annotations

WRAPPER_METHODS: dict[str, str] = {
    "run_task": "tasks.create",
    "stop_task": "tasks.stop",
    "pause_task": "tasks.pause",
    "resume_task": "tasks.resume",
    "get_task": "tasks.get",
    "get_task_status": "tasks.status",
    "get_task_media": "tasks.media",
    "get_task_screenshots": "tasks.screenshots",
    "get_task_gif": "tasks.gif",
    "get_task_output_file": "tasks.output_file",
    "list_tasks": "tasks.list",
    "create_scheduled_task": "scheduled_tasks.create",
    "list_scheduled_tasks": "scheduled_tasks.list",
    "get_scheduled_task": "scheduled_tasks.get",
    "update_scheduled_task": "scheduled_tasks.update",
    "delete_scheduled_task": "scheduled_tasks.delete",
    "upload_file_presigned_url": "files.upload",
    "create_browser_profile": "browser_profiles.create",
    "list_browser_profiles": "browser_profiles.list",
    "get_browser_profile": "browser_profiles.get",
    "update_browser_profile": "browser_profiles.update",
    "delete_browser_profile": "browser_profiles.delete",
    "simple_search": "search.simple",
    "search_url": "search.url",
    "check_balance": "balance",
    "me": "me",
    "ping": "ping",
    "get_browser_use_version": "browser_use_version",
}
