# Generated from _async/_task_outputs.py by scripts/unasync.py. Do not edit.
"""What a task leaves behind, by task id: its recording, screenshots, GIF and output files
(`client.tasks.media()`, `screenshots()`, `gif()`, `output_file()`,
`download_output_file()`; `Tasks` has them from `TaskOutputs`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, Unpack, cast

from browser_use_cloud_api.api.tasks import (
    get_task_gif,
    get_task_media,
    get_task_output_file,
    get_task_screenshots,
)

from .._config import RequestTimeout
from .._input.download_target import Destination, download_path, replacing
from .._input.validate import check_id
from .._models import TaskMedia, parse_task_media
from .._transport.request_extras import RequestExtras, takes_extras

if TYPE_CHECKING:
    from ._http import HTTP


def _text(name: str) -> Callable[[Any], str]:
    def parse(body: Any) -> str:
        value = body[name]
        if not isinstance(value, str):
            raise TypeError(f"expected {name} to be a string, got {type(value).__name__}")
        return value

    return parse


def _optional_text(name: str) -> Callable[[Any], str | None]:
    required = _text(name)

    def parse(body: Any) -> str | None:
        return None if body[name] is None else required(body)

    return parse


def _strings(name: str) -> Callable[[Any], tuple[str, ...] | None]:
    def parse(body: Any) -> tuple[str, ...] | None:
        value = body[name]
        return None if value is None else tuple(value)

    return parse


class TaskOutputs:
    """The methods of `client.tasks` that read a task's recording and files (a part of
    `Tasks`, sent through its HTTP driver)."""

    _http: HTTP

    @takes_extras(body=False)
    def media(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> TaskMedia:
        """Recording URLs (available once the task has finished)."""
        op = get_task_media.request_kwargs(check_id("task_id", task_id))
        return self._http.call(op, parse_task_media, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def screenshots(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> tuple[str, ...] | None:
        """Screenshot URLs taken during the task."""
        op = get_task_screenshots.request_kwargs(check_id("task_id", task_id))
        parse = _strings("screenshots")
        return self._http.call(op, parse, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def gif(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> str | None:
        """URL of an animated GIF of the screenshots, if there is one."""
        op = get_task_gif.request_kwargs(check_id("task_id", task_id))
        parse = _optional_text("gif")
        return self._http.call(op, parse, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def output_file(
        self,
        task_id: str,
        file_name: str,
        *,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> str:
        """A presigned URL to download one of the task's output files."""
        op = get_task_output_file.request_kwargs(
            check_id("task_id", task_id), check_id("file_name", file_name)
        )
        parse = _text("download_url")
        return self._http.call(op, parse, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def download_output_file(
        self,
        task_id: str,
        file_name: str,
        destination: Destination,
        *,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> int:
        """Stream an output file to a path, a folder or a binary file object; return the
        byte count.

        The presigned URL is fetched without the API key and without following
        redirects. A folder keeps the file under `file_name`'s last part. A path is
        written through a new temporary file with a random name beside it (readable by
        you only), renamed over the path once complete and removed if the download fails;
        a failed attempt is retried from the start while nothing has reached a file object.
        """
        target = None
        if isinstance(destination, str | os.PathLike):
            target = download_path(os.fspath(destination), file_name)
        url = self.output_file(task_id, file_name, timeout=timeout)
        if target is None:
            sink = cast(IO[bytes], destination)
            return self._http.download(url, sink, restartable=False, timeout=timeout)
        with replacing(target) as sink:
            return self._http.download(url, sink, restartable=True, timeout=timeout)
