"""Soak test: the SDK against a faulty emulator, with invariants checked on the server.

`python -m soak.run --operations 10000` (or `nox -s soak`); `soak.run.run_soak()` runs a
short version inside the test suite.
"""
