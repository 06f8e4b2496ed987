"""`run`'s task secrets from the environment, a file or stdin, not only the command line.

A value given as `--secret KEY=VALUE` is readable by every local user in the process list
(`/proc/PID/cmdline`); `--secret-env KEY=VAR`, `--secrets-file PATH` and `--secrets-stdin`
keep it out. Errors name the key, the variable or the line, never a value.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from ._errors import CliError
from ._text_files import read_text

FORMATS = 'a JSON object of strings ({"KEY": "VALUE"}) or KEY=VALUE lines'


def parse_secrets(text: str, source: str) -> dict[str, str]:
    """Secrets written as a JSON object of strings, or as `KEY=VALUE` lines (blank lines and
    `#` comments skipped; the value is the rest of the line, as written)."""
    if text.lstrip().startswith(("{", "[")):
        return _json_secrets(text, source)
    secrets: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key:
            raise CliError(f"{source}, line {number}: use KEY=VALUE ({FORMATS})")
        if key in secrets:
            raise CliError(f"{source}, line {number}: the key {key!r} is given twice")
        secrets[key] = value
    return secrets


def _json_secrets(text: str, source: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        where = f"line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "its text"
        raise CliError(f"{source} is not valid JSON (at {where}); use {FORMATS}") from None
    if not isinstance(value, dict):
        raise CliError(f"{source} must hold {FORMATS}")
    bad = sorted(key for key, item in value.items() if not isinstance(item, str) or not key)
    if bad:
        raise CliError(f"{source}: the value of {', '.join(map(repr, bad))} must be a string")
    return dict(value)


def secrets_from_env(pairs: Sequence[str], environ: Mapping[str, str]) -> dict[str, str]:
    """`--secret-env KEY=VAR` values: each secret read from the environment variable VAR."""
    secrets: dict[str, str] = {}
    for item in pairs:
        key, sep, variable = item.partition("=")
        key, variable = key.strip(), variable.strip()
        if not sep or not key or not variable:
            raise CliError(f"--secret-env {item!r}: use KEY=ENV_VAR (the variable holds the value)")
        if key in secrets:
            raise CliError(f"--secret-env: the key {key!r} is given twice")
        if variable not in environ:
            raise CliError(f"--secret-env {key}={variable}: ${variable} is not set")
        secrets[key] = environ[variable]
    return secrets


def collect_secrets(
    *,
    inline: Mapping[str, str],
    env_pairs: Sequence[str],
    file: Path | None,
    stdin: IO[str] | None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Every secret `run` was given; a key given by two sources is refused."""
    sources: list[tuple[str, Mapping[str, str]]] = []
    if file is not None:
        name = f"--secrets-file {file}"
        sources.append((name, parse_secrets(read_text(file, name), name)))
    if stdin is not None:
        sources.append(("--secrets-stdin", parse_secrets(stdin.read(), "--secrets-stdin")))
    sources.append(("--secret-env", secrets_from_env(env_pairs, environ or os.environ)))
    sources.append(("--secret", inline))
    merged: dict[str, str] = {}
    given_by: dict[str, str] = {}
    for name, secrets in sources:
        for key, value in secrets.items():
            if key in given_by:
                raise CliError(f"the secret {key!r} is given twice ({given_by[key]} and {name})")
            merged[key], given_by[key] = value, name
    return merged
