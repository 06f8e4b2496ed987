#!/usr/bin/env python3
"""Look at the built site in a real browser: Debian's chromium, headless, on loopback.

Usage: ``python scripts/docs_browser_check.py --site DIR --docs DIR --chromium PATH
--screenshots DIR [--page index.md ...]``. Exit status 0 when every page passes, 1 otherwise.

The site is served from 127.0.0.1 on a free port; chromium is driven over the DevTools
protocol (a websocket on loopback). For each page: it must load with HTTP 200, show text,
log no console error, uncaught exception or failed request, and its rendered DOM must hold
every heading of its Markdown source (and, for `::: name` reference entries, a heading for
each object). Mermaid diagrams must have rendered to SVG. A screenshot of each page is saved.
"""

from __future__ import annotations

import argparse
import base64
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

DEFAULT_PAGES = ("index.md", "guides/tasks.md", "reference/clients.md")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^(```|~~~)")
DIRECTIVE = re.compile(r"^:::\s+(\S+)")
MIN_TEXT = 200  # characters of visible text below which a page counts as blank
SETTLE_SECONDS = 20.0
MAX_SCREENSHOT_HEIGHT = 4000


# -- what the Markdown source promises --------------------------------------------------------


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]|\[([^\]]*)\]\([^)]*\)", r"\1\2", markdown)
    text = re.sub(r"[`*_]", "", text)
    text = re.sub(r"\{[^}]*\}\s*$", "", text)  # attribute lists: {#id .class}
    return " ".join(text.split())


def expected_headings(source: str) -> list[str]:
    """Headings of a Markdown page (outside code blocks), and the names of its `:::` entries."""
    headings: list[str] = []
    in_fence = False
    for line in source.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if match := HEADING.match(line):
            headings.append(_plain(match.group(2)))
        elif match := DIRECTIVE.match(line):
            headings.append(match.group(1).rsplit(".", 1)[-1])
    return headings


def page_url(base: str, source: str) -> str:
    """The URL mkdocs gives a source page (directory URLs: guides/tasks.md -> guides/tasks/)."""
    path = source.removesuffix(".md")
    if path == "index":
        return base + "/"
    return base + "/" + path.removesuffix("/index") + "/"


# -- a small DevTools-protocol client ----------------------------------------------------------


