"""What each request carries and reports: hooks, logging, request extras, traces, response info,
and error responses turned into exceptions.
"""
