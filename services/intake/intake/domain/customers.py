"""Customers of the call register."""

from __future__ import annotations

import re

from aftersales.errors import Unprocessable

_DIGITS = re.compile(r"\d")


def normalise_phone(phone: str) -> str:
    """Digits only, with a leading + kept; mainland numbers lose a +86/0086 prefix.

    ``+86 138-0013-8000``, ``0086 13800138000`` and ``138 0013 8000`` are one customer.
    """
    raw = phone.strip()
    digits = "".join(_DIGITS.findall(raw))
    if raw.startswith("+"):
        digits = "+" + digits
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 7:
            digits = digits[len(prefix) :]
            break
    if len(digits.lstrip("+")) < 5 or len(digits) > 20:
        raise Unprocessable("phone must hold between 5 and 20 digits.")
    return digits
