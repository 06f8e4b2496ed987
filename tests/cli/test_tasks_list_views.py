"""`tasks list` as a table, as CSV (`--format csv`) and live (`--watch`, ended by Ctrl-C)."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import subprocess
import sys
import time

import pytest
from cli_helpers import CLI, KEY, Cli, assert_clean_error, cli_env

from browser_use_cloud import BrowserUse
from browser_use_cloud.cli._tasks import CSV_COLUMNS
from browser_use_cloud.emulator import Emulator

TITLE_ESCAPE = "\x1b]0;owned\x07"


def test_csv_has_a_header_and_the_api_values_of_each_task(cli: Cli, client: BrowserUse) -> None:
    client.tasks.run("Find the capital of Peru")
    client.tasks.run('=HYPERLINK("http://evil.example", "click")')
    result = cli("tasks", "list", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    api = {t.id: t.to_dict() for t in client.tasks.list().items}
    assert {row["id"] for row in rows} == set(api)
    for row in rows:
        sent = api[row["id"]]
        assert row["created_at"] == sent["created_at"] and row["status"] == sent["status"]
        assert row["finished_at"] == (sent.get("finished_at") or "")
        if sent["task"].startswith("="):  # a spreadsheet would run it: kept as text
            assert row["task"] == "'" + sent["task"]
        else:
            assert row["task"] == sent["task"] and row["output"] == sent["output"]


def test_format_json_is_the_same_as_json(cli: Cli, client: BrowserUse) -> None:
    client.tasks.run("Find the capital of Chile")
    as_format = cli("tasks", "list", "--format", "json")
    assert as_format.returncode == 0, as_format.stderr
    assert json.loads(as_format.stdout) == json.loads(cli("tasks", "list", "--json").stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--json", "--format", "csv"), "--json and --format csv"),
        (("--watch", "--format", "csv"), "--watch redraws the table"),
        (("--watch", "--json"), "--watch redraws the table"),
        (("--watch", "--interval", "0.1"), "0.1 is not in the range x>=0.5"),
    ],
)
def test_contradicting_options_are_refused(cli: Cli, args: tuple[str, ...], message: str) -> None:
    error = assert_clean_error(cli("tasks", "list", *args), 2)
    assert message in error


def _watch(emulator: Emulator, marker: str, *, terminal: bool) -> tuple[int, str, str]:
    """Run `tasks list --watch` until `marker` was shown twice (two rounds), press Ctrl-C;
    (exit code, everything shown, stderr)."""
    args = [*CLI, "--base-url", emulator.base_url, "--api-key", KEY]
    args += ["tasks", "list", "--watch", "--interval", "0.5"]
    env = cli_env(COLUMNS="200")
    if terminal:
        import pty

        reader, writer = pty.openpty()
    else:
        reader, writer = os.pipe()
    process = subprocess.Popen(args, env=env, stdout=writer, stderr=subprocess.PIPE)
    os.close(writer)
    shown = b""
    deadline = time.monotonic() + 30
    try:
        while shown.count(marker.encode()) < 2:
            assert time.monotonic() < deadline, f"the watch did not refresh: {shown!r}"
            if select.select([reader], [], [], 0.1)[0]:
                shown += os.read(reader, 65536)
        process.send_signal(signal.SIGINT)
        while True:
            try:
                chunk = os.read(reader, 65536)
            except OSError:  # a pseudo-terminal whose other end is closed
                break
            if not chunk:
                break
            shown += chunk
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
        os.close(reader)
    return process.returncode, shown.decode(errors="replace"), err.decode()


def test_watch_piped_prints_each_round_and_ctrl_c_ends_it_cleanly(
    emulator: Emulator, client: BrowserUse
) -> None:
    task = client.tasks.run("Find the capital of Peru")
    code, out, err = _watch(emulator, task.id, terminal=False)
    assert code == 0, err
    assert "Traceback" not in err and "Interrupted" not in err
    assert out.count("ID\tSTATUS") >= 2 and task.id in out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_watch_on_a_terminal_redraws_in_place_and_ctrl_c_ends_it_cleanly(
    emulator: Emulator, client: BrowserUse
) -> None:
    task = client.tasks.run(f"Find the capital of Peru {TITLE_ESCAPE}")
    code, out, err = _watch(emulator, task.id, terminal=True)
    assert code == 0, err
    assert "Traceback" not in err
    assert task.id in out
    assert "\x1b[?25l" in out and out.rstrip().endswith("\x1b[?25h")  # cursor hidden, restored
    assert TITLE_ESCAPE not in out and "^[]0;owned^G" in out  # server text cannot steer it
