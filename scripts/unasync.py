"""Generate the sync client (`_sync/`) from the async one (`_async/`) by token replacement.

The async code is the only source; never edit `_sync/` by hand. Run after any change:

    python scripts/unasync.py            # rewrite wrapper/browser_use_cloud/_sync/
    python scripts/unasync.py --check    # exit 1 if _sync/ is stale (CI and tests)

The output is passed through `ruff` (import sorting and formatting), because shorter
names can let lines join or change import order. A rule that changes nothing in any
module fails the run: rules are kept only while some code needs them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wrapper" / "browser_use_cloud"
SOURCE = PACKAGE / "_async"
TARGET = PACKAGE / "_sync"
HEADER = "# Generated from _async/{name} by scripts/unasync.py. Do not edit.\n"

# Ordered (pattern, replacement) rules applied to each line of code.
RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bAsync([A-Z]\w*)", r"\1"),  # AsyncBrowserUse, httpx.AsyncClient, AsyncIterator...
        (r"\basync def\b", "def"),
        (r"\basync for\b", "for"),
        (r"\basync with\b", "with"),
        (r"\bawait ", ""),
        (r"\b__aenter__\b", "__enter__"),
        (r"\b__aexit__\b", "__exit__"),
        (r"\b__aiter__\b", "__iter__"),
        (r"\b__anext__\b", "__next__"),
        (r"\baclose\b", "close"),
        (r"\baread\b", "read"),
        (r"\baiter_(bytes|text|lines|raw)\b", r"iter_\1"),
        (r"\bAwaitable\[(\w+)\]", r"\1"),
        (r"\b(?:anyio|asyncio)\.sleep\b", "time.sleep"),
        # The whole line: a comment on why anyio is imported late says nothing of `time`.
        (r"^(\s*)import (?:anyio|asyncio)\b.*$", r"\1import time"),
        (r"\basync (client|iterator|generator)\b", r"\1"),
    )
)
_FROM_IMPORT = re.compile(r"^(\s*from\s+\S+\s+import\s+)(.+?)(\s*(?:#.*)?)$")


def convert(text: str, used: set[int] | None = None) -> str:
    """The sync twin of one async module's source; adds to `used` the rules that applied."""
    lines = []
    for line in text.splitlines(keepends=True):
        end = line[len(line.rstrip("\r\n")) :]
        line = line[: len(line) - len(end)]
        for index, (pattern, replacement) in enumerate(RULES):
            line, count = pattern.subn(replacement, line)
            if count and used is not None:
                used.add(index)
        lines.append(line + end)
    return _dedupe_imports("".join(lines))


def unused_rules(used: set[int]) -> list[str]:
    """The patterns of the rules not in `used`."""
    return [pattern.pattern for index, (pattern, _) in enumerate(RULES) if index not in used]


def _dedupe_imports(text: str) -> str:
    """`from x import AsyncIterator, Iterator` becomes `... Iterator, Iterator`: drop repeats."""

    def fix(names: str) -> str:
        seen: list[str] = []
        for name in (part.strip() for part in names.split(",")):
            if name and name not in seen:
                seen.append(name)
        return ", ".join(seen)

    def parenthesised(match: re.Match[str]) -> str:
        return match.group(1) + "(" + fix(match.group(2).replace("\n", " ")) + ")"

    text = re.sub(r"(from\s+\S+\s+import\s+)\(([^)]*)\)", parenthesised, text)
    out = []
    for line in text.splitlines(keepends=True):
        match = _FROM_IMPORT.match(line.rstrip("\n"))
        if match and "(" not in match.group(2):
            line = match.group(1) + fix(match.group(2)) + match.group(3) + "\n"
        out.append(line)
    return "".join(out)


class UnusedRuleError(Exception):
    """A rule matched no line of the async source: stale rules hide mistakes."""


def generate(target: Path) -> list[Path]:
    """Write the sync package into `target` (replacing it); return the files written."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = []
    used: set[int] = set()
    for source in sorted(SOURCE.glob("*.py")):
        path = target / source.name
        path.write_text(HEADER.format(name=source.name) + convert(source.read_text(), used))
        written.append(path)
    unused = unused_rules(used)
    if unused:
        raise UnusedRuleError(
            "unasync rules that change nothing in _async/ (remove them): " + ", ".join(unused)
        )
    _ruff(["check", "--fix", "--unsafe-fixes", "--select", "I,F401,UP028", "--quiet", str(target)])
    _ruff(["format", "--quiet", str(target)])
    return written


def _ruff(args: list[str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--config", str(ROOT / "pyproject.toml")],
        check=True,
        cwd=ROOT,
    )


def stale_files(target: Path = TARGET) -> list[str]:
    """Names of files in `target` that differ from a fresh generation (empty: up to date)."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "_sync"
        generate(fresh)
        expected = {p.name: p.read_bytes() for p in fresh.glob("*.py")}
    actual = {p.name: p.read_bytes() for p in target.glob("*.py")} if target.exists() else {}
    return sorted(
        name for name in expected.keys() | actual.keys() if expected.get(name) != actual.get(name)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only report whether _sync/ is stale")
    args = parser.parse_args(argv)
    try:
        return _run(args.check)
    except UnusedRuleError as exc:
        print(exc, file=sys.stderr)
        return 1


def _run(check: bool) -> int:
    if check:
        stale = stale_files()
        if stale:
            print("stale generated files in _sync/:", ", ".join(stale), file=sys.stderr)
            print("run: python scripts/unasync.py", file=sys.stderr)
            return 1
        return 0
    for path in generate(TARGET):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
