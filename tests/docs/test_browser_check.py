"""`scripts/docs_browser_check.py`: what it expects of a page, and that it catches bad pages.

The browser half needs Debian's chromium (`nox -s docs_browser` and .ci/run install it); where
it is missing that test is skipped and says so.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.markdown_snippets import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import docs_browser_check as check

SOURCE = """# Tasks

Some text.

```python
# not a heading: inside a code block
```

## Run a `task` and [wait](other.md) for it

::: browser_use_cloud.TaskHandle
"""

TEXT = "<p>" + "A page with enough words on it to count as a page. " * 10 + "</p>"
HEAD = '<head><link rel=icon href="data:,"></head>'  # no favicon request to fail
GOOD = f"<html>{HEAD}<body><article><h1>Tasks</h1>{TEXT}<h2>Run a task and wait for it</h2>"
GOOD += "<h2>class TaskHandle</h2></article></body></html>"


def test_the_headings_a_page_must_show() -> None:
    assert check.expected_headings(SOURCE) == ["Tasks", "Run a task and wait for it", "TaskHandle"]


def test_page_urls_follow_mkdocs_directory_urls() -> None:
    base = "http://127.0.0.1:1"
    assert check.page_url(base, "index.md") == "http://127.0.0.1:1/"
    assert check.page_url(base, "guides/tasks.md") == "http://127.0.0.1:1/guides/tasks/"
    assert check.page_url(base, "reference/index.md") == "http://127.0.0.1:1/reference/"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_chromium_catches_blank_pages_console_errors_and_missing_headings(tmp_path: Path) -> None:
    pages = {
        "good": GOOD,
        "blank": "<html><body><article></article></body></html>",
        "noisy": GOOD.replace("</body>", "<script>console.error('boom')</script></body>"),
        "broken": GOOD.replace("</body>", "<script src='/missing.js'></script></body>"),
        "headless": GOOD.replace("<h2>Run a task and wait for it</h2>", ""),
    }
    for name, html in pages.items():
        (tmp_path / "site" / name).mkdir(parents=True)
        (tmp_path / "site" / name / "index.html").write_text(html)
    found = {}
    with check.serve(tmp_path / "site") as base, check.chromium("chromium") as tools:
        for name in pages:
            shot = tmp_path / f"{name}.png"
            found[name] = check.check_page(tools, f"{base}/{name}/", SOURCE, shot)
            assert shot.read_bytes().startswith(b"\x89PNG")
    assert found["good"] == []
    assert any("blank page" in p for p in found["blank"])
    assert any("console.error: boom" in p for p in found["noisy"])
    assert any("missing.js" in p or "404" in p for p in found["broken"]), found["broken"]
    assert found["headless"] == [
        "heading 'Run a task and wait for it' is missing from the page "
        "(it has: Tasks | class TaskHandle)"
    ]
