"""Two facts about a payment, kept apart: the customer has paid (the charge is ``paid``, by any
method, and invoices, events and webhooks follow), and the company has the money.

Who holds the money until the company has it:

- **cash** taken on site is held by the technician (``held``), then by the point's office once
  handed over (``at_office``). For the company's own points the office's handover ends it
  (``handed_over``). A partner point owes it until finance records the point's remittance
  (``remitted``) — a handover straight to the company's cash desk is one — or a month's close
  nets what it still owes in its settlement (``netted``).
- **card, transfer and wallet** payments carry the provider's reference. One a technician
  records is ``unreconciled`` until finance matches it to the provider's statement
  (``reconciled``); finance's own are reconciled when recorded. One a technician's partner
  point left unreconciled too long is deducted from its settlement until it is reconciled.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

CASH = "cash"
NON_CASH = frozenset({"card", "transfer", "wallet"})

CashStatus = Literal["held", "at_office", "handed_over", "remitted", "netted"]
Reconciliation = Literal["not_needed", "unreconciled", "reconciled"]


def needs_reference(method: str) -> bool:
    """Anything but cash is a provider's payment, found again by its reference."""
    return method != CASH


def reconciliation_of(method: str, reconciled_at: datetime | None) -> Reconciliation:
    if method == CASH:
        return "not_needed"
    return "reconciled" if reconciled_at is not None else "unreconciled"


def cash_status(
    *,
    handed_over: bool,
    remitted: bool,
    netted: bool,
    partner: bool,
) -> CashStatus:
    """Where cash taken on site stands: who holds it, and whether the company has it."""
    if remitted:
        return "remitted"
    if netted:
        return "netted"
    if handed_over:
        return "at_office" if partner else "handed_over"
    return "held"


def outstanding(status: CashStatus) -> bool:
    """Not yet the company's (nor settled by netting): the technician or a partner's office
    holds it."""
    return status in ("held", "at_office")
