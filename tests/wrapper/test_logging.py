"""BROWSER_USE_LOG switch and redaction helpers."""

from __future__ import annotations

import logging

import pytest

from browser_use_cloud._transport import log as _logging
from browser_use_cloud._transport.log import RedactingFilter, redact, scrub


@pytest.fixture
def clean_logger() -> logging.Logger:
    logger = _logging.logger
    saved = (list(logger.handlers), logger.level)
    logger.handlers.clear()
    yield logger
    logger.handlers[:] = saved[0]
    logger.setLevel(saved[1])


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)])
def test_env_switch_attaches_a_handler(
    monkeypatch: pytest.MonkeyPatch, clean_logger: logging.Logger, value: str, level: int
) -> None:
    monkeypatch.setenv("BROWSER_USE_LOG", value)
    _logging.setup_logging()
    assert clean_logger.level == level and len(clean_logger.handlers) == 1
    _logging.setup_logging()
    assert len(clean_logger.handlers) == 1


def test_no_env_no_handler(monkeypatch: pytest.MonkeyPatch, clean_logger: logging.Logger) -> None:
    monkeypatch.delenv("BROWSER_USE_LOG", raising=False)
    _logging.setup_logging()
    assert clean_logger.handlers == []


def test_redaction_helpers() -> None:
    body = {"task": "t", "secrets": {"pw": "p"}, "nested": [{"api_key": "k", "ok": 1}]}
    assert redact(body) == {
        "task": "t",
        "secrets": "<redacted>",
        "nested": [{"api_key": "<redacted>", "ok": 1}],
    }
    assert scrub("header Bearer bu_abc123, next") == "header Bearer <redacted>, next"


def test_filter_scrubs_formatted_records() -> None:
    record = logging.LogRecord(
        "browser_use_cloud", logging.INFO, "", 0, "auth %s", ("Bearer xyz",), None
    )
    assert RedactingFilter().filter(record)
    assert record.getMessage() == "auth Bearer <redacted>"
