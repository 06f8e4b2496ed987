"""Presigned file URLs and an on-disk file store for the emulator (an S3 stand-in).

Interface::

    signer = UploadSigner(secret=b"...", clock=time.time)
    allowed_content_type("image/png")            # presign-time check (the client's rule)
    validate_file_name("report.pdf")             # ValueError for names with "/", "..", ...
    path_and_query = signer.presign("PUT", upload_key("report.pdf"), "application/pdf", 3600)
    # -> "/emulator-files/uploads/report.pdf?expires=...&content_type=...&signature=<hex>"
    signer.verify("PUT", key, request.query_params)   # -> signed content type | SignatureError

    store = FileStore(limit_bytes=10 * 1024 * 1024)   # files live in a temp dir it owns
    store.put(download_key(task_id, "out.csv"), b"...", "text/csv")   # no limit applied
    store.get(key) -> bytes; store.info(key) -> StoredFile; store.size_of(key); store.exists(key)
    store.close()                                # deletes the temp dir

    app_routes = routes(store, signer)           # list[starlette.routing.Route]:
    #   PUT /emulator-files/uploads/{name}              (signed PUT upload)
    #   GET /emulator-files/downloads/{task_id}/{name}  (signed download, HEAD too)

Keys are ``uploads/<name>`` (:func:`upload_key`) and ``downloads/<task_id>/<name>``
(:func:`download_key`); the URL path is ``prefix + "/" + key``. The signature is the hex
HMAC-SHA256 of ``method, key, content_type, expires`` joined by newlines; ``expires`` is
Unix seconds from ``clock`` (real time, not the accelerated schedule clock). HEAD is
verified as GET.

Upload answers: 200 (empty body, ``ETag`` = quoted MD5) once stored; 403 JSON
``{"detail"}`` for a bad, expired or other-method signature or a ``Content-Type`` that
differs from the signed one (compared case-insensitively, whitespace-trimmed); 413 when
``Content-Length`` or the streamed body exceeds ``store.limit_bytes``. The body streams to
disk and at most one chunk past the limit is read, so large limits (benchmarks) cost disk,
not memory. A failed upload leaves an earlier file of the same name in place. Downloads
answer 403 as above, 404 ``{"detail": "File not found"}``, else the bytes with the stored
content type. Content-type allow-listing is the presign endpoint's job
(:func:`allowed_content_type`; answer 400 there).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import shutil
import tempfile
import threading
import time
from collections.abc import AsyncIterable, Callable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

import attrs

from .._input.upload import allowed_content_type, check_file_name

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

__all__ = [
    "DEFAULT_PREFIX",
    "FileStore",
    "FileTooLargeError",
    "SignatureError",
    "StoredFile",
    "UploadSigner",
    "allowed_content_type",
    "download_key",
    "routes",
    "upload_key",
    "validate_file_name",
]

DEFAULT_PREFIX = "/emulator-files"
MIB = 1024 * 1024


def validate_file_name(name: str) -> None:
    """Raise ``ValueError`` unless ``name`` is a plain file name usable in a URL path (the
    client's rule: ``browser_use_cloud._input.upload.check_file_name``)."""
    check_file_name(name)  # InputError is a ValueError


def upload_key(name: str) -> str:
    """Store key of a user-uploaded file."""
    return f"uploads/{name}"


def download_key(task_id: str, name: str) -> str:
    """Store key of a task's output file."""
    return f"downloads/{task_id}/{name}"


class SignatureError(Exception):
    """A presigned URL was refused; answered with ``status_code`` (403)."""

    status_code = 403

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason  # "malformed" | "expired" | "method" | "signature"


class FileTooLargeError(Exception):
    """An upload exceeded the store's limit; answered with ``status_code`` (413)."""

    status_code = 413


class UploadSigner:
    """Sign and verify emulator file URLs with an HMAC key."""

    def __init__(
        self,
        secret: bytes,
        clock: Callable[[], float] = time.time,
        *,
        prefix: str = DEFAULT_PREFIX,
    ) -> None:
        self._secret = secret
        self.clock = clock
        self.prefix = prefix

    def __repr__(self) -> str:
        return f"UploadSigner(prefix={self.prefix!r})"

    def _sign(self, method: str, key: str, content_type: str, expires: int) -> str:
        message = "\n".join((method.upper(), key, content_type, str(expires))).encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def presign(self, method: str, key: str, content_type: str, expires_in: float = 3600) -> str:
        """Path and query of a URL allowing ``method`` on ``key`` for ``expires_in`` seconds."""
        method = "GET" if method.upper() == "HEAD" else method.upper()
        expires = int(self.clock() + expires_in)
        query = urlencode(
            {
                "expires": str(expires),
                "content_type": content_type,
                "signature": self._sign(method, key, content_type, expires),
            }
        )
        return f"{self.prefix}/{quote(key, safe='/')}?{query}"

    def verify(self, method: str, key: str, query: Mapping[str, str]) -> str:
        """Check a request's query; returns the signed content type or raises SignatureError."""
        method = "GET" if method.upper() == "HEAD" else method.upper()
        try:
            expires = int(query["expires"])
            content_type = query["content_type"]
            signature = query["signature"]
        except (KeyError, ValueError):
            raise SignatureError(
                "malformed", "URL is not presigned (expires, content_type, signature)"
            ) from None
        if not hmac.compare_digest(self._sign(method, key, content_type, expires), signature):
            for other in ("GET", "PUT", "POST", "DELETE"):
                if other != method and hmac.compare_digest(
                    self._sign(other, key, content_type, expires), signature
                ):
                    raise SignatureError("method", f"URL was signed for {other}, not {method}")
            raise SignatureError("signature", "signature does not match")
        if self.clock() > expires:
            raise SignatureError("expired", "presigned URL has expired")
        return content_type


@attrs.frozen
class StoredFile:
    """A stored file's metadata; its bytes live at ``path``."""

    key: str
    content_type: str
    size: int
    md5: str
    path: str


class FileStore:
    """Files by key in a private temporary directory, made on the first file and deleted by
    :meth:`close` (an emulator that stores no file touches no disk)."""

    def __init__(self, limit_bytes: int = 10 * MIB) -> None:
        if limit_bytes < 0:
            raise ValueError(f"limit_bytes must be >= 0, got {limit_bytes}")
        self.limit_bytes = limit_bytes
        self._directory: str | None = None
        self._files: dict[str, StoredFile] = {}
        self._lock = threading.Lock()

    @property
    def directory(self) -> str:
        """The private directory (made when first needed)."""
        with self._lock:
            if self._directory is None:
                self._directory = tempfile.mkdtemp(prefix="browser-use-emulator-files-")
            return self._directory

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, hashlib.sha256(key.encode()).hexdigest())

    def _commit(
        self, key: str, tmp_path: str, content_type: str, size: int, md5: str
    ) -> StoredFile:
        path = self._path(key)
        with self._lock:
            os.replace(tmp_path, path)
            stored = StoredFile(key=key, content_type=content_type, size=size, md5=md5, path=path)
            self._files[key] = stored
        return stored

    def put(self, key: str, data: bytes, content_type: str) -> StoredFile:
        """Store ``data`` under ``key`` (replacing any earlier file); no size limit."""
        fd, tmp_path = tempfile.mkstemp(dir=self.directory, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
        return self._commit(key, tmp_path, content_type, len(data), md5)

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        content_type: str,
        *,
        limit: int | None = None,
    ) -> StoredFile:
        """Stream chunks to disk; ``FileTooLargeError`` past ``limit`` (default: the store's)."""
        limit = self.limit_bytes if limit is None else limit
        fd, tmp_path = tempfile.mkstemp(dir=self.directory, suffix=".part")
        digest = hashlib.md5(usedforsecurity=False)
        size = 0
        try:
            with os.fdopen(fd, "wb") as handle:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > limit:
                        raise FileTooLargeError(f"file is larger than {limit} bytes")
                    digest.update(chunk)
                    handle.write(chunk)
        except BaseException:
            os.unlink(tmp_path)
            raise
        return self._commit(key, tmp_path, content_type, size, digest.hexdigest())

    def info(self, key: str) -> StoredFile:
        """Metadata of a stored file (``KeyError`` if absent)."""
        with self._lock:
            return self._files[key]

    def get(self, key: str) -> bytes:
        """A stored file's bytes (``KeyError`` if absent)."""
        with open(self.info(key).path, "rb") as handle:
            return handle.read()

    def size_of(self, key: str) -> int:
        """A stored file's size in bytes (``KeyError`` if absent)."""
        return self.info(key).size

    def exists(self, key: str) -> bool:
        """Whether ``key`` is stored."""
        with self._lock:
            return key in self._files

    def clear(self) -> None:
        """Delete every file, keeping the directory for new ones."""
        with self._lock:
            stored, self._files = list(self._files.values()), {}
        for item in stored:
            with contextlib.suppress(FileNotFoundError):
                os.remove(item.path)

    def close(self) -> None:
        """Delete every file and the directory."""
        with self._lock:
            self._files.clear()
            directory, self._directory = self._directory, None
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)


