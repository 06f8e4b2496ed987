"""Checks of what a caller passes, before anything is sent, and the request bodies built from it
(pure).
"""
