"""The body of the regen workflow's pull request, from the files its steps wrote.

``python scripts/regen_pr_body.py --report REPORT.md --parity PARITY.md --parity-status N
--parity-output PARITY.txt --ci CI.md`` prints Markdown: the change report and the places that
need our wording (``regen.py --report``), every item the parity tests found (the list that
``pytest -m spec_parity --parity-report`` writes; their output's last lines when pytest wrote no
list) and the results of the CI sessions on the regenerated tree.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

PARITY_HEADING = "## What needs a person (the parity tests)"
OUTPUT_TAIL = 20  # lines of pytest's output shown when it wrote no list


def _read(path: Path | None) -> str | None:
    if path is None or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def parity_section(status: int, items: str | None, output: str | None) -> list[str]:
    """The parity findings: every item, or why there is none."""
    lines = [PARITY_HEADING, ""]
    if status == 0:
        return [*lines, "Every parity check passed: the wrapper exposes everything in the spec."]
    if status == 5:
        return [*lines, "No parity test ran (nothing is marked `spec_parity`)."]
    if items and items.strip():
        return [*lines, items.rstrip("\n")]
    tail = (output or "(no output)").rstrip("\n").splitlines()[-OUTPUT_TAIL:]
    said = f"The parity run exited {status} without a list; its last lines:"
    return [*lines, said, "", "```", *tail, "```"]


def body(
    report: str | None, parity_status: int, parity: str | None, output: str | None, ci: str | None
) -> str:
    lines = [report.rstrip("\n") if report else "(regen wrote no change report)", ""]
    lines += parity_section(parity_status, parity, output)
    lines += ["", "## CI sessions on the regenerated tree", ""]
    lines.append(ci.rstrip("\n") if ci else "(no CI session ran)")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, help="regen.py's --report file")
    parser.add_argument("--parity", type=Path, help="the --parity-report list")
    parser.add_argument("--parity-status", type=int, required=True, help="pytest's exit status")
    parser.add_argument("--parity-output", type=Path, help="what the parity run printed")
    parser.add_argument("--ci", type=Path, help="the CI sessions' results (Markdown)")
    args = parser.parse_args(argv)
    sys.stdout.write(
        body(
            _read(args.report),
            args.parity_status,
            _read(args.parity),
            _read(args.parity_output),
            _read(args.ci),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
