"""Money is a strict integer of fen: a string or a boolean is not an amount."""

import pytest
from pydantic import ValidationError

from billing.api.schemas.common import MoneyIn
from billing.api.schemas.price_lists import PartPrice


@pytest.mark.parametrize("amount", ["100", True, 1.5, "1e3"])
def test_an_amount_that_is_not_an_integer_is_refused(amount):
    with pytest.raises(ValidationError):
        MoneyIn(amount=amount)
    with pytest.raises(ValidationError):
        PartPrice(price=amount, cost=0)


def test_an_integer_amount_is_accepted():
    assert MoneyIn(amount=100).amount == 100


def test_a_report_is_implausible_just_past_its_limits():
    from billing.domain.charges import Plausibility

    rule = Plausibility(max_labour_minutes=720, max_travel_km=300)
    assert rule.doubt(720, 300) is None  # at the limits: plausible
    assert "721 labour minutes" in (rule.doubt(721, 0) or "")
    both = rule.doubt(10_000, 301) or ""
    assert "10000 labour minutes" in both and "301 km" in both
