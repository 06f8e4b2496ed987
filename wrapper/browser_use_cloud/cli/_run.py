"""`browser-use-cloud run`: create a task, show it live, print its output."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import httpx

from .._config import is_loopback
from .._exceptions import StructuredOutputError, TaskError
from .._frontends._local_emulator import DEFAULT_STEP_INTERVAL, local_config, local_poll
from .._policies.polling import PollPolicy
from ._choices import spec_option
from ._context import CliState, pass_state
from ._derived import derives, extras
from ._errors import EXIT_CODES_HELP, CliError
from ._interrupt import stop_on_interrupt
from ._output import Progress, clock, echo, print_json, print_pretty_json, progress_for
from ._secrets import collect_secrets

if TYPE_CHECKING:
    from .. import BrowserUse, TaskResult

EPILOG = f"""\
Examples:

\b
  browser-use-cloud run "Find the cheapest flight from Berlin to Rome next Friday"
  browser-use-cloud run "List the top 3 stories" --schema stories.schema.json
  browser-use-cloud run "Summarise this PDF" --file report.pdf --model gpt-4.1
  browser-use-cloud run "Log in and read my inbox" --secret-env password=MAIL_PASSWORD \\
      --allowed-domain mail.example.com
  browser-use-cloud run --local "Try it offline" --json | jq .output

On a terminal the steps show live; piped, each step is one line:
`step N [MM:SS] next goal (url)`. With --json, progress goes to stderr and stdout gets
the finished task as JSON. A task that failed, was stopped or whose output does not match
--schema (exit 1, 3, 6) still prints its output (the task, with --json), and the error
line names it. Without an API key and --base-url (or with --local) the task runs on the
built-in emulator.

