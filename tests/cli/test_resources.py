"""`files upload`, `schedules ...`, `profiles ...`, `balance`, `me`, `ping`."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import Cli, assert_clean_error, lines, run_cli

from browser_use_cloud import BrowserUse
from browser_use_cloud.emulator import Emulator


def test_files_upload_then_a_task_can_use_the_name(
    cli: Cli, client: BrowserUse, tmp_path: Path
) -> None:
    source = tmp_path / "data.bin"
    source.write_bytes(b"a,b\n1,2\n")
    result = cli("files", "upload", str(source), "--name", "table.csv", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"file_name": "table.csv"}
    task = client.tasks.create("read it", included_file_names=["table.csv"]).get()
    assert task.user_uploaded_files == ("table.csv",)


def test_files_upload_refuses_a_type_the_service_rejects(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "tool.exe"
    source.write_bytes(b"MZ")
    result = cli("files", "upload", str(source), "--content-type", "application/x-msdownload")
    line = assert_clean_error(result, 2)
    assert "application/x-msdownload" in line and "not accepted" in line


def test_schedules_create_list_get_update_delete(cli: Cli, client: BrowserUse) -> None:
    created = cli(
        "schedules",
        "create",
        "Check the kettle price",
        "--interval-minutes",
        "60",
        "--start-at",
        "2030-01-01T09:00:00+00:00",
        "--end-at",
        "2030-06-01T00:00:00Z",
        "--json",
    )
    assert created.returncode == 0, created.stderr
    schedule = json.loads(created.stdout)
    schedule_id = schedule["id"]
    assert schedule["interval_minutes"] == 60 and schedule["schedule_type"] == "interval"
    assert client.scheduled_tasks.get(schedule_id).start_at.year == 2030

    listed = lines(cli("schedules", "list").stdout)
    assert listed[0].startswith("ID\t") and listed[1].split("\t")[0] == schedule_id
    shown = cli("schedules", "get", schedule_id).stdout
    assert "every 60 min" in shown and "Check the kettle price" in shown

    updated = cli("schedules", "update", schedule_id, "--cron", "0 9 * * MON-FRI", "--inactive")
    assert updated.returncode == 0, updated.stderr
    after = client.scheduled_tasks.get(schedule_id)
    assert after.cron_expression == "0 9 * * MON-FRI" and after.is_active is False

    deleted = cli("schedules", "delete", schedule_id)
    assert deleted.stdout.strip() == f"scheduled task {schedule_id} deleted"
    missing = cli("schedules", "get", schedule_id)
    assert f"scheduled task '{schedule_id}' was not found (404)" in assert_clean_error(missing, 5)


def test_schedules_create_needs_exactly_one_schedule(cli: Cli) -> None:
    result = cli("schedules", "create", "No schedule given")
    line = assert_clean_error(result, 2)
    assert "interval_minutes" in line and "cron" in line


def test_profiles_create_list_get_update_delete(cli: Cli, client: BrowserUse) -> None:
    created = cli(
        "profiles", "create", "--name", "shopping", "--proxy-country", "de", "--no-ad-blocker",
        "--viewport", "1920x1080", "--json",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    profile = json.loads(created.stdout)
    profile_id = profile["profile_id"]
    assert profile["proxy_country_code"] == "de" and profile["ad_blocker"] is False
    assert profile["browser_viewport_width"] == 1920

    listed = lines(cli("profiles", "list").stdout)
    assert listed[1].split("\t")[:2] == [profile_id, "shopping"]
    assert "1920x1080" in cli("profiles", "get", profile_id).stdout

    cli("profiles", "update", profile_id, "--name", "work", "--no-proxy")
    after = client.browser_profiles.get(profile_id)
    assert after.profile_name == "work" and after.proxy is False

    assert cli("profiles", "delete", profile_id).returncode == 0
    assert client.browser_profiles.list().total_count == 0


def test_profiles_viewport_must_be_width_x_height(cli: Cli) -> None:
    result = cli("profiles", "create", "--name", "x", "--viewport", "wide")
    assert result.returncode == 2
    assert "WIDTHxHEIGHT" in result.stderr and "Traceback" not in result.stderr


def test_balance_me_ping(cli: Cli, emulator: Emulator, client: BrowserUse) -> None:
    balance = json.loads(cli("balance", "--json").stdout)
    assert balance == {"balance": client.balance().raw}
    assert "credits" in cli("balance").stdout
    me = cli("me")
    assert me.returncode == 0 and me.stdout.strip() == "the API key is valid"
    ping = run_cli("--base-url", emulator.base_url, "ping")  # no key needed
    assert ping.returncode == 0 and emulator.base_url in ping.stdout


def test_profiles_refuse_an_unknown_proxy_country_before_sending(
    cli: Cli, client: BrowserUse
) -> None:
    line = assert_clean_error(cli("profiles", "create", "--name", "p", "--proxy-country", "zz"), 2)
    assert "proxy_country_code='zz'" in line and "allowed:" in line and "de" in line
    assert client.browser_profiles.list().total_count == 0
