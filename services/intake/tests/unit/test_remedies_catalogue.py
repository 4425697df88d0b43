from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from intake.domain.catalogue import CategoryOffer, check_offered, respond_by
from intake.domain.remedies import Facts, WarrantyPolicy, allowed, decide
from intake.domain.tickets import ResponsePolicy

POLICY = WarrantyPolicy()


@pytest.mark.parametrize(
    ("days", "in_warranty", "failed", "expected"),
    [
        (3, True, 0, ["refund", "replace", "repair"]),
        (7, True, 0, ["refund", "replace", "repair"]),
        (8, True, 0, ["replace", "repair"]),
        (15, True, 0, ["replace", "repair"]),
        (16, True, 0, ["repair"]),
        (200, True, 1, ["repair"]),
        (200, True, 2, ["replace", "repair"]),
        (500, False, 3, []),
    ],
)
def test_the_three_guarantees_follow_the_national_rule(days, in_warranty, failed, expected):
    assert allowed(Facts(days, in_warranty, failed), POLICY) == expected


def test_a_refused_remedy_says_why():
    with pytest.raises(Unprocessable, match="within 7 days"):
        decide("refund", Facts(30, True, 0), POLICY)
    with pytest.raises(Unprocessable, match="2 failed repairs"):
        decide("replace", Facts(30, True, 1), POLICY)


def test_the_policy_is_configurable():
    generous = WarrantyPolicy(refund_within_days=30, failed_repairs_for_replacement=1)
    assert allowed(Facts(20, True, 1), generous) == ["refund", "replace", "repair"]


def test_catalogue_offers_and_sla():
    offer = CategoryOffer("water_heater", frozenset({"repair", "install"}), {"repair": 2})
    check_offered(offer, "water_heater", "repair")
    check_offered(None, "anything", "training")  # no entry: full service
    with pytest.raises(Unprocessable, match="not offered"):
        check_offered(offer, "water_heater", "training")
    opened = datetime(2026, 7, 1, 8, tzinfo=UTC)
    assert respond_by(offer, "repair", opened, ResponsePolicy()) == opened + timedelta(hours=2)
    assert respond_by(offer, "install", opened, ResponsePolicy()) == opened + timedelta(hours=4)
    with pytest.raises(Unprocessable):
        CategoryOffer("x", frozenset({"teleport"}))
