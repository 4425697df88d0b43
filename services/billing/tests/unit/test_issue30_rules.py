"""The money rules of issue 30 at their boundaries: free training, a ticket without a product,
a late delivery's compensation by calendar day, staff rewards in a statement."""

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from billing.domain.charges import lines_for, totals
from billing.domain.classification import (
    Campaign,
    ContractTerms,
    Exclusion,
    classify,
    with_exclusion,
)
from billing.domain.deliveries import (
    WAIVER_CAUSES,
    compensation,
    days_late,
    delivered_on,
)
from billing.domain.pricing import Part, PriceList, TravelBand, price_job
from billing.domain.settlement import ClassActivity, Deduction, Rates, Reward, compute

WARRANTY_END = date(2026, 6, 30)
SHANGHAI = ZoneInfo("Asia/Shanghai")
RATES = Rates(
    class_percent={"A": 30, "B": 80, "C": 80},
    grade_factor_percent={"A": 110, "B": 100, "C": 90, "D": 80},
)
PRICES = PriceList(
    labour_per_hour={"washing_machine": 12_000},
    parts={"PUMP-01": Part(price=25_000, cost=12_000)},
    travel_bands=(TravelBand(10, 0), TravelBand(30, 3_000)),
    callout_fees={"training": 5_000, "repair": 5_000},
)


def contract(visits=2):
    return ContractTerms(
        uuid.uuid4(), "MC-9", date(2026, 1, 1), date(2027, 12, 31), True, True, True, visits, 0
    )


@pytest.mark.parametrize(
    ("warranty_until", "terms"),
    [
        (WARRANTY_END, None),  # in warranty
        (date(2020, 1, 1), None),  # long out of warranty
        (date(2020, 1, 1), contract()),  # out of warranty, under contract
        (None, None),  # sales training: no product at all
    ],
)
def test_a_training_is_free_class_c_at_any_warranty_state(warranty_until, terms):
    c = classify(
        kind="training",
        warranty_until=warranty_until,
        completed_on=date(2026, 9, 1),
        reported_on=date(2026, 8, 20),
        contract=terms,
    )
    assert c.service_class == "C" and "free training" in c.reason
    assert c.contract is None  # no contract visit is counted


def test_a_training_costs_the_customer_nothing_and_the_company_what_warranty_work_would():
    c = classify(
        kind="training",
        warranty_until=date(2020, 1, 1),
        completed_on=date(2026, 9, 1),
        contract=None,
    )
    items = price_job(
        PRICES,
        category="washing_machine",
        kind="training",
        labour_minutes=60,
        parts=[("PUMP-01", 1)],
        travel_km=25,
    )
    t = totals(lines_for(items, c))
    assert t.customer_total == 0
    # call-out 50.00 + labour 120.00 + travel 30.00 at list, the part at cost 120.00
    assert t.company_cost == 5_000 + 12_000 + 3_000 + 12_000
    assert t.work_value == 20_000  # the point is paid its class C share of it


def test_a_warranty_exclusion_does_not_make_a_training_paid_but_still_does_a_repair():
    claim = Exclusion("misuse", "dropped")
    training = classify(
        kind="training", warranty_until=WARRANTY_END, completed_on=date(2026, 3, 1), contract=None
    )
    repair = classify(
        kind="repair", warranty_until=WARRANTY_END, completed_on=date(2026, 3, 1), contract=None
    )
    assert with_exclusion(training, claim).service_class == "C"
    assert with_exclusion(repair, claim).service_class == "A"


def test_a_repair_without_a_product_is_paid_unless_a_campaign_covers_its_category():
    paid = classify(
        kind="repair", warranty_until=None, completed_on=date(2026, 3, 1), contract=None
    )
    assert paid.service_class == "A" and "no registered product" in paid.reason
    spring = Campaign(
        uuid.uuid4(),
        "spring",
        frozenset({"washing_machine"}),
        frozenset({"east"}),
        frozenset({"repair"}),
        date(2026, 3, 1),
        date(2026, 3, 31),
    )
    covered = classify(
        kind="repair",
        warranty_until=None,
        completed_on=date(2026, 3, 1),
        contract=None,
        campaigns=(spring,),
        category="washing_machine",
        region="east",
    )
    assert covered.service_class == "C" and covered.campaign is spring


@pytest.mark.parametrize(
    ("delivered", "days"),
    [
        (date(2026, 3, 9), 0),  # early
        (date(2026, 3, 10), 0),  # on the promised day
        (date(2026, 3, 11), 1),  # the day after
        (date(2026, 3, 14), 4),
    ],
)
def test_a_delivery_is_late_by_calendar_days_past_its_promise(delivered, days):
    assert days_late(date(2026, 3, 10), delivered) == days


def test_the_day_of_a_delivery_is_the_local_day():
    # 23:59 on the 10th in Shanghai is still the promised day; 00:00 on the 11th is not.
    assert delivered_on(datetime(2026, 3, 10, 15, 59, tzinfo=UTC), SHANGHAI) == date(2026, 3, 10)
    assert delivered_on(datetime(2026, 3, 10, 16, 0, tzinfo=UTC), SHANGHAI) == date(2026, 3, 11)


def test_a_late_delivery_earns_per_day_capped_at_what_the_charge_can_still_be_credited():
    one = compensation(1, 2_000, creditable=26_500)
    assert one is not None and (one.earned, one.credited, one.capped) == (2_000, 2_000, False)
    many = compensation(20, 2_000, creditable=26_500)
    assert many is not None and (many.earned, many.credited, many.capped) == (40_000, 26_500, True)
    assert compensation(0, 2_000, creditable=26_500) is None  # on time
    assert compensation(3, 0, creditable=26_500) is None  # no compensation configured


def test_the_accepted_causes_of_a_late_delivery_are_the_outside_ones():
    assert set(WAIVER_CAUSES) == {"weather", "carrier_force_majeure", "customer_absent"}


def test_a_reward_is_paid_in_full_beside_the_graded_work_and_the_deductions():
    reward = Reward(str(uuid.uuid4()), str(uuid.uuid4()), None, "2026-10", 30_000, "standard met")
    st = compute(
        {"C": ClassActivity(jobs=1, work_value=20_000)},
        grade="C",  # 90 %: the reward is not graded
        deductions=[Deduction("complaint", 1, 20_000)],
        rates=RATES,
        rewards=[reward],
    )
    assert st.graded == 14_400  # 20000 x 80 % x 90 %
    assert st.rewarded == 30_000
    assert st.net == 14_400 + 30_000 - 20_000


def test_an_ungraded_point_keeps_the_factor_of_the_grade_it_keeps():
    # feedback sends the kept grade as `grade` (ungraded: true): the factor follows it.
    activity = {"A": ClassActivity(jobs=1, work_value=10_000)}
    kept_b = compute(activity, grade="B", deductions=[], rates=RATES)
    assert kept_b.grade_factor_percent == 100 and kept_b.graded == 3_000
