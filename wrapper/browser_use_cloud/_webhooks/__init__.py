"""Webhook deliveries: the signature scheme (`signing`), checking a delivery (`verification`),
typed events (`events`), rejection reasons (`errors`), the duplicate guard and its error
(`duplicates`) and a small receiving app (`receiver`).
"""
