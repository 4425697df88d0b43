"""The workshop's paper: product receipt numbers."""

from __future__ import annotations


def receipt_number(year: int, seq: int) -> str:
    """``RC-2026-0000042``: what the customer holds until the product comes back."""
    return f"RC-{year}-{seq:07d}"
