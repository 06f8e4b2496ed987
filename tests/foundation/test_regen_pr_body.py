"""The regen workflow's pull request body carries every item the parity tests found.

`--parity-report` (tests/parity_report.py) lists each problem of each failed `spec_parity`
test, whatever its kind, and an error of a parity test by its id; `scripts/regen_pr_body.py`
puts the whole list in the body (the workflow used to keep only "has no wrapper method").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import regen_pr_body

TESTS = Path(__file__).resolve().parents[1]

SAMPLE = """
import pytest
from parity_report import require_none

pytestmark = pytest.mark.spec_parity


def test_two_kinds() -> None:
    require_none([
        "operation GET /api/v1/x has no wrapper method; reach it with client.call(\\"x\\", ...)",
        "ListXResponse.cursor is new in the answer of GET /api/v1/xs but client.xs.list does not "
        "return it",
    ])


def test_broken() -> None:
    raise KeyError("paths")


def test_nothing_found() -> None:
    require_none([])
"""
NOT_PARITY = """
def test_unrelated_failure() -> None:
    assert False, "not a parity item"
"""


def test_the_parity_report_lists_every_item(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "test_other.py").write_text(NOT_PARITY, encoding="utf-8")
    listed = tmp_path / "parity.md"
    finished = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-p", "parity_report", "-p", "no:cacheprovider"),
            *("-W", "ignore::pytest.PytestUnknownMarkWarning", "-q"),
            *("--rootdir", str(tmp_path), "--parity-report", str(listed), str(tmp_path)),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(TESTS)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 1, finished.stdout + finished.stderr
    assert listed.read_text(encoding="utf-8").splitlines() == [
        '- operation GET /api/v1/x has no wrapper method; reach it with client.call("x", ...)',
        "- ListXResponse.cursor is new in the answer of GET /api/v1/xs but client.xs.list does "
        "not return it",
        "- test_sample.py::test_broken failed: KeyError: 'paths'",
    ]


def test_the_body_carries_every_item_and_the_reports() -> None:
    items = "- operation GET /a has no wrapper method\n- X.y is new in the answer of GET /b\n"
    body = regen_pr_body.body("## Change report\n\nA\n", 1, items, "pytest output", "- ci ok\n")
    assert body == (
        "## Change report\n\nA\n\n"
        f"{regen_pr_body.PARITY_HEADING}\n\n"
        "- operation GET /a has no wrapper method\n- X.y is new in the answer of GET /b\n\n"
        "## CI sessions on the regenerated tree\n\n- ci ok\n"
    )


def test_the_body_says_when_nothing_needs_a_person() -> None:
    passed = regen_pr_body.body("r", 0, "", "", "c")
    assert "Every parity check passed" in passed
    assert "No parity test ran" in regen_pr_body.body("r", 5, None, "", "c")


def test_without_a_list_the_body_shows_the_end_of_the_parity_output() -> None:
    output = "\n".join(f"line {n}" for n in range(100)) + "\nINTERNALERROR> boom\n"
    body = regen_pr_body.body("r", 3, None, output, None)
    assert "The parity run exited 3 without a list" in body
    assert "INTERNALERROR> boom" in body and "line 81\n" in body and "line 80\n" not in body
