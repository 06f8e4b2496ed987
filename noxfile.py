"""Every workflow of the project is a nox session: `nox -l` lists them.

The README's two set-up commands are `nox -s demo` (the main job, on the built-in emulator)
and `nox -s tests lint typecheck check_generated` (what every change must pass; CI also runs
`pipeline`, the slow builds and regen loops that `tests` leaves out).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.reuse_venv = "yes"
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint", "typecheck", "check_generated"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
SPEC = ROOT / "openapi.json"


def _group(name: str) -> list[str]:
    return nox.project.dependency_groups(PYPROJECT, name)


def _install_project(session: nox.Session, extras: str = "all") -> None:
    session.install("-e", f".[{extras}]")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite: unit, integration against the emulator, spec checks (not the pipeline).

    Two pytest-xdist workers per core (a module's tests stay on one worker, with its
    fixtures): most of a test's time is spent waiting for emulated task steps, so a second
    worker per core fills those waits (on 2 cores: 224 s with 2 workers, 133-145 s with 4)."""
    _install_project(session)
    session.install(*_group("test"))
    workers = str(2 * (os.cpu_count() or 1))
    session.run("pytest", "-n", workers, "--dist", "loadscope", *session.posargs)


@nox.session
def pipeline(session: nox.Session) -> None:
    """The pipeline tests: the sdist and wheel into a fresh venv, regen loops on tree copies."""
    _install_project(session)
    session.install(*_group("test"))
    session.run("pytest", "-m", "pipeline", *session.posargs)


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


@nox.session
def check_generated(session: nox.Session) -> None:
    """Rebuild everything openapi.json drives in a scratch directory; compare with the tree."""
    session.install(*_group("generate"))
    session.run("python", "scripts/regen.py", "check")


@nox.session
def regen(session: nox.Session) -> None:
    """Pull the published spec; rebuild openapi.json, generated/ and derived files, or nothing.

    `nox -s regen -- [--url URL | --path FILE] [--allow-breaking] [--report FILE]`
    """
    session.install(*_group("generate"))
    session.run("python", "scripts/regen.py", "pull", *session.posargs)


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
    """10,000 sync and async operations against the emulator with faults on; exit 1 on a miss.

    The clients have no request budget here (the emulator is the only server); the budget
    has its own session, `soak_budgeted`."""
    _install_project(session)
    session.run("python", "-m", "soak.run", "--operations", "10000", *session.posargs)


@nox.session
def soak_budgeted(session: nox.Session) -> None:
    """The soak under the default request budget, against the service's rate limit per key."""
    _install_project(session)
    session.run(
        "python",
        "-m",
        "soak.run",
        "--operations",
        "1500",
        "--max-requests-per-second",
        "20",
        "--rate-limit",
        "25",
        *session.posargs,
    )


SITE = ROOT / "site"
DOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material's banner about its successor
# (never `mkdocs build --quiet`: it hides the warnings that --strict counts, and passes)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into site/ with --strict (links, references, public names)."""
    session.install(*_group("docs"))
    session.run(
        "mkdocs", "build", "--strict", "--site-dir", str(SITE), *session.posargs, env=DOCS_ENV
    )


def _chromium(session: nox.Session) -> str:
    """Debian's chromium: found on PATH, or installed with apt when running as root."""
    found = shutil.which("chromium")
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        session.log("chromium is missing: installing Debian's package")
        session.run("apt-get", "update", "-qq", external=True)
        session.run(
            "apt-get",
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "chromium",
            external=True,
            env={"DEBIAN_FRONTEND": "noninteractive"},
        )
        found = shutil.which("chromium")
    if found is None:
        session.error("the browser check needs Debian's chromium: apt-get install chromium")
    return found


@nox.session
def docs_browser(session: nox.Session) -> None:
    """Build the site, serve it on loopback and check three pages in headless Chromium."""
    chromium = _chromium(session)
    session.install(*_group("docs"), *_group("docs_browser"))
    site = Path(session.create_tmp()) / "site"
    screenshots = Path(session.create_tmp()) / "screenshots"
    session.run("mkdocs", "build", "--strict", "--site-dir", str(site), env=DOCS_ENV)
    session.run(
        "python",
        "scripts/docs_browser_check.py",
        "--site",
        str(site),
        "--docs",
        "docs",
        "--chromium",
        chromium,
        "--screenshots",
        str(screenshots),
        *session.posargs,
    )


@nox.session
def api_check(session: nox.Session) -> None:
    """Fail on a break of the public API that CHANGELOG.md's Unreleased section does not name."""
    session.install(*_group("api_check"))
    session.run("python", "scripts/api_check.py", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check them with twine (the release build)."""
    session.install(*_group("release"))
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist), str(ROOT))
    session.run("twine", "check", "--strict", *(str(path) for path in sorted(dist.iterdir())))


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against same-run baselines (servers in other processes); writes BENCHMARKS.md."""
    _install_project(session)
    session.install("browser-use-sdk==3.12.1", "requests")
    session.run("python", "-m", "bench.run", *session.posargs)
