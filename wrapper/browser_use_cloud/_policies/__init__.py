"""Pure decisions (no I/O, times passed in): retry, polling, the request budget, page walks, the
shared watcher's plan, step streams, request-id search, map plans.
"""
