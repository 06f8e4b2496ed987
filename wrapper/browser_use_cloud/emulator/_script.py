"""What an emulated agent 'does' for a task: directives, plausible steps and output.

Everything is derived from the task text and a seeded RNG, so the same seed and
task give the same steps, URLs and output. Task text is untrusted input of any length: every
pattern here runs in time linear in it (no backtracking over ambiguous repeats), so one task
cannot hold up the server.
"""

from __future__ import annotations

import fnmatch
import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

# An argument stops at the next bracket, so a text of unclosed "[[emulator:x=" cannot make
# every opening scan to the end of the text.
_DIRECTIVE = re.compile(r"\[\[emulator:([a-z_]+)(?:=([^\[\]]*+))?\]\]", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s'\"<>)\]]+")
# A dotted run of labels, matched only from its first character and without giving labels
# back (possessive), so each character of the text is looked at a bounded number of times;
# which prefix of the run is a domain is decided in Python (`_domains`).
_DOTTED = re.compile(r"(?<![a-z0-9-])[a-z0-9-]++(?:\.[a-z0-9-]++)++", re.IGNORECASE)
_TLDS = frozenset({"com", "org", "net", "io", "dev", "ai", "co", "edu", "gov", "app", "uk", "de"})
_SEARCH = re.compile(r"\bsearch(?:es|ing)? (?:for|about)\s+['\"]?([^'\".,;\n]+)", re.IGNORECASE)
_STOPWORDS = {
    "a", "an", "and", "the", "to", "of", "for", "me", "on", "in", "at", "go", "get", "find",
    "open", "search", "please", "with", "by", "from", "what", "is", "are", "top", "then",
}  # fmt: skip


@dataclass(frozen=True)
class Directives:
    """Test and demo switches written in the task text as ``[[emulator:...]]``.

    ``refusals``: creations of this text refused with the concurrency-limit 429 before one
    is accepted; ``interrupt``: ("stop" or "pause", N), someone else stops or pauses the run
    after its step N; ``slow_create``: seconds the creation's answer is held.
    """

    fail: bool = False
    steps: int | None = None
    files: tuple[str, ...] = ()
    instant: bool = False
    output: str | None = None
    invalid_output: bool = False
    no_credits: bool = False
    refusals: int = 0
    interrupt: tuple[str, int] | None = None
    slow_create: float = 0.0


@dataclass(frozen=True)
class Step:
    """One agent step as TaskStepResponse shows it (without its id)."""

    number: int
    evaluation_previous_goal: str
    next_goal: str
    url: str


def parse_directives(text: str) -> Directives:
    """Read the directives of ``text`` (see the emulator guide's table); ignore others."""
    found: dict[str, object] = {}
    for match in _DIRECTIVE.finditer(text):
        name, raw = match.group(1).lower(), match.group(2)
        arg = (raw or "").strip()
        if name in ("fail", "instant", "invalid_output", "no_credits"):
            found[name] = True
        elif name == "steps" and arg.isdigit():
            found["steps"] = max(1, int(arg))
        elif name == "files":
            found["files"] = tuple(dict.fromkeys(f.strip() for f in arg.split(",") if f.strip()))
        elif name == "output" and raw is not None:
            found["output"] = arg
        elif name == "concurrency_limit":
            found["refusals"] = int(arg) if arg.isdigit() else 1
        elif name in ("stopped_at", "paused_at"):
            action = "stop" if name == "stopped_at" else "pause"
            found["interrupt"] = (action, int(arg) if arg.isdigit() else 1)
        elif name == "slow_create":
            found["slow_create"] = _seconds(arg, default=1.0)
    return Directives(**found)  # type: ignore[arg-type]


def _seconds(text: str, *, default: float) -> float:
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return default if math.isnan(value) else min(max(value, 0.0), 60.0)


def strip_directives(text: str) -> str:
    """The task text as a human wrote it."""
    return " ".join(_DIRECTIVE.sub(" ", text).split())


@dataclass(frozen=True)
class Route:
    """Where the agent goes: a start page, a results page and a result page.

    ``allowed`` is the task's ``allowed_domains`` (empty: any site); ``refused`` lists the
    sites the task names that those domains rule out.
    """

    start: str
    results: str
    page: str
    allowed: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()


def plan_route(text: str, allowed_domains: Sequence[str] | None = None) -> Route:
    """The agent's route for ``text``, kept to ``allowed_domains`` when they are given."""
    allowed = tuple(allowed_domains or ())
    named = _named_urls(text)
    usable = [url for url in named if not allowed or domain_allowed(_host(url), allowed)]
    kept = set(usable)
    refused = [_host(url).removeprefix("www.") for url in named if url not in kept]
    start = next(iter(usable), None) or (_home(allowed) if allowed else None)
    start = start or "https://www.google.com/"
    host = _host(start)
    terms = search_terms(text)
    slug = re.sub(r"[^a-z0-9]+", "-", terms.lower()).strip("-") or "result"
    if allowed:
        page = f"https://{host}/{slug}"
    else:
        page = f"https://en.wikipedia.org/wiki/{slug.split('-')[0].capitalize()}"
    results = f"https://{host}/search?q={quote_plus(terms)}"
    return Route(start, results, page, allowed, tuple(dict.fromkeys(refused)))


def domain_allowed(host: str, allowed: Sequence[str]) -> bool:
    """Whether ``allowed_domains`` let the agent open ``host``.

    ``example.com`` allows that host and its ``www.`` name; ``*.example.com`` allows
    example.com and every subdomain of it.
    """
    host = host.lower().rstrip(".")
    for pattern in map(_pattern_host, allowed):
        if pattern.startswith("*."):
            parent = pattern[2:]
            if host == parent or host.endswith("." + parent):
                return True
        elif host in (pattern, f"www.{pattern}") or fnmatch.fnmatchcase(host, pattern):
            return True
    return False


def _pattern_host(pattern: str) -> str:
    pattern = pattern.strip().lower()
    if "://" in pattern:
        pattern = pattern.split("://", 1)[1]
    return pattern.split("/", 1)[0].split(":", 1)[0].rstrip(".")


def _home(allowed: Sequence[str]) -> str | None:
    """A start page on the first allowed domain that names a site."""
    for pattern in map(_pattern_host, allowed):
        concrete = f"www.{pattern[2:]}" if pattern.startswith("*.") else pattern
        if concrete and "*" not in concrete:
            return f"https://{concrete}/"
    return None


def _named_urls(text: str) -> list[str]:
    """Sites the task text names, as URLs, in order: full URLs first, then bare domains."""
    urls = list(dict.fromkeys(match.group(0).rstrip(".,;") for match in _URL.finditer(text)))
    seen = {_host(url) for url in urls}
    for host in _domains(text):
        if host not in seen and f"www.{host}" not in seen:
            seen.add(host)
            urls.append(f"https://{host if host.count('.') > 1 else 'www.' + host}/")
    return urls


def _domains(text: str) -> list[str]:
    """Bare domain names in ``text`` (``example.com``, ``docs.python.org``), lowercased.

    In a dotted run such as ``www.example.com.`` or ``a.io.x`` the domain is the longest
    prefix of two labels or more that ends in a known top-level label.
    """
    found = []
    for match in _DOTTED.finditer(text):
        labels = match.group(0).lower().split(".")
        last = next((i for i in range(len(labels) - 1, 0, -1) if labels[i] in _TLDS), 0)
        host = ".".join(labels[: last + 1]).lstrip("-")
        if last and not host.startswith("."):
            found.append(host)
    return found


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def search_terms(text: str) -> str:
    """What the agent would type into a search box for this task."""
    match = _SEARCH.search(text)
    if match:
        return match.group(1).strip()
    words = [w for w in re.findall(r"[A-Za-z0-9][\w-]*", text) if w.lower() not in _STOPWORDS]
    return " ".join(words[:6]) or "browser use"


def plan_steps(
    text: str, route: Route, count: int, rng: random.Random, *, finish: bool = True
) -> list[Step]:
    """``count`` plausible steps for ``text`` along ``route``: open, search, browse, finish.

    ``finish=False``: the run is cut off by its step limit, so no step wraps it up.
    """
    start, results, page = route.start, route.results, route.page
    terms = search_terms(text)
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


def final_output(text: str, route: Route, steps: list[Step], rng: random.Random) -> str:
    """The agent's closing answer for a plain (unstructured) task."""
    terms = search_terms(text)
    sites = sorted({urlsplit(s.url).netloc for s in steps if s.url.startswith("http")})
    visited = ", ".join(sites) or "the start page"
    found = rng.randint(3, 9)
    answer = (
        f"Task completed in {len(steps)} steps: looked up '{terms}' on {visited} "
        f"and found {found} relevant results."
    )
    if route.allowed:
        answer += f" Kept to allowed_domains ({', '.join(route.allowed)})"
        if route.refused:
            answer += f"; did not open {', '.join(route.refused)}, which they do not include"
        answer += "."
    return answer


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
