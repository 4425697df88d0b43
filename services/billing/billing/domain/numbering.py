"""Document numbers: gapless per series and year (``INV-2026-000001``, ``CN-2026-000001``)."""

from __future__ import annotations

SERIES = {"invoice": "INV", "credit_note": "CN"}


def document_number(series: str, year: int, seq: int) -> str:
    return f"{SERIES[series]}-{year}-{seq:06d}"
