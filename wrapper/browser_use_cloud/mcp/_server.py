"""The MCP server: lists the tools and runs each call through the client.

Every failure a caller can fix comes back as a tool error (isError) whose text says
what was wrong and what to do, the same line the CLI prints; arguments are checked
against the tool's schema before anything is sent. Nothing here logs to stdout.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mcp.server import Server, ServerRequestContext
from mcp.types import (
    CallToolRequestParams,
    CallToolResult,
    InputRequiredResult,
    ListToolsResult,
    PaginatedRequestParams,
    TextContent,
    Tool,
)

from .._exceptions import APIError, InputError
from .._frontends._explain import KNOWN_VALUES_ONLY, explain_api_error
from .._input.arguments import check_tool_arguments
from .._spec.operations import JSON, Operations, operations
from .._version import __version__
from . import _catalog, _tasks
from ._local_paths import LocalPaths, client_roots, configured_dirs

if TYPE_CHECKING:
    from .._async._client import AsyncBrowserUse

log = logging.getLogger("browser_use_cloud.mcp")

INSTRUCTIONS = """\
Browser Use Cloud runs AI browser agents. run_task_and_wait starts a task and returns its \
output (pass structured_output_json for JSON); run_task only starts one, then monitor_task \
or get_task follow it. Upload inputs with upload_file and pass the returned names in \
included_file_names."""


def create_server(
    client: AsyncBrowserUse,
    *,
    local_files: bool = True,
    allow_dirs: Sequence[str | os.PathLike[str]] | None = None,
    registry: Operations | None = None,
) -> Server[Any]:
    """An MCP server whose tools call the API through `client`.

    `local_files`: offer `upload_file` and saving output files to local paths (stdio,
    where the caller runs on this machine). Those paths must be inside `allow_dirs` or
    the client's roots; with neither, inside the working directory (resolved, symlinks
    followed; hidden files and folders refused). `registry`: the operations to offer (by
    default those of the packaged openapi.json).
    """
    allowed = configured_dirs(allow_dirs)
    tools = _Tools(client, registry if registry is not None else operations(), local_files)

    async def list_tools(
        ctx: ServerRequestContext[Any], params: PaginatedRequestParams | None
    ) -> ListToolsResult:
        return ListToolsResult(tools=tools.listed)

    async def call_tool(
        ctx: ServerRequestContext[Any], params: CallToolRequestParams
    ) -> CallToolResult | InputRequiredResult:
        args = params.arguments or {}
        paths = None
        if local_files and _catalog.names_local_path(params.name, args):
            roots = await client_roots(ctx, params)
            if isinstance(roots, InputRequiredResult):
                return roots
            paths = LocalPaths.of(allowed, roots)
        return await tools.call(params.name, args, ctx.session.report_progress, paths)

    return Server(
        "browser-use-cloud",
        version=__version__,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


class _Tools:
    def __init__(self, client: AsyncBrowserUse, registry: Operations, local_files: bool) -> None:
        self._client = client
        self._registry = registry
        self.listed: list[Tool] = [_catalog.operation_tool(op) for op in registry.values()]
        self.listed += _catalog.extra_tools(registry, local_files=local_files)
        self._schemas = {tool.name: tool.input_schema for tool in self.listed}

    async def call(
        self,
        name: str,
        args: Mapping[str, Any],
        report: _tasks.Progress,
        paths: LocalPaths | None = None,
    ) -> CallToolResult:
        schema = self._schemas.get(name)
        if schema is None:
            return _error(f"unknown tool {name!r}; the tools are {', '.join(self._schemas)}.")
        try:
            op = self._registry.get(name)
            if op is not None:  # the one check, before the library call builds it again
                op.build_request(args, unknown_hint=KNOWN_VALUES_ONLY)
            else:
                check_tool_arguments(name, schema, args, unknown_hint=KNOWN_VALUES_ONLY)
            return _result(await self._run(name, args, report, paths))
        except _tasks.ToolFailure as exc:
            return _error(str(exc), exc.result)
        except InputError as exc:
            return _error(f"{exc}. Nothing was sent; fix the arguments and call again.")
        except APIError as exc:
            return _error(explain_api_error(exc, subject=_subject(args)))
        except OSError as exc:
            return _error(f"{type(exc).__name__}: {exc.strerror or exc}")
        except Exception as exc:
            log.exception("tool %s failed", name)
            return _error(f"unexpected {type(exc).__name__} in {name} (see the server's log).")

    async def _run(
        self,
        name: str,
        args: Mapping[str, Any],
        report: _tasks.Progress,
        paths: LocalPaths | None,
    ) -> Any:
        client = self._client
        if name == _catalog.RUN_AND_WAIT:
            return await _tasks.run_task_and_wait(client, args, report)
        if name == _catalog.MONITOR:
            return await _tasks.monitor_task(client, args)
        if name == _catalog.UPLOAD:
            return await _tasks.upload_file(client, args, _needed(paths))
        if name == _catalog.DOWNLOAD:
            return await _tasks.download_output_file(client, args, paths)
        op = self._registry[name]
        if op.name == "run_task":
            return await _run_task(client, args)
        # `call` above built the request once: every argument is the operation's, so none
        # lands on `client.call`'s own options (timeout, allow_unknown, extra_*).
        return await client.call(op, **args)


async def _run_task(client: AsyncBrowserUse, args: Mapping[str, Any]) -> JSON:
    """run-task through `tasks.create`: tagged with a request id, re-sent only if no task can be."""
    options = {k: v for k, v in args.items() if v is not None}
    handle = await client.tasks.create(options.pop("task"), **options)
    return {"id": handle.id}


def _needed(paths: LocalPaths | None) -> LocalPaths:
    if paths is None:  # the tool is offered only with local files
        raise InputError("this server reads no local files")
    return paths


def _subject(args: Mapping[str, Any]) -> str:
    """What a 404 is about: `task 'abc'`, `profile 'p'`, from the first `*_id` argument."""
    for key, value in args.items():
        if key.endswith("_id") and isinstance(value, str):
            return f"{key.removesuffix('_id').replace('_', ' ')} {value!r}"
    return "the requested item"


def _result(value: Any) -> CallToolResult:
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    structured = value if isinstance(value, dict) else {"result": value}
    return CallToolResult(
        content=[TextContent(type="text", text=text)], structured_content=structured
    )


def _error(text: str, data: JSON | None = None) -> CallToolResult:
    return CallToolResult(
        content=[TextContent(type="text", text=f"Error: {text}")],
        structured_content=data,
        is_error=True,
    )
