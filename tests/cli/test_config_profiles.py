"""Named profiles: `config set/show/list/use/unset/path`, `--profile` anywhere, and the order
option > environment variable > profile > default."""

from __future__ import annotations

import json
import os
import stat
import sys
import tomllib
from pathlib import Path

import pytest
from cli_helpers import KEY, assert_clean_error, cli_env, run_cli
from hypothesis import given
from hypothesis import strategies as st

from browser_use_cloud.cli._settings import ConfigFile, _toml_string
from browser_use_cloud.emulator import Emulator

SECRET = "bu_profile_secret_key_0123456789"


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "conf" / "browser-use-cloud" / "config.toml"


def _env(config_file: Path, **extra: str) -> dict[str, str]:
    return cli_env(BROWSER_USE_CONFIG=str(config_file), **extra)


def _show(env: dict[str, str], *args: str) -> dict[str, str]:
    result = run_cli(*args, "config", "show", "--json", env=env)
    assert result.returncode == 0, result.stderr
    shown: dict[str, str] = json.loads(result.stdout)
    return shown


def test_set_writes_a_file_only_its_owner_can_read(config_file: Path) -> None:
    env = _env(config_file)
    result = run_cli("--profile", "work", "config", "set", "api-key", SECRET, env=env)
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert tomllib.loads(config_file.read_text())["profiles"]["work"] == {"api_key": SECRET}
    if os.name == "posix":
        assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(config_file.parent.stat().st_mode) == 0o700


def test_the_default_location_is_the_platform_config_dir(tmp_path: Path) -> None:
    env = cli_env(XDG_CONFIG_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path))
    env.pop("BROWSER_USE_CONFIG")
    result = run_cli("config", "path", env=env)
    assert result.returncode == 0, result.stderr
    if sys.platform.startswith("linux"):
        assert result.stdout.strip() == str(tmp_path / "xdg" / "browser-use-cloud" / "config.toml")
    assert result.stdout.strip().endswith("config.toml")


def test_a_profile_names_the_environment_variable_holding_the_key(
    config_file: Path, emulator: Emulator
) -> None:
    env = _env(config_file, WORK_KEY=KEY)
    set_key = run_cli("--profile", "work", "config", "set", "api-key-env", "WORK_KEY", env=env)
    assert set_key.returncode == 0, set_key.stderr
    set_url = run_cli("config", "set", "--profile", "work", "base-url", emulator.base_url, env=env)
    assert set_url.returncode == 0, set_url.stderr
    listed = run_cli("tasks", "list", "--profile", "work", env=env)  # --profile after the command
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("ID\tSTATUS")
    shown = _show(env, "--profile", "work")
    assert shown["api_key_source"] == "profile 'work' ($WORK_KEY)"
    assert shown["base_url"] == emulator.base_url
    assert KEY not in json.dumps(shown)
    assert "WORK_KEY" in config_file.read_text() and KEY not in config_file.read_text()


def test_precedence_option_then_environment_then_profile_then_default(
    config_file: Path,
) -> None:
    env = _env(config_file)
    for key, value in (("api-key", SECRET), ("base-url", "http://127.0.0.1:9/api/v1")):
        assert run_cli("--profile", "p", "config", "set", key, value, env=env).returncode == 0
    assert run_cli("config", "use", "p", env=env).returncode == 0

    from_profile = _show(env)
    assert from_profile["profile"] == "p"
    assert from_profile["api_key"] == "…" + SECRET[-4:]
    assert from_profile["api_key_source"] == "profile 'p'"
    assert from_profile["base_url_source"] == "profile 'p'"

    env_key = "bu_from_the_environment_9876"
    from_env = _show({**env, "BROWSER_USE_API_KEY": env_key})
    assert from_env["api_key"] == "…9876" and from_env["api_key_source"] == "$BROWSER_USE_API_KEY"
    assert from_env["base_url_source"] == "profile 'p'"

    from_flag = _show({**env, "BROWSER_USE_API_KEY": env_key}, "--api-key", "bu_flag_key_00001111")
    assert from_flag["api_key"] == "…1111" and from_flag["api_key_source"] == "--api-key"

    defaults = _show(cli_env(BROWSER_USE_CONFIG=str(config_file.parent / "none.toml")))
    assert defaults["profile"] is None and defaults["api_key"] is None
    assert defaults["base_url"] is None and defaults["base_url_source"] == "default"


def test_the_profile_comes_from_the_flag_then_the_environment_then_the_file(
    config_file: Path,
) -> None:
    env = _env(config_file)
    for name in ("a", "b", "c"):
        run_cli(
            "--profile", name, "config", "set", "base-url", f"http://127.0.0.1:9/{name}", env=env
        )
    run_cli("config", "use", "a", env=env)
    assert _show(env)["profile"] == "a"
    assert _show({**env, "BROWSER_USE_PROFILE": "b"})["profile"] == "b"
    chosen = _show({**env, "BROWSER_USE_PROFILE": "b"}, "--profile", "c")
    assert chosen["profile"] == "c" and chosen["profile_source"] == "--profile"


