"""What an emulated agent 'does' for a task: directives, plausible steps and output.

Everything is derived from the task text and a seeded RNG, so the same seed and
task give the same steps, URLs and output.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

_DIRECTIVE = re.compile(r"\[\[emulator:([a-z_]+)(?:=([^\]]*))?\]\]", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s'\"<>)\]]+")
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|co|edu|gov|app|uk|de))\b", re.I)
_SEARCH = re.compile(r"\bsearch(?:es|ing)? (?:for|about)\s+['\"]?([^'\".,;\n]+)", re.IGNORECASE)
_STOPWORDS = {
    "a", "an", "and", "the", "to", "of", "for", "me", "on", "in", "at", "go", "get", "find",
    "open", "search", "please", "with", "by", "from", "what", "is", "are", "top", "then",
}  # fmt: skip


@dataclass(frozen=True)
class Directives:
    """Test and demo switches written in the task text as ``[[emulator:...]]``."""

    fail: bool = False
    steps: int | None = None
    files: tuple[str, ...] = ()
    instant: bool = False


@dataclass(frozen=True)
class Step:
    """One agent step as TaskStepResponse shows it (without its id)."""

    number: int
    evaluation_previous_goal: str
    next_goal: str
    url: str


def parse_directives(text: str) -> Directives:
    """Read ``fail``, ``steps=N``, ``files=a,b`` and ``instant`` directives; ignore others."""
    fail = instant = False
    steps: int | None = None
    files: tuple[str, ...] = ()
    for match in _DIRECTIVE.finditer(text):
        name, arg = match.group(1).lower(), (match.group(2) or "").strip()
        if name == "fail":
            fail = True
        elif name == "instant":
            instant = True
        elif name == "steps" and arg.isdigit():
            steps = max(1, int(arg))
        elif name == "files":
            files = tuple(dict.fromkeys(f.strip() for f in arg.split(",") if f.strip()))
    return Directives(fail=fail, steps=steps, files=files, instant=instant)


def strip_directives(text: str) -> str:
    """The task text as a human wrote it."""
    return " ".join(_DIRECTIVE.sub(" ", text).split())


def _start_url(text: str) -> str:
    url = _URL.search(text)
    if url:
        return url.group(0).rstrip(".,;")
    domain = _DOMAIN.search(text)
    if domain:
        host = domain.group(1).lower()
        return f"https://{host if host.count('.') > 1 else 'www.' + host}/"
    return "https://www.google.com/"


def search_terms(text: str) -> str:
    """What the agent would type into a search box for this task."""
    match = _SEARCH.search(text)
    if match:
        return match.group(1).strip()
    words = [w for w in re.findall(r"[A-Za-z0-9][\w-]*", text) if w.lower() not in _STOPWORDS]
    return " ".join(words[:6]) or "browser use"


def _result_url(terms: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", terms.lower()).strip("-") or "result"
    return f"https://en.wikipedia.org/wiki/{slug.split('-')[0].capitalize() or 'Result'}"


def plan_steps(text: str, count: int, rng: random.Random, *, finish: bool = True) -> list[Step]:
    """``count`` plausible steps for ``text``: open, search, browse, extract, finish.

    ``finish=False``: the run is cut off by its step limit, so no step wraps it up.
    """
    start = _start_url(text)
    host = urlsplit(start).netloc
    terms = search_terms(text)
    results = f"https://{host}/search?q={quote_plus(terms)}"
    page = _result_url(terms)
    middle = [
        (f"Type '{terms}' into the search field and submit", start, results),
        ("Open the most relevant result from the list", results, page),
        ("Scroll down to find the details the task asks for", page, page),
        ("Read the main content and note the key facts", page, page),
        (f"Check a second source about '{terms}' to confirm", page, results),
        ("Go back to the results and compare the entries", results, results),
    ]
    praise = ("Success", "Success", "Success", "Partial success")
    steps: list[Step] = []
    evaluation = "Unknown - the browser has just started"
    current = "about:blank"
    for number in range(1, count + 1):
        if number == 1 and count > 1:
            goal, after = f"Navigate to {start}", start
        elif number == count and finish:
            goal, after = "Extract the answer and finish the task", current
        else:
            goal, _, after = middle[(number - 2) % len(middle)]
        steps.append(Step(number, evaluation, goal, current))
        evaluation = f"{rng.choice(praise)} - {goal[0].lower()}{goal[1:]}"
        current = after
    return steps


def final_output(text: str, steps: list[Step], rng: random.Random) -> str:
    """The agent's closing answer for a plain (unstructured) task."""
    terms = search_terms(text)
    sites = sorted({urlsplit(s.url).netloc for s in steps if s.url.startswith("http")})
    visited = ", ".join(sites) or "the start page"
    found = rng.randint(3, 9)
    return (
        f"Task completed in {len(steps)} steps: looked up '{terms}' on {visited} "
        f"and found {found} relevant results."
    )


def out_of_steps_output(needed: int, limit: int, ceiling: int, directive: bool) -> str:
    """Why a run that needs more than ``max_agent_steps`` steps failed, and what to change."""
    asked = f"[[emulator:steps={needed}]] asks for" if directive else "this emulated run needs"
    if needed > ceiling:
        fix = f"the service allows at most {ceiling} steps, so ask for {ceiling} or fewer"
    else:
        fix = f"pass max_agent_steps={needed} or more (the service allows at most {ceiling})"
    return (
        f"Task failed: the agent used all of its max_agent_steps ({limit}) steps without "
        f"finishing; {asked} {needed} steps. To let it finish, {fix}."
    )


def failure_output(steps: list[Step]) -> str:
    """The error text a failed run reports as its output."""
    where = steps[-1].url if steps else "about:blank"
    return f"Task failed after {len(steps)} steps: the agent could not complete the task on {where}"
