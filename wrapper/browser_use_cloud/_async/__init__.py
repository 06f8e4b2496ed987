"""Async implementation, written once; `scripts/unasync.py` derives `_sync/` from it."""
