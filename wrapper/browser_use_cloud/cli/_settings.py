"""Named profiles in a config file, and which API key and base URL a command uses.

The file is TOML, in the platform's config directory (`$XDG_CONFIG_HOME/browser-use-cloud/
config.toml` on Linux; `$BROWSER_USE_CONFIG` names another), readable only by its owner::

    default_profile = "work"

    [profiles.work]
    api_key_env = "WORK_BROWSER_USE_KEY"   # the key is read from this variable
    base_url = "https://api.browser-use.com/api/v1"

    [profiles.local]
    api_key = "any"
    base_url = "http://127.0.0.1:8765/api/v1"

Each setting is taken from the first of: its option (`--api-key`), its environment variable
(`BROWSER_USE_API_KEY`), the profile, the built-in default. The profile is the one named by
`--profile`, else `$BROWSER_USE_PROFILE`, else `default_profile`, else `default` if the file
has one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import click

from ._errors import CliError

if TYPE_CHECKING:  # pathlib and tomllib load when a command needs them, not for --help
    from pathlib import Path

CONFIG_ENV: Final = "BROWSER_USE_CONFIG"
PROFILE_ENV: Final = "BROWSER_USE_PROFILE"
DEFAULT_PROFILE: Final = "default"
APP_NAME: Final = "browser-use-cloud"

SETTINGS: Final = {
    "api_key": "the API key itself (kept in the file; prefer api_key_env)",
    "api_key_env": "the name of an environment variable that holds the API key",
    "base_url": "the API base URL",
}
"""What a profile may hold, and what each means."""

SETTINGS_HELP: Final = """\
Settings: the API key and the base URL each come from the first of: the option, its
environment variable, the profile (--profile, else $BROWSER_USE_PROFILE, else the config
file's default_profile), the default. `browser-use-cloud config show` says which."""

_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def config_path() -> Path:
    """`$BROWSER_USE_CONFIG`, else `config.toml` in the platform's config directory."""
    from pathlib import Path

    named = os.environ.get(CONFIG_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    return Path(click.get_app_dir(APP_NAME)) / "config.toml"


def check_profile_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise CliError(
            f"profile name {name!r} is not allowed: use 1-64 letters, digits, '-' or '_'"
        )
    return name


def check_setting(key: str, value: str) -> str:
    """`value` for `key`, checked (a clear error before anything is written)."""
    value = value.strip()
    if not value:
        raise CliError(f"{key} cannot be empty")
    if key == "api_key_env" and not _ENV_NAME.fullmatch(value):
        raise CliError(
            f"api_key_env takes the NAME of an environment variable (letters, digits and '_', "
            f"not starting with a digit), such as WORK_BROWSER_USE_KEY; got {value!r}"
        )
    if key == "base_url" and not value.startswith(("http://", "https://")):
        raise CliError(f"base_url must start with http:// or https://, got {value!r}")
    if key == "api_key" and any(c.isspace() for c in value):
        raise CliError("api_key cannot contain spaces or newlines")
    return value


def mask(secret: str) -> str:
    """`…` and the last four characters of a long secret; `****` for a short one."""
    return f"…{secret[-4:]}" if len(secret) >= 12 else "****"


class ConfigFile:
    """The profiles in the config file at `path` (empty when there is no file)."""

    def __init__(self, path: Path, profiles: dict[str, dict[str, str]], default: str | None):
        self.path = path
        self.profiles = profiles
        self.default_profile = default

    def __repr__(self) -> str:
        return f"ConfigFile({str(self.path)!r}, profiles={sorted(self.profiles)!r})"

    @classmethod
    def load(cls, path: Path | None = None) -> ConfigFile:
        import tomllib

        path = config_path() if path is None else path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, {}, None)
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read the config file {path}: {exc}") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise CliError(f"the config file {path} is not valid TOML: {exc}") from None
        profiles, default = _checked(path, data)
        if any("api_key" in p for p in profiles.values()) and _readable_by_others(path):
            click.echo(
                f"Warning: {path} holds an API key and others can read it; run `chmod 600 {path}`.",
                err=True,
            )
        return cls(path, profiles, default)

    def save(self) -> None:
        """Write the file, readable and writable by its owner only (its folder too, if new)."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(self.render())
            os.chmod(temporary, 0o600)  # in case the file was there with wider rights
            os.replace(temporary, self.path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def render(self) -> str:
        """The file's TOML text."""
        lines = ["# browser-use-cloud profiles (see `browser-use-cloud config --help`)", ""]
        if self.default_profile is not None:
            lines += [f"default_profile = {_toml_string(self.default_profile)}", ""]
        for name in sorted(self.profiles):
            lines.append(f"[profiles.{name}]")
            for key in SETTINGS:
                if key in self.profiles[name]:
                    lines.append(f"{key} = {_toml_string(self.profiles[name][key])}")
            lines.append("")
        return "\n".join(lines)


def _checked(path: Path, data: Mapping[str, Any]) -> tuple[dict[str, dict[str, str]], str | None]:
    unknown = set(data) - {"default_profile", "profiles"}
    if unknown:
        raise CliError(
            f"{path}: unknown setting(s) {sorted(unknown)}; the file holds `default_profile` "
            "and `[profiles.NAME]` tables"
        )
    default = data.get("default_profile")
    if default is not None and not isinstance(default, str):
        raise CliError(f"{path}: default_profile must be a profile name (a string)")
    tables = data.get("profiles", {})
    if not isinstance(tables, dict):
        raise CliError(f"{path}: `profiles` must be tables: [profiles.NAME]")
    profiles: dict[str, dict[str, str]] = {}
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise CliError(f"{path}: profiles.{name} must be a table of settings")
        extra = set(table) - set(SETTINGS)
        if extra:
            raise CliError(
                f"{path}: profile {name!r} has unknown setting(s) {sorted(extra)}; "
                f"allowed: {', '.join(SETTINGS)}"
            )
        for key, value in table.items():
            if not isinstance(value, str):
                raise CliError(f"{path}: profiles.{name}.{key} must be a string")
        profiles[name] = dict(table)
    return profiles, default


def _readable_by_others(path: Path) -> bool:
    import stat

    if os.name != "posix":
        return False
    try:
        return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))
    except OSError:
        return False


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


