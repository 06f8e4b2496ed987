"""What the `spec_parity` tests found, one line an item, for the regen workflow's pull request.

A parity test fails through `require_none(problems)`, one line a problem. Run with
`--parity-report FILE` (`pytest -m spec_parity --parity-report FILE`), every item of every failed
parity test is written to FILE as a Markdown list; a parity test that failed in another way (an
error, a plain assert) is listed by its test id and error, so nothing it found is left out.
`tests/conftest.py` takes this module's two hooks; elsewhere load it with `-p parity_report`.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from pathlib import Path

import pytest

MARKER = "spec_parity"


class ParityProblems(AssertionError):
    """A parity test's findings: each one a decision a person has to make."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


def require_none(problems: Sequence[str]) -> None:
    """Fail the calling parity test with one line a problem, when there is any."""
    __tracebackhide__ = True
    if problems:
        raise ParityProblems(problems)


def found_items(test_id: str, error: BaseException) -> Iterator[str]:
    """The items one failed parity test reports."""
    if isinstance(error, ParityProblems):
        yield from error.problems
        return
    first_line = (str(error).strip().splitlines() or [""])[0]
    yield f"{test_id} failed: {type(error).__name__}: {first_line}".rstrip(": ")


class ParityReport:
    """A pytest plugin that collects the items of failed parity tests and writes them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if report.failed and call.excinfo is not None and item.get_closest_marker(MARKER):
            self.items += found_items(item.nodeid, call.excinfo.value)
        return report

    def pytest_sessionfinish(self) -> None:
        unique = dict.fromkeys(self.items)
        self.path.write_text("".join(f"- {item}\n" for item in unique), encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--parity-report",
        type=Path,
        metavar="FILE",
        help=f"write every item the failed {MARKER} tests found to FILE (a Markdown list)",
    )


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("parity_report")
    if path is not None:
        config.pluginmanager.register(ParityReport(path), "parity-report")
