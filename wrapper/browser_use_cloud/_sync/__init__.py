# Generated from _async/__init__.py by scripts/unasync.py. Do not edit.
"""The clients' source: `_sync/` is generated from these modules by `scripts/unasync.py`."""
