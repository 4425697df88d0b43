"""三包 refunds bounded by the sale.

A refund voucher is payable at once only when the product's sale price is recorded, the refund
is within it, and it is not above the approval threshold. Otherwise finance approves it first,
with the amount it checked against the proof of sale: never more than was decided, never more
than the recorded price.
"""

from __future__ import annotations

from typing import Literal

from aftersales.errors import Unprocessable
from billing.domain.money import yuan

Approval = Literal["not_needed", "awaiting_approval", "approved"]


def approval_needed(amount: int, purchase_price: int | None, *, above: int) -> Approval:
    if purchase_price is None or amount <= 0 or amount > purchase_price or amount > above:
        return "awaiting_approval"
    return "not_needed"


def why_approval(amount: int, purchase_price: int | None, *, above: int) -> str | None:
    """Why finance must approve the refund first (None: it need not)."""
    if purchase_price is None:
        return "no sale price is recorded for the product"
    if amount <= 0:
        return "no amount was decided"
    if amount > purchase_price:
        return f"it is above the recorded sale price ({yuan(purchase_price)})"
    if amount > above:
        return f"it is above {yuan(above)}, which finance approves"
    return None


def check_approval(amount: int, *, decided: int, purchase_price: int | None) -> None:
    """The amount finance approves: at most what was decided, and at most the sale price."""
    if decided > 0 and amount > decided:
        raise Unprocessable(
            f"The approval ({yuan(amount)}) is above the refund decided ({yuan(decided)}).",
            decided=decided,
        )
    if purchase_price is not None and amount > purchase_price:
        raise Unprocessable(
            f"The approval ({yuan(amount)}) is above the product's recorded sale price "
            f"({yuan(purchase_price)}).",
            purchase_price=purchase_price,
        )