@dataclass
class DevTools:
    """Commands and events over one browser websocket (flattened sessions)."""

    socket: ClientConnection
    events: list[dict[str, Any]] = field(default_factory=list)
    _next_id: int = 0

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, match: Callable[[dict[str, Any]], bool], timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for event in self.events:
            if match(event):
                return event
        while True:
            event = self._receive(deadline)
            self.events.append(event)
            if match(event):
                return event

    def pump(self, seconds: float) -> None:
        """Collect events for `seconds`."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._receive(deadline))
        except TimeoutError:
            pass

    def _receive(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no answer from chromium in time")
        message: dict[str, Any] = json.loads(self.socket.recv(timeout=remaining))
        return message


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free loopback port; yields the base URL."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium(executable: str) -> Iterator[DevTools]:
    """Headless chromium with remote debugging on a loopback port chosen by chromium."""
    with tempfile.TemporaryDirectory() as profile:
        command = [
            executable,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--window-size=1280,900",
            "about:blank",
        ]
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # chromium's sandbox refuses to run as root
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            active = Path(profile) / "DevToolsActivePort"
            deadline = time.monotonic() + 30
            while not (active.exists() and len(active.read_text().splitlines()) >= 2):
                if process.poll() is not None or time.monotonic() > deadline:
                    stderr = (
                        process.stderr.read().decode(errors="replace") if process.stderr else ""
                    )
                    raise SystemExit(f"chromium did not start:\n{stderr[-2000:]}")
                time.sleep(0.1)
            port, path = active.read_text().splitlines()[:2]
            with connect(f"ws://127.0.0.1:{port}{path}", max_size=None) as socket:
                yield DevTools(socket)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# -- one page ----------------------------------------------------------------------------------

PAGE_FACTS = """(() => {
  const article = document.querySelector("article") || document.body;
  const headings = [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .map(h => h.textContent.replace(/[\\u00b6\\u00a4]/g, " ").replace(/\\s+/g, " ").trim());
  return JSON.stringify({
    title: document.title,
    text: (document.body.innerText || "").trim().length,
    articleHeight: article.getBoundingClientRect().height,
    headings: headings,
    pendingDiagrams: document.querySelectorAll("pre.mermaid").length,
    diagrams: document.querySelectorAll("div.mermaid").length,
  });
})()"""


def _facts(tools: DevTools, session: str) -> dict[str, Any]:
    reply = tools.send(
        "Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True}, session
    )
    facts: dict[str, Any] = json.loads(reply["result"]["value"])
    return facts


def _rendered_svgs(tools: DevTools, session: str) -> int:
    """SVG diagrams inside the (closed) shadow roots Material renders mermaid into."""
    document = tools.send("DOM.getDocument", {"depth": -1, "pierce": True}, session)

    def count(node: dict[str, Any], in_diagram: bool) -> int:
        here = in_diagram or "mermaid" in (node.get("attributes") or [])
        found = 1 if here and node.get("nodeName", "").lower() == "svg" else 0
        for child in node.get("children", []) + node.get("shadowRoots", []):
            found += count(child, here)
        return found

    return count(document["root"], False)


def _full_page_png(tools: DevTools, session: str) -> bytes:
    """The whole page (up to MAX_SCREENSHOT_HEIGHT px) as PNG."""
    size = tools.send("Page.getLayoutMetrics", {}, session)["cssContentSize"]
    clip = {
        "x": 0,
        "y": 0,
        "width": size["width"],
        "height": min(size["height"], MAX_SCREENSHOT_HEIGHT),
        "scale": 1,
    }
    shot = tools.send(
        "Page.captureScreenshot",
        {"format": "png", "clip": clip, "captureBeyondViewport": True},
        session,
    )
    return base64.b64decode(shot["data"])


def _problems_logged(events: list[dict[str, Any]], session: str) -> list[str]:
    problems = []
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            problems.append(f"console.{params['type']}: {args}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            problems.append(f"uncaught exception: {text}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            problems.append(
                f"{entry.get('source')} error: {entry.get('text')} {entry.get('url', '')}"
            )
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            problems.append(f"request failed: {params.get('errorText')} ({params.get('type')})")
    return problems


def check_page(tools: DevTools, url: str, source: str, screenshot: Path) -> list[str]:
    """Load `url` in a new tab; return what is wrong with it, after saving its screenshot."""
    target = tools.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    try:
        for domain in ("Page", "Runtime", "Log", "Network", "DOM"):
            tools.send(f"{domain}.enable", {}, session)
        tools.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session,
        )
        navigation = tools.send("Page.navigate", {"url": url}, session)
        if navigation.get("errorText"):
            return [f"navigation failed: {navigation['errorText']}"]
        tools.wait_for(
            lambda e: e.get("sessionId") == session and e.get("method") == "Page.loadEventFired",
            timeout=SETTLE_SECONDS,
        )
        deadline = time.monotonic() + SETTLE_SECONDS
        facts = _facts(tools, session)
        while facts["pendingDiagrams"] and time.monotonic() < deadline:
            tools.pump(0.25)
            facts = _facts(tools, session)
        tools.pump(0.5)  # late console errors and failed requests
        facts = _facts(tools, session)
        screenshot.write_bytes(_full_page_png(tools, session))

        problems = _problems_logged(tools.events, session)
        for event in tools.events:
            params = event.get("params", {})
            if (
                event.get("sessionId") == session
                and event.get("method") == "Network.responseReceived"
                and params.get("type") == "Document"
                and params["response"]["status"] != 200
            ):
                problems.append(
                    f"HTTP {params['response']['status']} for {params['response']['url']}"
                )
        if facts["text"] < MIN_TEXT or facts["articleHeight"] < 100:
            problems.append(
                f"blank page: {facts['text']} characters of text, content "
                f"{facts['articleHeight']:.0f} px high"
            )
        rendered = " | ".join(facts["headings"])
        for heading in expected_headings(source):
            if not any(heading in shown for shown in facts["headings"]):
                problems.append(
                    f"heading {heading!r} is missing from the page (it has: {rendered})"
                )
        if facts["pendingDiagrams"]:
            problems.append(f"{facts['pendingDiagrams']} mermaid diagram(s) never rendered")
        if facts["diagrams"] and _rendered_svgs(tools, session) < facts["diagrams"]:
            problems.append("a mermaid diagram rendered without an SVG")
        return problems
    finally:
        tools.send("Target.closeTarget", {"targetId": target})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the built site")
    parser.add_argument("--docs", type=Path, required=True, help="the Markdown sources")
    parser.add_argument("--chromium", required=True, help="the chromium executable")
    parser.add_argument("--screenshots", type=Path, required=True, help="where to save PNGs")
    parser.add_argument("--page", action="append", help="source page (default: three pages)")
    args = parser.parse_args(argv)
    args.screenshots.mkdir(parents=True, exist_ok=True)
    failed = 0
    with serve(args.site) as base, chromium(args.chromium) as tools:
        for number, source in enumerate(args.page or DEFAULT_PAGES, 1):
            url = page_url(base, source)
            markdown = (args.docs / source).read_text(encoding="utf-8")
            slug = source.removesuffix(".md").replace("/", "-")
            screenshot = args.screenshots / f"{number:02d}-{slug}.png"
            problems = check_page(tools, url, markdown, screenshot)
            status = "FAIL" if problems else "ok"
            print(f"{status:4} {source} ({url}) -> {screenshot}")
            for problem in problems:
                print(f"     {problem}")
            failed += bool(problems)
    print(f"docs_browser: {failed} of {len(args.page or DEFAULT_PAGES)} pages failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
