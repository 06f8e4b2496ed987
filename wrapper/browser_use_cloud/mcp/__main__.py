"""`python -m browser_use_cloud.mcp [OPTIONS]` is `browser-use-cloud mcp [OPTIONS]`."""

from __future__ import annotations

import sys

from ..cli import main

if __name__ == "__main__":
    main(["mcp", *sys.argv[1:]])