def test_list_masks_keys_and_unset_and_use_edit_the_file(config_file: Path) -> None:
    env = _env(config_file)
    run_cli("--profile", "work", "config", "set", "api-key", SECRET, env=env)
    run_cli("--profile", "ci", "config", "set", "api-key-env", "CI_KEY", env=env)
    listed = run_cli("config", "list", "--json", env=env)
    assert SECRET not in listed.stdout
    rows = {row["name"]: row for row in json.loads(listed.stdout)["profiles"]}
    assert rows["work"]["api_key"] == "…" + SECRET[-4:] and rows["ci"]["api_key"] == "$CI_KEY"
    assert run_cli("config", "use", "ci", env=env).returncode == 0
    assert ConfigFile.load(config_file).default_profile == "ci"
    assert run_cli("--profile", "ci", "config", "unset", "api-key-env", env=env).returncode == 0
    after = ConfigFile.load(config_file)
    assert "ci" not in after.profiles and after.default_profile is None


def test_the_key_can_come_from_stdin_not_the_command_line(config_file: Path) -> None:
    env = _env(config_file)
    result = run_cli("config", "set", "api-key", env=env, stdin=SECRET + "\n")
    assert result.returncode == 0, result.stderr
    assert ConfigFile.load(config_file).profiles["default"] == {"api_key": SECRET}
    assert _show(env)["profile"] == "default"  # the profile named default is used by default


@pytest.mark.parametrize(
    ("args", "extra_env", "message"),
    [
        (("--profile", "nope", "balance"), {}, "no profile 'nope' (from --profile)"),
        (
            ("balance",),
            {"BROWSER_USE_PROFILE": "gone"},
            "no profile 'gone' (from $BROWSER_USE_PROFILE)",
        ),
        (("--profile", "ci", "balance"), {}, "takes its API key from $CI_KEY, which is not set"),
        (("--profile", "bad name", "balance"), {}, "profile name 'bad name' is not allowed"),
        (("config", "set", "api-key-env", "1X"), {}, "takes the NAME of an environment variable"),
        (("config", "set", "base-url", "ftp://x"), {}, "must start with http:// or https://"),
        (("config", "use", "nope"), {}, "no profile 'nope'"),
    ],
)
def test_mistakes_get_one_clear_line_and_exit_2(
    config_file: Path, args: tuple[str, ...], extra_env: dict[str, str], message: str
) -> None:
    env = _env(config_file)
    run_cli("--profile", "ci", "config", "set", "api-key-env", "CI_KEY", env=env)
    error = assert_clean_error(run_cli(*args, env={**env, **extra_env}), 2)
    assert message in error


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[profiles.x\n", "is not valid TOML"),
        ("token = 'x'\n", "unknown setting(s) ['token']"),
        ("[profiles.x]\napi_secret = 'x'\n", "allowed: api_key, api_key_env, base_url"),
        ("[profiles.x]\nbase_url = 3\n", "profiles.x.base_url must be a string"),
    ],
)
def test_a_broken_config_file_is_named_with_the_problem(
    config_file: Path, text: str, message: str
) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text(text)
    error = assert_clean_error(run_cli("config", "show", env=_env(config_file)), 2)
    assert str(config_file) in error and message in error


def test_a_key_in_a_file_others_can_read_is_warned_about(config_file: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    config_file.parent.mkdir(parents=True)
    config_file.write_text(f'[profiles.default]\napi_key = "{SECRET}"\n')
    config_file.chmod(0o644)
    result = run_cli("config", "show", env=_env(config_file))
    assert result.returncode == 0
    assert "others can read it" in result.stderr and SECRET not in result.stderr


@given(st.text(max_size=40))
def test_values_are_written_as_toml_strings_that_read_back_the_same(value: str) -> None:
    assert tomllib.loads(f"v = {_toml_string(value)}")["v"] == value


def test_profile_names_complete(config_file: Path) -> None:
    env = _env(config_file)
    for name in ("work", "weekend", "ci"):
        run_cli(
            "--profile", name, "config", "set", "base-url", "http://127.0.0.1:9/api/v1", env=env
        )
    words = "browser-use-cloud tasks list --profile w"
    completion = {**env, "_BROWSER_USE_CLOUD_COMPLETE": "bash_complete"}
    result = run_cli(env={**completion, "COMP_WORDS": words, "COMP_CWORD": "4"})
    assert result.stdout.split() == ["plain,weekend", "plain,work"]


def test_show_names_a_variable_that_is_not_set_instead_of_failing(config_file: Path) -> None:
    env = _env(config_file)
    run_cli("--profile", "ci", "config", "set", "api-key-env", "CI_KEY", env=env)
    shown = _show(env, "--profile", "ci")
    assert shown["api_key"] is None
    assert shown["api_key_source"] == "profile 'ci' ($CI_KEY, which is not set)"


def test_a_base_url_password_is_hidden_by_set_show_and_list(config_file: Path) -> None:
    url = "https://user:gateway-pass-42@gw.example/api/v1"
    env = _env(config_file, BROWSER_USE_API_KEY=SECRET)
    outputs = [run_cli("--profile", "gw", "config", "set", "base-url", url, env=env)]
    outputs += [
        run_cli("--profile", "gw", "config", "show", *args, env=env) for args in [(), ("--json",)]
    ]
    outputs += [run_cli("config", "list", *args, env=env) for args in [(), ("--json",)]]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        assert "gateway-pass-42" not in result.stdout + result.stderr
        assert "gw.example" in result.stdout
    assert ConfigFile.load(config_file).profiles["gw"]["base_url"] == url
