"""Benchmarks of browser_use_cloud against baselines measured in the same run.

`python -m bench.run` runs them all and writes BENCHMARKS.md (see `bench/run.py`).
One module per benchmark; each exposes `run(sizes) -> Outcome` and `SIZES` (full, smoke).
Servers (the emulator, a v2 stub) always run in another process.
"""
