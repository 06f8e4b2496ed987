"""`browser-use-cloud files upload`: upload a file that tasks can read."""

from __future__ import annotations

from pathlib import Path

import click

from ._context import CliState, pass_state
from ._output import echo, json_option, print_json

EPILOG = """\
Examples:

\b
  browser-use-cloud files upload invoice.pdf
  browser-use-cloud files upload scan.bin --name scan.png --content-type image/png
  browser-use-cloud run "Summarise invoice.pdf" --file invoice.pdf   # upload and run at once

Only images and documents up to 10 MB are accepted. Pass the printed name to a task
(the Python client's `included_file_names`).
"""


@click.group()
def files() -> None:
    """Upload files for tasks to read."""


@files.command(epilog=EPILOG)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="The name the task sees (default: the file's name).")
@click.option("--content-type", help="MIME type (default: guessed from the name).")
@json_option
@pass_state
def upload(
    state: CliState, path: Path, name: str | None, content_type: str | None, as_json: bool
) -> None:
    """Upload PATH and print the file name to give a task."""
    with state.client() as client:
        uploaded = client.files.upload(path, name=name, content_type=content_type)
    if as_json:
        print_json({"file_name": uploaded})
    else:
        echo(uploaded)
