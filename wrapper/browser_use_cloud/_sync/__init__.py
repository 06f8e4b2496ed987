# Generated from _async/__init__.py by scripts/unasync.py. Do not edit.
"""Async implementation, written once; `scripts/unasync.py` derives `_sync/` from it."""
