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
