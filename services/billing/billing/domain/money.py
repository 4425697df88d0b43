"""Money is integer minor units (fen) with a currency; never a float.

The rounding rule, everywhere: an amount that comes out of a rate or a fraction is rounded to
the nearest fen, halves away from zero (so 0.5 fen → 1 fen and -0.5 fen → -1 fen).
"""

from __future__ import annotations

from fractions import Fraction


def round_half_away(value: Fraction) -> int:
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole = int(magnitude)
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return sign * whole


def percent_of(amount: int, percent: int) -> int:
    """``amount x percent / 100``, rounded by the rule."""
    return round_half_away(Fraction(amount * percent, 100))


def fen(yuan: str) -> int:
    """``"12.34"`` → ``1234`` (for tests and fixtures written in yuan)."""
    return round_half_away(Fraction(yuan) * 100)


def yuan(fen: int) -> str:
    """``1234`` → ``"12.34"``: an amount in fen as the words of a message show it."""
    return f"{fen / 100:.2f}"
