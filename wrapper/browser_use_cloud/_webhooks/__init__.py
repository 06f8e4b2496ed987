"""Webhook deliveries: signing, verification, typed events, the duplicate guard and a small
receiving app.
"""
