"""Each synthetic upstream release of `synthetic_releases` through the real regen, on a copy.

Slow (a few minutes a release: `nox -s regen` and `nox -s check_generated` each run the
generator), so marked `regen_loop`. For every release it checks what the regen workflow's
pull request would carry: regen accepts it (a breaking one only with `--allow-breaking`) and
lists every file it wrote (`--written`, the pull request's paths), `check_generated` passes on
the result, the tests outside `spec_parity` that read the spec still pass, the parity report
names exactly the decisions left to a person (and the pull request body carries each), the
new surface works against the emulator, and the CLI's help shows it where the CLI has a place
for it. What still needs a hand edit today is an expected
failure naming the issue item that removes it (strict: it fails once the gap is closed).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from synthetic_releases import RELEASES, Release
from tree_copies import copy_tree, git_status, read_spec, run_nox, tree_env, write_spec

pytestmark = [pytest.mark.pipeline, pytest.mark.regen_loop]  # nox sessions on tree copies

# Tests outside `spec_parity` that read openapi.json or the operation table: a regen must
# leave them passing (the regen workflow's pull request runs the whole suite).
SPEC_READING_TESTS = (
    "tests/surface",
    "tests/wrapper/test_operations.py",
    "tests/mcp/test_mcp_tools.py",
    "tests/mcp/test_mcp_readme_tools.py",
)

# Where a release still needs a hand edit today: (release, check) -> what is missing, run as
# a strict xfail. None now: a header parameter was one until the operation table brought it to
# client.call (issue 19 items 1, 4), a list filter and a status value until the CLI derived
# its options from the table (issue 19 item 5).
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Regenerated:
    release: Release
    tree: Path
    output: str  # what `nox -s regen` printed
    report: str  # its Markdown change report
    written: list[str]  # its --written list


def _python(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=tree,
        capture_output=True,
        text=True,
        env=tree_env(tree),
        timeout=600,
        check=False,
    )


def _known_gap(request: pytest.FixtureRequest, release: Release, check: str) -> None:
    reason = KNOWN_GAPS.get((release.name, check))
    if reason is not None:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="module", params=RELEASES, ids=lambda release: release.name)
def regenerated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, nox_envdir: Path
) -> Regenerated:
    release: Release = request.param
    work = tmp_path_factory.mktemp("release")
    tree = copy_tree(work / "tree")
    published = write_spec(work / "published.json", release.apply(read_spec(tree)))
    report, written = work / "report.md", work / "written.txt"
    posargs = ["--path", str(published), "--report", str(report), "--written", str(written)]
    if release.allow_breaking:
        posargs.append("--allow-breaking")
    result = run_nox(tree, nox_envdir, "regen", *posargs)
    assert result.returncode == 0, result.stdout
    return Regenerated(
        release,
        tree,
        result.stdout,
        report.read_text(encoding="utf-8"),
        written.read_text(encoding="utf-8").splitlines(),
    )


def test_regen_reports_the_change(regenerated: Regenerated) -> None:
    release = regenerated.release
    counts = f"{release.breaking} breaking, {release.non_breaking} non-breaking"
    assert counts in regenerated.report, regenerated.report
    assert "regen: done: replaced openapi.json" in regenerated.output


def test_the_written_list_is_every_changed_file(regenerated: Regenerated) -> None:
    """The pull request commits the --written paths: nothing regen changed may be left out."""
    changed = [line[3:] for line in git_status(regenerated.tree).splitlines()]
    written = regenerated.written
    assert changed
    assert [p for p in changed if not any(p == w or p.startswith(f"{w}/") for w in written)] == []
    assert [w for w in written if not any(p == w or p.startswith(f"{w}/") for p in changed)] == []


def test_check_generated_passes(regenerated: Regenerated, nox_envdir: Path) -> None:
    result = run_nox(regenerated.tree, nox_envdir, "check_generated")
    assert result.returncode == 0, result.stdout


def test_spec_reading_tests_outside_parity_pass(
    regenerated: Regenerated, request: pytest.FixtureRequest
) -> None:
    _known_gap(request, regenerated.release, "spec-reading tests")
    finished = _python(
        regenerated.tree,
        *("-m", "pytest", *SPEC_READING_TESTS, "-m", "not spec_parity"),
        *("-q", "-p", "no:cacheprovider"),
    )
    assert finished.returncode == 0, finished.stdout[-4000:] + finished.stderr[-2000:]


def test_parity_names_exactly_what_needs_a_person(regenerated: Regenerated, tmp_path: Path) -> None:
    items = tmp_path / "parity.md"
    output = tmp_path / "parity.txt"
    finished = _python(
        regenerated.tree,
        *("-m", "pytest", "tests", "-m", "spec_parity", "-q", "-p", "no:cacheprovider"),
        *("--parity-report", str(items)),
    )
    output.write_text(finished.stdout + finished.stderr, encoding="utf-8")
    listed = {line.removeprefix("- ") for line in items.read_text(encoding="utf-8").splitlines()}
    assert listed == regenerated.release.parity, finished.stdout[-4000:]
    assert finished.returncode == (1 if listed else 0), finished.stdout[-4000:]

    report = tmp_path / "report.md"
    report.write_text(regenerated.report, encoding="utf-8")
    body = _python(
        regenerated.tree,
        "scripts/regen_pr_body.py",
        *("--report", str(report), "--parity", str(items)),
        *("--parity-status", str(finished.returncode), "--parity-output", str(output)),
    )
    assert body.returncode == 0, body.stderr
    for item in listed:
        assert f"- {item}\n" in body.stdout
    assert regenerated.report.strip() in body.stdout


def test_the_new_surface_works_against_the_emulator(
    regenerated: Regenerated, request: pytest.FixtureRequest
) -> None:
    release = regenerated.release
    _known_gap(request, release, "probe")
    finished = _python(regenerated.tree, "-c", release.probe)
    assert finished.returncode == 0, finished.stderr[-4000:]
    assert json.loads(finished.stdout) == release.expected


CLI_HELP = """
import sys
from click.testing import CliRunner
from browser_use_cloud.cli._app import cli
print(CliRunner().invoke(cli, [*sys.argv[1:], "--help"], terminal_width=200).output)
"""


def test_the_cli_follows(regenerated: Regenerated, request: pytest.FixtureRequest) -> None:
    release = regenerated.release
    if release.cli_help is None:
        pytest.skip(f"the {release.name} release has no CLI counterpart")
    _known_gap(request, release, "cli")
    command, shown = release.cli_help
    finished = _python(regenerated.tree, "-c", CLI_HELP, *command)
    assert finished.returncode == 0, finished.stderr[-4000:]
    assert shown in finished.stdout, finished.stdout