def _same_content_type(sent: str, signed: str) -> bool:
    return sent.strip().lower() == signed.strip().lower()


def routes(store: FileStore, signer: UploadSigner) -> list[Route]:
    """Starlette routes serving signed uploads and downloads under ``signer.prefix``."""
    from starlette.responses import FileResponse, JSONResponse, Response
    from starlette.routing import Route

    def refuse(status: int, detail: str) -> Response:
        return JSONResponse({"detail": detail}, status_code=status)

    async def upload(request: Request) -> Response:
        key = upload_key(request.path_params["name"])
        try:
            signed_type = signer.verify(request.method, key, request.query_params)
        except SignatureError as exc:
            return refuse(exc.status_code, str(exc))
        sent_type = request.headers.get("content-type", "")
        if not _same_content_type(sent_type, signed_type):
            return refuse(403, f"Content-Type {sent_type!r} does not match the signed type")
        too_large = f"file is larger than the {store.limit_bytes}-byte limit"
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > store.limit_bytes:
            return refuse(413, too_large)
        try:
            stored = await store.put_stream(key, request.stream(), signed_type)
        except FileTooLargeError:
            return refuse(413, too_large)
        return Response(status_code=200, headers={"etag": f'"{stored.md5}"'})

    async def download(request: Request) -> Response:
        params = request.path_params
        key = download_key(params["task_id"], params["name"])
        try:
            signer.verify(request.method, key, request.query_params)
        except SignatureError as exc:
            return refuse(exc.status_code, str(exc))
        try:
            stored = store.info(key)
        except KeyError:
            return refuse(404, "File not found")
        return FileResponse(stored.path, media_type=stored.content_type)

    prefix = signer.prefix
    return [
        Route(f"{prefix}/uploads/{{name}}", upload, methods=["PUT"]),
        Route(f"{prefix}/downloads/{{task_id}}/{{name}}", download, methods=["GET"]),
    ]
