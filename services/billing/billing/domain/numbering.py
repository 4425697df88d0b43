"""Document numbers: gapless per series and year (``INV-2026-000001``, ``CN-2026-000001``,
``SC-…`` supplementary charges, ``RF-…`` refund vouchers, ``CI-…`` contract invoices)."""

from __future__ import annotations

SERIES = {
    "invoice": "INV",
    "credit_note": "CN",
    "supplementary": "SC",
    "refund": "RF",
    "contract_invoice": "CI",
}


def document_number(series: str, year: int, seq: int) -> str:
    return f"{SERIES[series]}-{year}-{seq:06d}"