class Resolved:
    """The API key and base URL a command uses, and where each came from."""

    def __init__(
        self,
        *,
        profile: str | None,
        profile_source: str,
        api_key: str | None,
        api_key_source: str,
        base_url: str | None,
        base_url_source: str,
        path: Path,
        unset_variable: str | None = None,
    ) -> None:
        self.profile = profile
        self.profile_source = profile_source
        self.api_key = api_key
        self.api_key_source = api_key_source
        self.base_url = base_url
        self.base_url_source = base_url_source
        self.path = path
        self.unset_variable = unset_variable

    def __repr__(self) -> str:  # never the key
        return f"Resolved(profile={self.profile!r}, base_url={self.base_url!r})"

    @property
    def key_problem(self) -> str | None:
        """Why there is no API key when the profile names a variable that is not set."""
        if self.api_key is not None or self.unset_variable is None:
            return None
        variable = self.unset_variable
        return (
            f"profile {self.profile!r} takes its API key from ${variable}, which is not set "
            f"(export {variable}=bu_... or pass --api-key)"
        )


def resolve(
    *,
    api_key: tuple[str | None, str],
    base_url: tuple[str | None, str],
    profile: tuple[str | None, str],
    config: ConfigFile | None = None,
) -> Resolved:
    """Apply the precedence: option > environment variable > profile > default.

    Each argument is (value or None, where it came from: `--api-key`, `$BROWSER_USE_API_KEY`).
    The config file is read only when a setting is missing or a profile was named.
    """
    given_key, key_source = api_key
    given_url, url_source = base_url
    chosen, chosen_source = profile
    if given_key and given_url and chosen is None:
        return Resolved(
            profile=None,
            profile_source="not needed",
            api_key=given_key,
            api_key_source=key_source,
            base_url=given_url,
            base_url_source=url_source,
            path=config_path() if config is None else config.path,
        )
    config = ConfigFile.load() if config is None else config
    name, name_source = _choose(config, chosen, chosen_source)
    settings = config.profiles.get(name, {}) if name else {}
    key, key_from, unset_variable = given_key, key_source, None
    if not key and name:
        key, key_from, unset_variable = _profile_key(name, settings)
    url, url_from = given_url, url_source
    if not url and "base_url" in settings:
        url, url_from = settings["base_url"], f"profile {name!r}"
    return Resolved(
        profile=name,
        profile_source=name_source,
        api_key=key or None,
        api_key_source=key_from if key or unset_variable else "not set",
        base_url=url or None,
        base_url_source=url_from if url else "default",
        path=config.path,
        unset_variable=unset_variable,
    )


def _choose(config: ConfigFile, chosen: str | None, source: str) -> tuple[str | None, str]:
    if chosen is None and config.default_profile is not None:
        chosen, source = config.default_profile, f"default_profile in {config.path}"
    if chosen is None:
        present = DEFAULT_PROFILE in config.profiles
        return (DEFAULT_PROFILE, "the profile named default") if present else (None, "none")
    if chosen not in config.profiles:
        known = ", ".join(sorted(config.profiles)) or "none yet"
        raise CliError(
            f"no profile {chosen!r} (from {source}) in {config.path} (profiles: {known}); "
            f"create it with `browser-use-cloud --profile {chosen} config set api-key-env VAR`"
        )
    return chosen, source


def _profile_key(name: str, settings: Mapping[str, str]) -> tuple[str | None, str, str | None]:
    """(the key, where it came from, the variable named but not set)."""
    if "api_key" in settings:
        return settings["api_key"], f"profile {name!r}", None
    variable = settings.get("api_key_env")
    if variable is None:
        return None, "not set", None
    value = os.environ.get(variable, "").strip()
    if not value:
        return None, f"profile {name!r} (${variable}, which is not set)", variable
    return value, f"profile {name!r} (${variable})", None
