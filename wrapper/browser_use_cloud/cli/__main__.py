"""`python -m browser_use_cloud.cli`: the same as the `browser-use-cloud` command."""

from . import main

main()
