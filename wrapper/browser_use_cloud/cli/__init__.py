"""The `browser-use-cloud` command (extra `[cli]`): run tasks, manage resources, emulate.

`main()` is the console-script entry point; `python -m browser_use_cloud.cli` is the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the CLI with `argv` (default: the command line) and exit with its status."""
    try:
        import click

        from ._app import cli
        from ._context import CliState
        from ._errors import EXIT_INTERRUPTED, report
    except ImportError as exc:  # the [cli] extra is not installed
        print(
            f"browser-use-cloud needs its CLI extra ({exc.name} is missing): "
            "pip install 'browser-use-cloud[cli]'",
            file=sys.stderr,
        )
        sys.exit(2)
    state = CliState()
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="browser-use-cloud",
            standalone_mode=False,
            obj=state,
        )
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, without a second error at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        report(exc, state.subject, debug=state.debug)
    sys.exit(code if isinstance(code, int) else 0)
