"""Where a downloaded file goes on disk: the path (a file, or a folder to keep the
server's file name in), checked before fetching, and the file written through a new
temporary file beside it that is renamed into place once complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import IO

from .._exceptions import InputError

Destination = str | os.PathLike[str] | IO[bytes]
"""Where `download_output_file()` writes: a file path, a folder, or a binary file object."""

_SHOWN_NAME = 32
"""Characters of the target's name in the temporary file's name (the rest is random)."""


def download_path(destination: str, file_name: str) -> str:
    """The file to write: `destination` itself, or `file_name`'s last part inside it when
    it is a folder (a name such as `../x` stays inside). The folder must exist."""
    target = destination
    if os.path.isdir(destination):
        name = os.path.basename(file_name.replace("\\", "/"))
        if name in ("", ".", ".."):
            raise InputError(
                f"cannot save {file_name!r} into the folder {destination!r}: it has no file "
                "name of its own; give a file path instead"
            )
        target = os.path.join(destination, name)
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise InputError(
            f"cannot save to {target!r}: the folder {folder!r} does not exist; create it "
            "first (os.makedirs(folder, exist_ok=True))"
        )
    return target


@contextlib.contextmanager
def replacing(target: str) -> Iterator[IO[bytes]]:
    """A new, private file with a random name in `target`'s folder (created exclusively: a
    file or symlink already there is never opened), renamed over `target` when the block
    ends normally and removed when it raises or is cancelled."""
    folder = os.path.dirname(os.path.abspath(target))
    prefix = "." + os.path.basename(target)[:_SHOWN_NAME] + "."
    fd, partial = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as sink:
            yield sink
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(partial)
        raise
