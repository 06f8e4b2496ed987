"""The benchmark harness itself: wire counting, payload shaping, report rendering."""

from __future__ import annotations

import json
import math

import httpx

from bench._common import Figure, MemoryProbe, Outcome, ratio
from bench._wire import CountingTransport
from bench.get_task import v2_payload
from bench.report import render


def test_counting_transport_counts_requests_and_both_directions() -> None:
    body = b'{"status":"finished"}'

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    wire = CountingTransport(httpx.MockTransport(answer))
    with httpx.Client(transport=wire) as client:
        for _ in range(3):
            assert client.post("http://test/x", content=b"12345").json()["status"] == "finished"
    assert wire.count.requests == 3
    request_head = len(b"POST /x HTTP/1.1\r\n")
    assert wire.count.sent > 3 * (request_head + 5)
    response_head = len(b"HTTP/1.1 200 OK\r\n")
    assert wire.count.received > 3 * (response_head + len(body))
    wire.count.reset()
    assert (wire.count.requests, wire.count.total) == (0, 0)


def test_counting_transport_counts_exact_body_bytes() -> None:
    payload = b"x" * 10_000
    wire = CountingTransport(httpx.MockTransport(lambda r: httpx.Response(200, content=payload)))
    with httpx.Client(transport=wire) as client:
        client.get("http://test/big")
    one_byte = CountingTransport(httpx.MockTransport(lambda r: httpx.Response(200, content=b"y")))
    with httpx.Client(transport=one_byte) as client:
        client.get("http://test/big")
    # Same request; the answers differ by 9,999 body bytes and 4 content-length digits.
    assert wire.count.received - one_byte.count.received == 9_999 + 4


def test_v2_payload_has_the_same_steps_and_is_padded_to_size() -> None:
    steps = [
        {"id": f"{n:036d}", "step": n, "evaluation_previous_goal": "ok", "next_goal": "go",
         "url": "https://example.com/"}
        for n in range(1, 21)
    ]  # fmt: skip
    v1 = {
        "id": "0b6d1d9e-8a57-4b2b-a6b0-3b1f2c9e7d44",
        "task": "t",
        "status": "finished",
        "created_at": "2025-07-29T12:00:00+00:00",
        "finished_at": "2025-07-29T12:01:00+00:00",
        "output": "done",
        "steps": steps,
    }
    natural = len(v2_payload(v1, 0))
    view = json.loads(v2_payload(v1, natural + 1234))
    assert [s["number"] for s in view["steps"]] == list(range(1, 21))
    assert len(v2_payload(v1, natural + 1234)) == natural + 1234
    assert len(v2_payload(v1, natural - 10)) == natural  # never truncated


def test_ratio_is_none_without_a_baseline() -> None:
    assert ratio(2.0, 4.0) == 0.5
    assert ratio(1.0, 0.0) is None
    assert ratio(None, 1.0) is None


def test_memory_probe_sees_an_allocation() -> None:
    probe = MemoryProbe()
    probe.start()
    block = bytearray(64 * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])  # touch every page
    growth = probe.stop()
    del block
    assert growth >= 60


def test_report_renders_every_benchmark_row_and_the_machine() -> None:
    outcomes = [
        Outcome(
            number,
            f"bench {number}",
            [Figure("figure", "1 s", "base 2 s", 0.5, "≤ 1x", number % 2 == 0)],
            notes=[f"note {number}"],
        )
        for number in range(1, 8)
    ]
    outcomes[0].figures.append(Figure("extra", "x|y", "z", None, "report", None))
    text = render(outcomes, command="python -m bench.run", elapsed=60.0)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + 8  # header + 8 figures
    assert "**missed**" in text and "| met |" in text
    assert "x\\|y" in text  # a pipe in a cell does not break the table
    for heading in ("## Machine", "## Versions", "## Results", "## Method", "### 7. bench 7"):
        assert heading in text
    assert "Python: " in text and "httpx: " in text and "0.50x" in text
    assert not any(math.isnan(o.figures[0].ratio or 0) for o in outcomes)
