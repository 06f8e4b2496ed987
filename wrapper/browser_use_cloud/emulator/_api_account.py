"""Account and service operations: balance, me, ping, version, and the search helpers."""

from __future__ import annotations

import random
from typing import Any
from urllib.parse import quote_plus, urlsplit

from ._handler import Call, Handler

BROWSER_USE_VERSION = "0.5.9"
_SITES = (
    "en.wikipedia.org/wiki",
    "www.reddit.com/r/search",
    "news.ycombinator.com/item",
    "github.com/topics",
    "stackoverflow.com/questions",
    "www.bbc.com/news",
    "medium.com/tag",
    "www.nytimes.com/search",
    "arxiv.org/abs",
    "www.theverge.com/search",
)


def check_balance(call: Call) -> Any:
    return {"balance": str(call.state.balance())}


def me(call: Call) -> Any:
    return True  # reaching a handler means the key was accepted


def ping(call: Call) -> Any:
    return {}


def get_browser_use_version(call: Call) -> Any:
    return BROWSER_USE_VERSION


def _content(query: str, url: str, depth: int, rng: random.Random) -> str:
    facts = rng.randint(2, 6)
    host = urlsplit(url).netloc or url
    return (
        f"# {host}\n\nPage content about '{query}' read with search depth {depth}. "
        f"It lists {facts} points relevant to the query, the most cited one first."
    )


def simple_search(call: Call) -> Any:
    query, depth = call.body["query"], call.body["depth"]
    rng = random.Random(f"{call.state.seed}:search:{query}")
    sites = rng.sample(_SITES, k=call.body["max_websites"])
    results = []
    for site in sites:
        url = f"https://{site}/{quote_plus(query.lower())}"
        results.append({"url": url, "content": _content(query, url, depth, rng)})
    return {"results": results}


def search_url(call: Call) -> Any:
    query, url, depth = call.body["query"], call.body["url"], call.body["depth"]
    rng = random.Random(f"{call.state.seed}:url:{url}:{query}")
    return {"url": url, "content": _content(query, url, depth, rng)}


HANDLERS: dict[str, Handler] = {
    "check_balance": check_balance,
    "me": me,
    "ping": ping,
    "get_browser_use_version": get_browser_use_version,
    "simple_search": simple_search,
    "search_url": search_url,
}
