"""The clients' source: `_sync/` is generated from these modules by `scripts/unasync.py`."""
