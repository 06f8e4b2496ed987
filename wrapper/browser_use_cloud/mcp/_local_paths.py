"""Where the stdio tools may read and write: inside the directories the user allows.

A task's output is web content that an assistant reads, so a page can ask the assistant
to upload `~/.ssh/id_rsa` or to save a "report" over `~/.bashrc`. `upload_file` and
`download_output_file` therefore take only paths inside the allowed directories: the MCP
client's roots (the folders the user opened in it) and every `--allow-dir`; when there
are neither, the server's working directory. A path is resolved first (`~`, `..` and
every symlink), so a link inside an allowed directory that points out of it is refused.
Hidden files and folders (a name starting with `.` below the allowed directory: keys,
shell and tool configuration, git hooks) are refused even inside one.

The client's roots are asked for at each call that names a path: mid-call on the
handshake protocol versions, by an input-required round on 2026-07-28 and later.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import anyio
from mcp.server import ServerRequestContext
from mcp.types import (
    CallToolRequestParams,
    InputRequiredResult,
    ListRootsRequest,
    ListRootsResult,
)
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS

from .._exceptions import InputError

log = logging.getLogger("browser_use_cloud.mcp")

ROOTS_KEY = "roots"
"""The key of the roots request in an input-required round."""

ROOTS_TIMEOUT = 10.0
"""Seconds to wait for the client's answer to a mid-call roots request."""


@dataclass(frozen=True)
class LocalPaths:
    """The allowed directories (resolved) for one tool call; checks the paths it names."""

    dirs: tuple[Path, ...]

    @classmethod
    def of(cls, configured: Sequence[Path], roots: Sequence[Path]) -> LocalPaths:
        """`configured` (--allow-dir) and the client's `roots`; the working directory if none."""
        chosen = [*configured, *roots] or [Path.cwd()]
        unique = dict.fromkeys(folder.expanduser().resolve() for folder in chosen)
        return cls(tuple(unique))

    def readable_file(self, path: str) -> Path:
        """The resolved file `path` names, if it is an allowed, existing regular file."""
        resolved = self._allowed(self._resolve(path), path)
        if not resolved.is_file():
            raise InputError(f"{path!r} is not a file on the server's machine")
        return resolved

    def writable_target(self, destination: str, file_name: str) -> Path:
        """Where to save `file_name`: `destination`, or in it when it is a directory."""
        target = self._resolve(destination)
        if target.is_dir():
            target = (target / PurePath(file_name).name).resolve()
        target = self._allowed(target, destination)
        if target.is_dir():
            raise InputError(f"{str(target)!r} is a directory; give a file path in it")
        return target

    def _resolve(self, path: str) -> Path:
        """Absolute, with `~`, `..` and symlinks resolved; relative to the first directory."""
        return (self.dirs[0] / Path(path).expanduser()).resolve()

    def _allowed(self, resolved: Path, given: str) -> Path:
        hidden: str | None = None
        for folder in self.dirs:
            if not resolved.is_relative_to(folder):
                continue
            below = [part for part in resolved.relative_to(folder).parts if part.startswith(".")]
            if not below:
                return resolved
            hidden = below[0]
        if hidden is not None:
            raise InputError(
                f"{given!r} is refused: {hidden!r} is hidden (its name starts with '.'), and "
                "hidden files and folders (keys, configuration, git hooks) are never read or "
                "written; choose a visible path"
            )
        shown = repr(given)
        if str(resolved) != given:
            shown += f" (resolved: {str(resolved)!r})"
        raise InputError(
            f"{shown} is outside the directories this server may read and write: "
            f"{', '.join(map(str, self.dirs))}. Choose a path inside one of them; the user "
            "can allow more as roots in the MCP client or with --allow-dir"
        )


def configured_dirs(allow_dirs: Sequence[str | os.PathLike[str]] | None) -> tuple[Path, ...]:
    """The directories given to the server, each checked to be an existing directory."""
    dirs = tuple(Path(folder).expanduser() for folder in allow_dirs or ())
    for folder in dirs:
        if not folder.is_dir():
            raise InputError(f"allow_dirs: {str(folder)!r} is not an existing directory")
    return dirs


async def client_roots(
    ctx: ServerRequestContext[Any], params: CallToolRequestParams
) -> list[Path] | InputRequiredResult:
    """The client's file roots as paths, or the input-required round that asks for them.

    A client that declares no roots capability has none ([]); so has one whose answer is
    missing, malformed or late (logged): the other allowed directories still apply.
    """
    capabilities = ctx.session.client_capabilities
    if capabilities is None or capabilities.roots is None:
        return []
    if ctx.session.protocol_version not in HANDSHAKE_PROTOCOL_VERSIONS:
        answered = (params.input_responses or {}).get(ROOTS_KEY)
        if answered is None:
            return InputRequiredResult(input_requests={ROOTS_KEY: ListRootsRequest()})
    else:
        try:
            with anyio.fail_after(ROOTS_TIMEOUT):
                answered = await ctx.session.send_request(ListRootsRequest(), ListRootsResult)
        except Exception as exc:
            log.warning("the client did not list its roots (%s)", type(exc).__name__)
            return []
    if not isinstance(answered, ListRootsResult):
        log.warning("the client answered the roots request with %s", type(answered).__name__)
        return []
    return [path for root in answered.roots if (path := file_path(str(root.uri))) is not None]


def file_path(uri: str) -> Path | None:
    """The local path of a `file://` URI; None for any other URI."""
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(url2pathname(parts.path))  # url2pathname decodes %XX
