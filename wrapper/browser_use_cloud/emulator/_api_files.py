"""File operations: presigned upload URLs that point back at the emulator."""

from __future__ import annotations

from typing import Any

from ._handler import Call, Handler
from ._uploads import allowed_content_type, upload_key, validate_file_name
from ._validation import RequestValidationError, error


def upload_file_presigned_url(call: Call) -> Any:
    name, content_type = call.body["file_name"], call.body["content_type"]
    problems = []
    try:
        validate_file_name(name)
    except ValueError as exc:
        problems.append(error("value_error", ("body", "file_name"), f"Value error, {exc}", name))
    if not allowed_content_type(content_type):
        msg = f"Value error, content type {content_type!r} is not supported (images, documents)"
        problems.append(error("value_error", ("body", "content_type"), msg, content_type))
    if problems:
        raise RequestValidationError(problems)
    path = call.state.signer.presign("PUT", upload_key(name), content_type)
    return {"upload_url": call.origin + path}


HANDLERS: dict[str, Handler] = {"upload_file_presigned_url": upload_file_presigned_url}
