"""Async/sync primitive pairs: admission gate, wake-up signals, loop checks, worker pools, and
finishing a request that must not be cut short.
"""
