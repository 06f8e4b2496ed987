"""Every workflow of the project is a nox session: `nox -l` lists them.

The README's two set-up commands are `nox -s demo` (the main job, on the built-in emulator)
and `nox -s tests lint typecheck check_generated` (what CI runs).
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import nox

nox.options.reuse_venv = "yes"
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint", "typecheck", "check_generated"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
SPEC = ROOT / "openapi.json"
CONFIG = ROOT / "openapi-python-client.yaml"
TEMPLATES = ROOT / "templates"
PACKAGE = "browser_use_cloud_api"
GENERATED = ROOT / "generated" / PACKAGE
SCRATCH = ROOT / ".regen"  # inside the repo, so the post-hook ruff reads our [tool.ruff]
PUBLISHED_SPEC_URL = "https://api.browser-use.com/api/v1/openapi.json"
IGNORED_PARTS = {"__pycache__", ".ruff_cache"}


def _group(name: str) -> list[str]:
    return nox.project.dependency_groups(PYPROJECT, name)


def _install_project(session: nox.Session, extras: str = "all") -> None:
    session.install("-e", f".[{extras}]")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite: unit, integration over loopback against the emulator, spec checks."""
    _install_project(session)
    session.install(*_group("test"))
    session.run("pytest", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The main job on the built-in emulator: live steps, structured output, upload, webhooks."""
    _install_project(session)
    session.run("browser-use-cloud", "demo", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check (the same ruff that formats generated code)."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the hand-written package."""
    _install_project(session)
    session.install(*_group("typecheck"))
    session.run("mypy", "--strict", "wrapper/browser_use_cloud")


def _generate(session: nox.Session, spec: Path, out: Path) -> None:
    """Regenerate the low-level client from `spec` into `out` (always from scratch)."""
    session.install(*_group("generate"))
    prepared = SCRATCH / "generator-input.json"
    session.run("python", "scripts/normalize.py", str(spec), "--generator-input", str(prepared))
    shutil.rmtree(out, ignore_errors=True)  # --overwrite only replaces api/ and models/
    session.run(
        "openapi-python-client",
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
    )
    (out / "py.typed").write_text("")  # --meta none does not write it
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    prepared.unlink()


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED_PARTS.intersection(path.parts)
    }


def tree_differences(committed: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    """Human-readable differences between the committed and a freshly generated tree."""
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


@nox.session
def check_generated(session: nox.Session) -> None:
    """Regenerate into a scratch directory and compare with generated/, file by file."""
    fresh_dir = SCRATCH / "check" / PACKAGE
    try:
        _generate(session, SPEC, fresh_dir)
        problems = tree_differences(_tree(GENERATED), _tree(fresh_dir))
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    if problems:
        session.error(
            "generated/ does not match openapi.json; run `nox -s regen -- --path openapi.json` "
            "and commit the result:\n" + "\n".join(problems)
        )
    session.log(f"generated/ matches openapi.json ({len(_tree(GENERATED))} files)")


def _regen_arguments(posargs: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s regen --")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--url", default=PUBLISHED_SPEC_URL, help="published spec to fetch")
    source.add_argument("--path", type=Path, help="a spec file instead of the URL")
    parser.add_argument(
        "--allow-breaking", action="store_true", help="exit 0 even when the change breaks clients"
    )
    return parser.parse_args(posargs)


@nox.session
def regen(session: nox.Session) -> None:
    """Pull a published spec, write openapi.json, regenerate generated/, report the change."""
    args = _regen_arguments(session.posargs)
    SCRATCH.mkdir(exist_ok=True)
    published = SCRATCH / "published.json"
    previous = SCRATCH / "previous.json"
    if args.path:
        shutil.copyfile(args.path, published)
    else:
        session.log(f"fetching {args.url}")
        with urllib.request.urlopen(args.url, timeout=30) as response:
            published.write_bytes(response.read())
    json.loads(published.read_text(encoding="utf-8"))  # fail early on a non-JSON answer
    shutil.copyfile(SPEC, previous)
    session.install(*_group("generate"))
    session.run(
        "python",
        "scripts/normalize.py",
        str(published),
        "--previous",
        str(previous),
        "--out",
        str(SPEC),
    )
    _generate(session, SPEC, GENERATED)
    report = ["python", "scripts/spec_diff.py", str(previous), str(SPEC)]
    if args.allow_breaking:
        report.append("--allow-breaking")
    try:
        session.run(*report)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


@nox.session
def spec_diff(session: nox.Session) -> None:
    """Structural change report between two specs: `nox -s spec_diff -- OLD NEW [--json]`."""
    if len(session.posargs) < 2:
        session.error("usage: nox -s spec_diff -- OLD NEW [--json] [--allow-breaking]")
    session.run("python", "scripts/spec_diff.py", *session.posargs)


# The spec declares only 200 and 422; the service also answers 401, 402, 404 and 409 as its
# documentation says, and enforces documented limits the spec leaves out (page size, steps,
# metadata). Those two checks would flag documented behaviour, so they are left out. The
# emulator runs with one fixed key, so that schemathesis' wrong-key probes must get 401.
CONFORMANCE_KEY = "conformance-key"
CONFORMANCE_EXCLUDED_CHECKS = "status_code_conformance,positive_data_acceptance"


@nox.session
def conformance(session: nox.Session) -> None:
    """schemathesis with openapi.json against a running emulator: every operation, 0 failures."""
    _install_project(session)
    session.install(*_group("conformance"))
    emulator = subprocess.Popen(
        [
            Path(session.bin) / "browser-use-cloud",
            "emulator",
            "--port",
            "0",
            "--step-interval",
            "0.01",
            "--api-key",
            CONFORMANCE_KEY,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert emulator.stdout is not None
        base_url = emulator.stdout.readline().strip()  # http://127.0.0.1:PORT/api/v1
        session.log(f"emulator at {base_url}")
        session.run(
            "schemathesis",
            "run",
            str(SPEC),
            "--url",
            base_url.removesuffix("/api/v1"),
            "--header",
            f"Authorization: Bearer {CONFORMANCE_KEY}",
            "--checks",
            "all",
            "--exclude-checks",
            CONFORMANCE_EXCLUDED_CHECKS,
            "--max-examples",
            "40",
            "--workers",
            "1",  # hypothesis' lambda-source cache is not thread-safe (AST recursion errors)
            *session.posargs,
        )
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)


@nox.session
def soak(session: nox.Session) -> None:
    """10,000 sync and async operations against the emulator with faults on; exit 1 on a miss."""
    _install_project(session)
    session.run("python", "-m", "soak.run", "--operations", "10000", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against same-run baselines (servers in other processes); writes BENCHMARKS.md."""
    _install_project(session)
    session.install("browser-use-sdk==3.12.1", "requests")
    session.run("python", "-m", "bench.run", *session.posargs)
