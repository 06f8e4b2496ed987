"""The tool list: one tool per API operation (from the registry), plus the extra tools.

Schemas come from the spec: an operation's tool takes exactly its arguments, and the
extra tools reuse the arguments of the operations they build on, so a field added to
`run-task` after a regen reaches `run_task` and `run_task_and_wait` with no edit here.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from mcp.types import Tool, ToolAnnotations

from .._spec.operations import JSON, Operation, Operations

STOPS = frozenset({"stop_task"})
"""Operations that end something for good without being a DELETE (destructive)."""

DEFAULT_WAIT_TIMEOUT = 1800.0
"""Seconds `run_task_and_wait` waits by default before stopping the task."""

RUN_AND_WAIT = "run_task_and_wait"
MONITOR = "monitor_task"
UPLOAD = "upload_file"
DOWNLOAD = "download_output_file"


def names_local_path(tool: str, args: Mapping[str, Any]) -> bool:
    """Whether a call of `tool` reads or writes a local path (which must then be allowed)."""
    return tool == UPLOAD or (tool == DOWNLOAD and args.get("destination") is not None)


def operation_tool(op: Operation) -> Tool:
    """The tool for one API operation: its name, description and arguments."""
    writes = not op.reads_only
    return Tool(
        name=op.name,
        title=op.name.replace("_", " ").capitalize(),
        description=op.description or f"{op.method} {op.path}",
        input_schema=op.input_schema(),
        annotations=ToolAnnotations(
            read_only_hint=op.reads_only,
            destructive_hint=(op.method == "DELETE" or op.name in STOPS) if writes else None,
            idempotent_hint=op.idempotent,
            open_world_hint=True,
        ),
    )


def run_and_wait_schema(ops: Operations) -> JSON:
    """run_task's arguments; the schema may also be given as an object; plus the deadline."""
    schema = copy.deepcopy(ops["run_task"].input_schema())
    properties: dict[str, Any] = schema["properties"]
    if "structured_output_json" in properties:
        declared = properties["structured_output_json"]
        properties["structured_output_json"] = {
            "anyOf": [{"type": "object"}, {"type": "string"}, {"type": "null"}],
            "description": (
                "A JSON Schema (an object, or serialised as a string) that the output must "
                "follow; the result then carries it parsed as `parsed`. "
                + str(declared.get("description", ""))
            ).strip(),
        }
    properties["wait_timeout"] = {
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}],
        "default": DEFAULT_WAIT_TIMEOUT,
        "description": (
            "Seconds to wait for the task to end; when they pass the task is stopped. "
            "null waits without a deadline."
        ),
    }
    return schema


def extra_tools(ops: Operations, *, local_files: bool) -> list[Tool]:
    """The tools the API lacks. `local_files`: the server may read and write local paths."""
    monitor = ops["get_task"].input_schema()
    download = copy.deepcopy(ops["get_task_output_file"].input_schema())
    if local_files:
        download["properties"]["destination"] = {
            "type": "string",
            "description": (
                "Local path (a file, or a directory to put it in) to save the file to, "
                "inside a directory the user allowed (the client's roots or the server's "
                "--allow-dir; else its working directory); hidden files and folders are "
                "refused. Without it the tool returns the download URL."
            ),
        }
        download["properties"]["overwrite"] = {
            "type": "boolean",
            "default": False,
            "description": "Replace an existing file at the destination.",
        }
    tools = [
        Tool(
            name=RUN_AND_WAIT,
            title="Run a task and wait for its result",
            description=(
                "Start a browser agent task and wait until it ends. Sends a progress "
                "notification for each new step (step number, next goal, URL). Returns the "
                "task id, status, output, and the output parsed as JSON when "
                "structured_output_json was given. Cancelling the call stops the task."
            ),
            input_schema=run_and_wait_schema(ops),
            annotations=ToolAnnotations(
                read_only_hint=False,
                destructive_hint=False,
                idempotent_hint=False,
                open_world_hint=True,
            ),
        ),
        Tool(
            name=MONITOR,
            title="Monitor a task",
            description=(
                "A task's status and its latest step (number, goal, URL, evaluation), with "
                "the output once it has ended: for checking on a task now and then."
            ),
            input_schema=monitor,
            annotations=ToolAnnotations(
                read_only_hint=True, idempotent_hint=True, open_world_hint=True
            ),
        ),
        Tool(
            name=DOWNLOAD,
            title="Download a task's output file",
            description=(
                "Save one of a task's output files to a local path, or return its download "
                "URL when no destination is given."
                if local_files
                else "The download URL of one of a task's output files."
            ),
            input_schema=download,
            annotations=ToolAnnotations(
                read_only_hint=not local_files,
                destructive_hint=False,
                idempotent_hint=True,
                open_world_hint=True,
            ),
        ),
    ]
    if local_files:
        tools.append(
            Tool(
                name=UPLOAD,
                title="Upload a local file for a task",
                description=(
                    "Upload a local file (image or document, up to 10 MB) and return the "
                    "name to pass in included_file_names of run_task or run_task_and_wait."
                ),
                input_schema={
                    "type": "object",
                    "properties": {
                        "path": {
                            "type": "string",
                            "description": (
                                "Local path of the file, inside a directory the user allowed "
                                "(the client's roots or the server's --allow-dir; else its "
                                "working directory); hidden files and folders are refused."
                            ),
                        },
                        "content_type": {
                            "type": "string",
                            "description": "MIME type; guessed from the name when left out.",
                        },
                    },
                    "required": ["path"],
                    "additionalProperties": False,
                },
                annotations=ToolAnnotations(
                    read_only_hint=False,
                    destructive_hint=False,
                    idempotent_hint=False,
                    open_world_hint=True,
                ),
            )
        )
    return tools