{EXIT_CODES_HELP}"""


RUN_FIELDS = (
    "task",
    "structured_output_json",  # --schema / --schema-json
    "included_file_names",  # --file (uploaded first)
    "allowed_domains",
    "llm_model",
    "secrets",  # --secret, --secret-env, --secrets-file, --secrets-stdin
    "max_agent_steps",
)
"""The request fields the hand-written options set; the table adds options for the rest."""


def parse_pairs(
    ctx: click.Context, param: click.Parameter, values: Sequence[str]
) -> dict[str, str]:
    """`KEY=VALUE` options as a dict (the value is never echoed back in errors)."""
    pairs: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter("use KEY=VALUE (the key must not be empty)", ctx, param)
        pairs[key.strip()] = value
    return pairs


def load_schema(schema_file: Path | None, schema_json: str | None) -> dict[str, Any] | None:
    """The JSON Schema from --schema FILE or --schema-json TEXT, if either was given."""
    if schema_file is not None and schema_json is not None:
        raise CliError("give either --schema FILE or --schema-json JSON, not both")
    if schema_file is not None:
        source, text = f"--schema {schema_file}", schema_file.read_text(encoding="utf-8")
    elif schema_json is not None:
        source, text = "--schema-json", schema_json
    else:
        return None
    try:
        schema = json.loads(text)
    except ValueError as exc:
        raise CliError(f"{source} is not valid JSON: {exc}") from None
    if not isinstance(schema, dict):
        raise CliError(f"{source} must be a JSON object (a JSON Schema)")
    return schema


def follow(
    client: BrowserUse,
    task: str,
    *,
    progress: Progress,
    schema: Mapping[str, Any] | None = None,
    files: Sequence[Path] = (),
    wait_timeout: float | None = None,
    poll: PollPolicy | None = None,
    options: Mapping[str, Any] | None = None,
) -> TaskResult[Any]:
    """Upload `files`, create the task and show its steps until it ends; return it.

    Raises the SDK's TaskError subclasses for a failed, stopped or timed-out task.
    """
    extra: dict[str, Any] = dict(options or {})
    with stop_on_interrupt() as guard:
        # create() checks every option and file before it uploads anything
        handle = client.tasks.create(task, output_type=schema, files=files, **extra)
        guard.created(handle)
        for path in files:
            progress.note(f"uploaded {path.name}")
        if poll is not None:
            handle.stream_policy = poll
        progress.created(handle.id)
        with progress:
            return handle.wait(wait_timeout=wait_timeout, on_timeout="stop", on_step=progress.step)


LOOPBACK_STEP_INTERVAL = DEFAULT_STEP_INTERVAL
"""Assumed step interval of an emulator on a loopback URL: what `emulator` serves by default."""


def show_result(
    task: TaskResult[Any], *, progress: Progress, structured: bool, kept: bool = True
) -> None:
    """The end of a run: a summary line, then the output (pretty JSON if structured).

    `kept`: the task outlives this process (not so on the in-process emulator).
    """
    steps = len(task.steps)
    progress.note(
        f"task {task.id} {task.status} after {clock(progress.elapsed())} "
        f"({steps} step{'s' if steps != 1 else ''})"
    )
    if structured and task.parsed is not None:
        print_pretty_json(task.parsed)
    elif task.output:
        echo(task.output)
    if task.output_files:
        hint = f" (browser-use-cloud tasks download {task.id} NAME)" if kept else ""
        progress.note(f"output files: {', '.join(task.output_files)}{hint}")


@click.command(**derives("run_task", "body", RUN_FIELDS), epilog=EPILOG)
@click.argument("task")
@click.option(
    "--schema",
    "schema_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Schema file: the output comes back as JSON following it.",
)
@click.option("--schema-json", metavar="JSON", help="The JSON Schema inline instead.")
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Upload a file the task can read (repeatable).",
)
@click.option(
    "--allowed-domain",
    "allowed_domains",
    multiple=True,
    metavar="DOMAIN",
    help="Only visit this domain, e.g. example.com or *.example.com (repeatable).",
)
@spec_option(
    "--model", metavar="MODEL", enum="LLMModel", help="LLM model (service default if unset)."
)
@click.option(
    "--secret",
    "secrets",
    multiple=True,
    metavar="KEY=VALUE",
    callback=parse_pairs,
    help="A secret the agent may type but never shows (repeatable). Other local users can "
    "read it in the process list: prefer the three options below.",
)
@click.option(
    "--secret-env",
    "secret_env",
    multiple=True,
    metavar="KEY=ENV_VAR",
    help="A secret whose value is in the environment variable ENV_VAR (repeatable).",
)
@click.option(
    "--secrets-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Secrets from a file: a JSON object ({"KEY": "VALUE"}) or KEY=VALUE lines.',
)
@click.option(
    "--secrets-stdin", is_flag=True, help="Secrets from stdin, in the --secrets-file formats."
)
@click.option("--max-steps", type=int, help="Stop the agent after N steps (1 to 200).")
@click.option(
    "--wait-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop the task if it has not ended after this long (default: no limit).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the finished task as JSON.")
@click.option("--plain", is_flag=True, help="Plain step lines even on a terminal.")
@click.option("--local", is_flag=True, help="Run on the built-in emulator (no key, no network).")
@pass_state
def run(
    state: CliState,
    task: str,
    schema_file: Path | None,
    schema_json: str | None,
    files: tuple[Path, ...],
    allowed_domains: tuple[str, ...],
    model: str | None,
    secrets: dict[str, str],
    secret_env: tuple[str, ...],
    secrets_file: Path | None,
    secrets_stdin: bool,
    max_steps: int | None,
    wait_timeout: float | None,
    as_json: bool,
    plain: bool,
    local: bool,
    derived: dict[str, Any],
) -> None:
    """Run TASK (plain words) and show its steps live until it ends."""
    schema = load_schema(schema_file, schema_json)
    secrets = collect_secrets(
        inline=secrets,
        env_pairs=secret_env,
        file=secrets_file,
        stdin=sys.stdin if secrets_stdin else None,
    )
    options: dict[str, Any] = extras("body", derived)
    if model is not None:
        options["llm_model"] = model
        options["allow_unknown"] = True  # newer models than this SDK knows: the API decides
    if secrets:
        options["secrets"] = secrets
    if allowed_domains:
        options["allowed_domains"] = list(allowed_domains)
    if max_steps is not None:
        options["max_agent_steps"] = max_steps
    local = state.wants_local(local)
    config = local_config() if local else None
    poll = None
    if config is not None:
        poll = local_poll(config.step_interval)
    elif state.base_url and is_loopback(httpx.URL(state.base_url).host):
        poll = local_poll(LOOPBACK_STEP_INTERVAL)
    progress = progress_for(sys.stderr if as_json else sys.stdout, plain=plain)
    with state.session(local=local, config=config) as client:
        try:
            task_view = follow(
                client,
                task,
                progress=progress,
                schema=schema,
                files=files,
                wait_timeout=wait_timeout,
                poll=poll,
                options=options,
            )
        except (TaskError, StructuredOutputError) as exc:  # the task as far as it got
            if exc.task is not None:
                if as_json:
                    print_json(exc.task)
                elif exc.task.output:
                    echo(exc.task.output)
            raise
    if as_json:
        print_json(task_view)
    else:
        show_result(
            task_view, progress=progress, structured=schema is not None, kept=config is None
        )
