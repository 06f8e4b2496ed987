"""Run every benchmark and write BENCHMARKS.md at the repository root.

`python -m bench.run` runs them all at full size (about 25 min on 2 cores); `--only 2 6`
runs a subset; `--smoke` uses tiny sizes (checks the harness, not the SDK's speed).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

from . import (
    batch,
    concurrency,
    follow,
    get_task,
    import_time,
    in_process_emulator,
    iterate,
    map_pace,
    upload,
    webhooks,
)
from ._common import ROOT, Figure, Outcome, fmt_ratio
from .report import render

BENCHMARKS: dict[int, ModuleType] = {
    1: import_time,
    2: get_task,
    3: follow,
    4: iterate,
    5: upload,
    6: webhooks,
    7: concurrency,
    8: batch,
    9: in_process_emulator,
    10: map_pace,
}


def run_one(number: int, *, smoke: bool) -> Outcome:
    """Run benchmark `number`; a crash becomes an outcome with the error as its note."""
    module = BENCHMARKS[number]
    try:
        outcome: Outcome = module.run(module.SMOKE if smoke else module.FULL)
    except Exception as exc:
        title = (module.__doc__ or module.__name__).split("\n", 1)[0]
        failure = Figure("error", type(exc).__name__, "—", None, "—", False)
        trace = traceback.format_exc(limit=-3).strip().replace("\n", " / ")
        return Outcome(number, title, [failure], notes=[f"benchmark crashed: {trace}"])
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", type=int, nargs="+", choices=sorted(BENCHMARKS))
    parser.add_argument("--smoke", action="store_true", help="tiny sizes (harness check)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    started = time.monotonic()
    outcomes = []
    for number in args.only or sorted(BENCHMARKS):
        began = time.monotonic()
        print(f"[bench] {number}. {BENCHMARKS[number].__name__} ...", file=sys.stderr, flush=True)
        outcome = run_one(number, smoke=args.smoke)
        outcomes.append(outcome)
        for figure in outcome.figures:
            print(
                f"[bench]    {figure.name}: {figure.value} vs {figure.baseline} = "
                f"{fmt_ratio(figure.ratio)} (target {figure.target}, met={figure.met})",
                file=sys.stderr,
                flush=True,
            )
        print(f"[bench]    ({time.monotonic() - began:.0f} s)", file=sys.stderr, flush=True)
    command = "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:])
    text = render(outcomes, command=command.strip(), elapsed=time.monotonic() - started)
    args.out.write_text(text, encoding="utf-8")
    print(f"[bench] wrote {args.out}", file=sys.stderr)
    return 1 if any(f.name == "error" for o in outcomes for f in o.figures) else 0


if __name__ == "__main__":
    sys.exit(main())
