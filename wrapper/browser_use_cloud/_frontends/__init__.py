"""What the programs built on the library share, so that none of them reaches into another.

The CLI, the MCP server and the emulator each depend on the library and on this package,
never on each other's private modules (`tests/wrapper/test_import_layers.py` checks it):
`_explain` words API errors for a person at a terminal or an assistant (it names the
front-ends' options, such as --api-key); `_serving` runs an ASGI app under uvicorn on a
socket of our own; `_local_emulator` is the CLI's and the MCP server's built-in emulator
(its pace, its start, how to poll it); `_options` their --api-key and --base-url. Nothing
here is imported by the library's own modules.
"""
