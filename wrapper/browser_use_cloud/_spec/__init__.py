"""What the wrapper reads of the generated package: the operation table, request options,
documented limits, and which method serves each operation.
"""
