"""The options every front-end takes for the service: `--api-key` and `--base-url`."""

from __future__ import annotations

import click

from .._env import API_KEY_ENV, BASE_URL_ENV

api_key_option = click.option(
    "--api-key",
    envvar=API_KEY_ENV,
    metavar="KEY",
    help=f"API key (default: ${API_KEY_ENV}).",
)
base_url_option = click.option(
    "--base-url",
    envvar=BASE_URL_ENV,
    metavar="URL",
    help=f"API base URL (default: ${BASE_URL_ENV}, else the Browser Use Cloud service).",
)
