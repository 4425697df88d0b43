"""The pure rules behind the field's money: where cash stands, which payments need a reference
and reconciling, which refunds wait for finance, and what a late report changes."""

from datetime import UTC, datetime

import pytest

from aftersales.errors import Unprocessable
from billing.domain.late_reports import Figures, differences, pending
from billing.domain.payments import cash_status, needs_reference, outstanding, reconciliation_of
from billing.domain.refunds import approval_needed, check_approval, why_approval


@pytest.mark.parametrize(
    ("handed_over", "remitted", "netted", "partner", "status"),
    [
        (False, False, False, True, "held"),
        (True, False, False, True, "at_office"),  # a partner's office: still owed
        (True, False, False, False, "handed_over"),  # a company point's office: the end
        (True, True, False, True, "remitted"),
        (False, True, False, True, "remitted"),  # remitted straight from the technician
        (True, False, True, True, "netted"),
    ],
)
def test_where_cash_stands(handed_over, remitted, netted, partner, status):
    got = cash_status(handed_over=handed_over, remitted=remitted, netted=netted, partner=partner)
    assert got == status
    assert outstanding(got) is (status in ("held", "at_office"))


def test_anything_but_cash_names_a_reference_and_is_reconciled_once_matched():
    assert not needs_reference("cash")
    assert all(needs_reference(m) for m in ("card", "transfer", "wallet"))
    assert reconciliation_of("cash", None) == "not_needed"
    assert reconciliation_of("wallet", None) == "unreconciled"
    assert reconciliation_of("card", datetime.now(UTC)) == "reconciled"


@pytest.mark.parametrize(
    ("amount", "price", "approval"),
    [
        (300_000, 320_000, "not_needed"),
        (300_000, None, "awaiting_approval"),  # no sale price recorded
        (330_000, 320_000, "awaiting_approval"),  # above the price
        (600_000, 700_000, "awaiting_approval"),  # above the threshold
        (0, 320_000, "awaiting_approval"),  # no amount decided
    ],
)
def test_a_refund_waits_for_finance_unless_the_sale_bounds_it(amount, price, approval):
    assert approval_needed(amount, price, above=500_000) == approval
    assert (why_approval(amount, price, above=500_000) is None) is (approval == "not_needed")


def test_an_approval_is_bounded_by_the_decision_and_the_price():
    check_approval(150_000, decided=200_000, purchase_price=None)
    check_approval(150_000, decided=0, purchase_price=150_000)
    with pytest.raises(Unprocessable, match="decided"):
        check_approval(200_001, decided=200_000, purchase_price=None)
    with pytest.raises(Unprocessable, match="sale price"):
        check_approval(150_001, decided=200_000, purchase_price=150_000)


def figures(**overrides):
    base = {
        "service_class": "A",
        "month": "2026-12",
        "price_list_version": 1,
        "unpaid_reason": None,
        "customer_total": 45_000,
        "company_cost": 0,
        "work_value": 20_000,
        "compensation": 0,
        "lines": (("labour", 4, 12_000, 12_000, 0),),
    }
    return Figures(**{**base, **overrides})


def test_a_late_report_holds_only_where_the_money_differs():
    assert differences(figures(), figures()) == []
    changed = differences(
        figures(),
        figures(
            customer_total=40_000,
            compensation=5_000,
            unpaid_reason="rework",
            month="2027-01",
            price_list_version=2,
        ),
    )
    assert any("compensation" in c for c in changed)
    assert any("not paid (a rework)" in c for c in changed)
    assert "settlement month 2026-12 -> 2027-01" in changed
    assert "price list v1 -> v2" in changed
    assert pending({"held": True, "basis": None})
    assert not pending({"held": True, "basis": "received"})
    assert not pending({"held": False}) and not pending(None)
