"""The ledger's rules: signed movements, never below zero, one crossing of a reorder level."""

import pytest

from aftersales.errors import Unprocessable
from dispatch.domain.stock import Level, Shortfall, apply, check_lines, crossed_below, signed


def test_inbound_adds_outbound_takes_and_an_adjustment_is_signed():
    assert signed("receive", 3) == 3 and signed("transfer_in", 2) == 2
    assert signed("issue", 3) == -3 and signed("transfer_out", 1) == -1
    assert signed("adjust", -4) == -4 and signed("adjust", 4) == 4


def test_the_last_unit_can_go_and_no_more():
    level = Level(on_hand=1)
    assert apply(level, "issue", 1, sku="PUMP-01", location="P").on_hand == 0
    with pytest.raises(Shortfall) as refused:
        apply(Level(on_hand=1), "issue", 2, sku="PUMP-01", location="P")
    assert refused.value.extensions["available"] == 1 and refused.value.extensions["wanted"] == 2
    with pytest.raises(Shortfall):
        apply(Level(on_hand=3), "adjust", -4, sku="PUMP-01", location="P")
    with pytest.raises(Shortfall):  # what is reserved is not there to take
        apply(Level(on_hand=3, reserved=2), "transfer_out", 2, sku="PUMP-01", location="W")


def test_quantities_must_make_sense():
    for kind, qty in (("receive", 0), ("issue", -1), ("adjust", 0), ("receive", 10**7)):
        with pytest.raises(Unprocessable):
            apply(Level(on_hand=5), kind, qty, sku="S", location="L")
    with pytest.raises(Unprocessable):
        check_lines([])
    with pytest.raises(Unprocessable):
        check_lines([("A", 1), ("A", 2)])


def test_a_reorder_level_is_crossed_once_going_down():
    assert crossed_below(5, 4, 5)  # from at the level to below it
    assert not crossed_below(4, 3, 5)  # already below: no second crossing
    assert not crossed_below(6, 5, 5)  # at the level is not below it
    assert not crossed_below(3, 9, 5)  # going up
    assert not crossed_below(5, 0, None)
