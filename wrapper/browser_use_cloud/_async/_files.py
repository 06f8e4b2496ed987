"""`client.files`: upload images and documents that tasks can read."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Unpack

from browser_use_cloud_api.api.files import upload_file_presigned_url
from browser_use_cloud_api.models import UploadFileRequest

from .._config import RequestTimeout
from .._exceptions import PayloadTooLargeError
from .._input.upload import MAX_UPLOAD_BYTES, FileSource, Upload, prepare_upload
from .._transport.operation import body_op
from .._transport.request_extras import RequestExtras, takes_extras
from ._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ._http import AsyncHTTP


def _upload_url(body: Any) -> str:
    url = body["upload_url"]
    if not isinstance(url, str) or not url:
        raise TypeError(f"expected an upload URL, got {url!r}")
    return url


async def _stream(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


async def send_upload(http: AsyncHTTP, upload: Upload, timeout: RequestTimeout) -> str:
    """Upload a file `prepare_upload` has checked, through `http`; returns its name (for
    `files.upload()`, and for the `files=` of `tasks.create()`)."""
    op = body_op(
        upload_file_presigned_url,
        UploadFileRequest,
        {"file_name": upload.name, "content_type": upload.content_type},
    )
    url = await http.call(op, _upload_url, retry="idempotent", timeout=timeout)
    try:
        await http.request_url(
            "PUT",
            str(http.base_url.join(url)),
            retry="idempotent",
            content=lambda: _stream(upload.chunks()),
            headers={"Content-Type": upload.content_type, "Content-Length": str(upload.size)},
            timeout=timeout,
        )
    except PayloadTooLargeError as exc:
        raise PayloadTooLargeError(
            f"{upload.name!r} ({upload.size} bytes) was refused as too large (413): the "
            "service takes files of up to 10 MB each and 50 MB per task; upload a smaller "
            f"file ({exc.message})",
            method=exc.method,
            url=exc.url,
            status_code=exc.status_code,
            headers=exc.headers,
            detail=exc.detail,
            body=exc.body,
        ) from exc
    return upload.name


class AsyncFiles(AsyncAPIResource):
    """File uploads (to pass to a task with `included_file_names`)."""

    @takes_extras()
    async def upload(
        self,
        source: FileSource,
        *,
        name: str | None = None,
        content_type: str | None = None,
        max_bytes: int = MAX_UPLOAD_BYTES,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> str:
        """Upload a path, bytes or binary file object; returns the file name to pass to a task.

        The content type is guessed from the name unless given; only images and documents
        up to `max_bytes` (10 MB) are accepted. Files are streamed from disk, sent without
        the API key, and re-sent from the start if the upload is retried.
        """
        upload = prepare_upload(source, name=name, content_type=content_type, max_bytes=max_bytes)
        return await send_upload(self._http, upload, timeout)
