"""Rebuild everything the spec drives, all or nothing.

``python scripts/regen.py pull [--url URL | --path FILE] [--allow-breaking] [--report FILE]
[--written FILE]``
    Fetch a published spec, turn it into our ``openapi.json`` (``normalize.py``), validate it,
    report the change (``spec_diff.py``) and run every build step on it in a scratch directory.
    Only when every step succeeded are the tracked outputs replaced; otherwise nothing changes
    and the failed step is named. ``--written FILE`` lists the replaced outputs (files or
    directories, repository-relative, one a line; empty when nothing changed): the regen
    workflow commits exactly those.
``python scripts/regen.py check``
    Run the build steps on the committed ``openapi.json`` in a scratch directory and compare
    what they write with the committed files.

The nox sessions ``regen`` and ``check_generated`` run these with the pinned generator.
A build step reads ``<build>/openapi.json`` and writes its outputs at their repository paths
under ``<build>``; adding a derived file is one more entry in ``BUILD_STEPS``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import derive_operation_table
import derive_surface
import normalize
import spec_diff

ROOT = Path(__file__).resolve().parents[1]
SPEC = "openapi.json"
PACKAGE_DIR = "generated/browser_use_cloud_api"
CONFIG = ROOT / "openapi-python-client.yaml"
TEMPLATES = ROOT / "templates"
SCRATCH_PARENT = ROOT / ".regen"  # inside the repo, so tools that read our config find it
PUBLISHED_SPEC_URL = "https://api.browser-use.com/api/v1/openapi.json"
FETCH_TIMEOUT = 30.0
IGNORED_PARTS = frozenset({"__pycache__", ".ruff_cache"})

JSON = dict[str, Any]
GENERATOR = "openapi-python-client"
TOOLS_HINT = (
    "run this through `nox -s regen` (pull) or `nox -s check_generated` (check), which install "
    "the pinned tools (the `generate` dependency group)"
)


class StepFailed(Exception):
    """A pipeline step could not do its job; the message says why."""


@dataclass(frozen=True)
class Step:
    """One build step: reads ``<build>/openapi.json``, writes ``outputs`` under ``<build>``."""

    name: str
    outputs: tuple[str, ...]  # repository-relative files or directories
    run: Callable[[Path], None]


def generate_client(build: Path) -> None:
    """openapi-python-client, from scratch, with our config and templates."""
    generator = shutil.which(GENERATOR)
    if generator is None:
        raise StepFailed(f"{GENERATOR} is not installed; {TOOLS_HINT}")
    prepared = build / "generator-input.json"
    spec = json.loads((build / SPEC).read_text(encoding="utf-8"))
    try:
        prepared.write_text(normalize.canonical_dumps(normalize.generator_input(spec)), "utf-8")
    except ValueError as error:
        raise StepFailed(str(error)) from error
    out = build / PACKAGE_DIR
    command = [
        generator,
        "generate",
        "--path",
        str(prepared),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--overwrite",
        "--fail-on-warning",
    ]
    sys.stdout.flush()
    finished = subprocess.run(command, check=False)
    prepared.unlink()
    if finished.returncode != 0:
        raise StepFailed(
            f"openapi-python-client exited with status {finished.returncode} "
            "(its messages are above)"
        )
    (out / "py.typed").write_text("")  # --meta none does not write it
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)


# Every file the spec drives, in the order they are built.
BUILD_STEPS: tuple[Step, ...] = (
    Step("generate the low-level client", (PACKAGE_DIR,), generate_client),
    # Written into the generated package, so it is compared and replaced with it.
    Step("derive the operation table", (), derive_operation_table.build),
    Step(
        "derive the wrapper's request options and the record of exposed names",
        derive_surface.OUTPUTS,
        derive_surface.build,
    ),
)


def build_outputs() -> tuple[str, ...]:
    return tuple(output for step in BUILD_STEPS for output in step.outputs)


class Pipeline:
    """Runs named steps in order and stops at the first failure, naming it."""

    def __init__(self) -> None:
        self.number = 0

    def run(self, name: str, action: Callable[[], Any]) -> Any:
        self.number += 1
        say(f"[{self.number}] {name}")
        try:
            return action()
        except StepFailed as error:
            raise StepFailed(f"{name}: {error}") from error
        except Exception as error:
            traceback.print_exc()
            raise StepFailed(f"{name}: unexpected {type(error).__name__}: {error}") from error


def say(message: str) -> None:
    print(f"regen: {message}", flush=True)


# Fetching and reading the published document


def fetch(url: str | None, path: Path | None) -> bytes:
    if path is not None:
        try:
            return path.read_bytes()
        except OSError as error:
            raise StepFailed(f"cannot read {path}: {error.strerror or error}") from error
    assert url is not None
    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:
            data: bytes = response.read()
    except urllib.error.HTTPError as error:
        raise StepFailed(f"{url} answered HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StepFailed(f"cannot fetch {url}: {reason}") from error
    return data


def read_document(data: bytes, source: str) -> JSON:
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StepFailed(f"{source} is not JSON ({error})") from error
    if not isinstance(document, dict) or "openapi" not in document or "paths" not in document:
        raise StepFailed(f"{source} is not an OpenAPI document (no 'openapi' and 'paths')")
    return document


def validate(spec: JSON) -> None:
    """The full OpenAPI schema check, so a document the generator would refuse never lands."""
    from openapi_spec_validator import validate as validate_spec
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate_spec(spec)
    except OpenAPIValidationError as error:
        where = "/".join(str(part) for part in error.absolute_path) or "(document)"
        raise StepFailed(
            f"the result is not a valid OpenAPI document: at {where}: {error.message}"
        ) from error


# Comparing and replacing outputs


def snapshot(root: Path, output: str) -> dict[str, bytes]:
    """``{repository path: bytes}`` of one output (a file or a directory) under ``root``."""
    target = root / output
    if target.is_file():
        return {output: target.read_bytes()}
    return {
        f"{output}/{path.relative_to(target).as_posix()}": path.read_bytes()
        for path in sorted(target.rglob("*"))
        if path.is_file() and not IGNORED_PARTS.intersection(path.relative_to(target).parts)
    }


def tree_differences(committed: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    """Human-readable differences between committed and freshly built files."""
    problems = [f"added (not generated): {name}" for name in sorted(committed.keys() - fresh)]
    problems += [
        f"removed (generated, not committed): {name}" for name in sorted(fresh.keys() - committed)
    ]
    for name in sorted(committed.keys() & fresh.keys()):
        if committed[name] != fresh[name]:
            diff = difflib.unified_diff(
                fresh[name].decode(errors="replace").splitlines(),
                committed[name].decode(errors="replace").splitlines(),
                f"generated/{name}",
                f"committed/{name}",
                lineterm="",
            )
            problems.append(f"changed: {name}\n" + "\n".join(list(diff)[:40]))
    return problems


def require_outputs(build: Path) -> None:
    missing = [output for output in build_outputs() if not (build / output).exists()]
    if missing:
        raise StepFailed("no step wrote " + ", ".join(missing))


def replace_outputs(build: Path, outputs: Sequence[str]) -> None:
    """Move each fresh output into place; on any error put back what was moved out."""
    backup = build.parent / "previous"
    done: list[tuple[str, bool]] = []  # (output, whether an old copy went to backup)
    try:
        for output in outputs:
            target, fresh, kept = ROOT / output, build / output, backup / output
            had_old = target.exists()
            if had_old:
                kept.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, kept)
            done.append((output, had_old))
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(fresh, target)
    except OSError as error:
        for output, had_old in reversed(done):
            target = ROOT / output
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            if had_old:
                os.replace(backup / output, target)
        raise StepFailed(f"could not move {output} into place: {error}") from error


# Commands


def pull(args: argparse.Namespace, scratch: Path) -> int:
    steps = Pipeline()
    build = scratch / "build"
    build.mkdir()
    source = str(args.path) if args.path else args.url
    data = steps.run(f"fetch the published spec ({source})", lambda: fetch(args.url, args.path))
    published = steps.run("read the published spec", lambda: read_document(data, source))
    previous = steps.run(
        f"read the current {SPEC}",
        lambda: read_document((ROOT / SPEC).read_bytes(), f"the current {SPEC}"),
    )
    spec, needs_wording = steps.run(
        f"normalise it into {SPEC}", lambda: normalize.project_spec(published, previous)
    )
    (build / SPEC).write_text(normalize.canonical_dumps(spec), encoding="utf-8")
    steps.run(f"validate {SPEC}", lambda: validate(spec))
    report = steps.run(
        "compare with the current spec", lambda: spec_diff.diff_specs(previous, spec)
    )
    print(spec_diff.render_text(report))
    if needs_wording:
        print("Needs our own wording before release (upstream prose was not copied):")
        print("\n".join(f"  - {location}" for location in needs_wording))
    if args.report:
        args.report.write_text(markdown_report(report, needs_wording), encoding="utf-8")
    for step in BUILD_STEPS:
        steps.run(step.name, lambda step=step: step.run(build))
    steps.run("check every output was written", lambda: require_outputs(build))
    if report.breaking and not args.allow_breaking:
        raise StepFailed(
            f"the new spec breaks clients ({len(report.breaking)} breaking changes above); "
            "rerun with --allow-breaking to accept it"
        )
    outputs = (SPEC, *build_outputs())
    changed = [o for o in outputs if snapshot(ROOT, o) != snapshot(build, o)]
    if changed:
        steps.run("replace " + ", ".join(changed), lambda: replace_outputs(build, changed))
        say("done: replaced " + ", ".join(changed))
    else:
        say("nothing changed")
    if args.written:
        args.written.write_text("".join(f"{output}\n" for output in changed), encoding="utf-8")
    return 0


def markdown_report(report: spec_diff.Report, needs_wording: list[str]) -> str:
    lines = ["## Change report", "", "```", spec_diff.render_text(report), "```", ""]
    lines += ["## Needs our own wording", ""]
    lines += [f"- {location}" for location in needs_wording] or ["Nothing."]
    return "\n".join(lines) + "\n"


def check(scratch: Path) -> int:
    steps = Pipeline()
    build = scratch / "build"
    build.mkdir()
    shutil.copyfile(ROOT / SPEC, build / SPEC)
    spec = json.loads((build / SPEC).read_text(encoding="utf-8"))
    steps.run(f"validate {SPEC}", lambda: validate(spec))
    for step in BUILD_STEPS:
        steps.run(step.name, lambda step=step: step.run(build))
    steps.run("check every output was written", lambda: require_outputs(build))
    problems: list[str] = []
    files = 0
    for output in build_outputs():
        committed = snapshot(ROOT, output)
        files += len(committed)
        problems += tree_differences(committed, snapshot(build, output))
    if problems:
        print("\n".join(problems))
        raise StepFailed(
            f"the committed {', '.join(build_outputs())} do not match {SPEC}; "
            f"run `nox -s regen -- --path {SPEC}` and commit the result"
        )
    say(f"{', '.join(build_outputs())} match {SPEC} ({files} files)")
    return 0


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="regen.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    pulling = commands.add_parser("pull", help="rebuild openapi.json and its outputs from a spec")
    source = pulling.add_mutually_exclusive_group()
    source.add_argument("--url", default=PUBLISHED_SPEC_URL, help="published spec to fetch")
    source.add_argument("--path", type=Path, help="a spec file instead of the URL")
    pulling.add_argument(
        "--allow-breaking", action="store_true", help="accept a change that breaks clients"
    )
    pulling.add_argument("--report", type=Path, help="also write the change report (Markdown)")
    pulling.add_argument(
        "--written",
        type=Path,
        help="also write the outputs it replaced, one repository path a line (empty: none)",
    )
    commands.add_parser("check", help="compare the committed outputs with a fresh build")
    return parser.parse_args(argv)


def missing_tools() -> list[str]:
    """The tools of the `generate` group this Python cannot use."""
    missing = []
    if importlib.util.find_spec("openapi_spec_validator") is None:
        missing.append("openapi-spec-validator")
    if shutil.which(GENERATOR) is None:
        missing.append(GENERATOR)
    return missing


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    missing = missing_tools()
    if missing:
        say(f"{' and '.join(missing)} not installed here; {TOOLS_HINT}")
        return 2
    SCRATCH_PARENT.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"{args.command}-", dir=SCRATCH_PARENT))
    try:
        return pull(args, scratch) if args.command == "pull" else check(scratch)
    except StepFailed as error:
        say(f"FAILED at {error}")
        if args.command == "pull":
            say(f"nothing was changed: {', '.join((SPEC, *build_outputs()))} are as they were")
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if not any(SCRATCH_PARENT.iterdir()):
            SCRATCH_PARENT.rmdir()


if __name__ == "__main__":
    sys.exit(main())
