import uuid
from datetime import date
from fractions import Fraction

import pytest

from billing.domain.charges import compensation_line, late_days, lines_for, status_for, totals
from billing.domain.classification import Classification, ContractTerms
from billing.domain.money import fen, percent_of, round_half_away
from billing.domain.pricing import Part, PriceList, TravelBand, labour, price_job

PRICES = PriceList(
    labour_per_hour={"air_conditioner": 12_000},  # 120.00 an hour
    parts={"COMP-7": Part(price=80_000, cost=50_000), "SEAL": Part(price=1_500, cost=500)},
    travel_bands=(TravelBand(10, 0), TravelBand(30, 3_000), TravelBand(80, 8_000)),
    callout_fees={"repair": 5_000},
)


def test_rounding_is_to_the_nearest_fen_halves_away_from_zero():
    assert round_half_away(Fraction(5, 2)) == 3
    assert round_half_away(Fraction(-5, 2)) == -3
    assert round_half_away(Fraction(249, 100)) == 2
    assert percent_of(333, 110) == 366  # 366.3
    assert percent_of(5, 10) == 1  # 0.5 → 1
    assert fen("12.34") == 1234


@pytest.mark.parametrize(
    ("minutes", "quarters", "amount"),
    [(1, 1, 3_000), (15, 1, 3_000), (16, 2, 6_000), (45, 3, 9_000), (46, 4, 12_000)],
)
def test_labour_is_billed_in_started_quarter_hours(minutes, quarters, amount):
    item = labour(PRICES, "air_conditioner", minutes)
    assert item.quantity == quarters and item.list_amount == amount


def test_an_odd_hourly_rate_is_rounded_once_for_the_whole_labour():
    prices = PriceList({"tv": 10_001}, {}, (TravelBand(10, 0),), {})
    # 3 quarters of 100.01/h = 75.0075 → 75.01
    assert labour(prices, "tv", 45).list_amount == 7_501


def test_travel_takes_the_first_band_that_covers_the_distance_and_the_last_beyond():
    items = {
        i.kind: i
        for i in price_job(
            PRICES,
            category="air_conditioner",
            kind="repair",
            labour_minutes=0,
            parts=[],
            travel_km=10,
        )
    }
    assert "travel" in items and items["travel"].list_amount == 0
    far = price_job(
        PRICES, category="air_conditioner", kind="repair", labour_minutes=0, parts=[], travel_km=200
    )
    assert [i.list_amount for i in far if i.kind == "travel"] == [8_000]


def test_unknown_parts_and_categories_are_kept_at_zero_for_review():
    items = price_job(
        PRICES,
        category="fridge",
        kind="install",
        labour_minutes=30,
        parts=[("NOPE", 1)],
        travel_km=0,
    )
    assert all(i.list_amount == 0 and not i.priced for i in items)


def _job_items():
    return price_job(
        PRICES,
        category="air_conditioner",
        kind="repair",
        labour_minutes=50,
        parts=[("COMP-7", 1), ("SEAL", 2)],
        travel_km=25,
    )


def test_class_a_the_customer_pays_every_line_at_list_price():
    lines = lines_for(_job_items(), Classification("A", "paid"))
    t = totals(lines)
    # call-out 50 + labour 4 quarters 120 + parts 800 + 30 + travel 30
    assert t.customer_total == 5_000 + 12_000 + 80_000 + 3_000 + 3_000
    assert t.company_cost == 0
    assert t.work_value == 5_000 + 12_000 + 3_000


def test_class_c_the_company_bears_everything_parts_at_cost():
    lines = lines_for(_job_items(), Classification("C", "warranty"))
    t = totals(lines)
    assert t.customer_total == 0
    assert t.company_cost == 5_000 + 12_000 + 50_000 + 1_000 + 3_000


def test_class_b_the_contract_pays_what_it_covers_and_the_customer_the_rest():
    terms = ContractTerms(
        uuid.uuid4(),
        "MC-9",
        date(2026, 1, 1),
        date(2026, 12, 31),
        covers_labour=True,
        covers_parts=False,
        covers_travel=False,
        visits_included=None,
        visits_used=0,
    )
    lines = lines_for(_job_items(), Classification("B", "contract", terms))
    by_kind = {}
    for line in lines:
        by_kind.setdefault(line.kind, []).append(line)
    assert [line.customer_amount for line in by_kind["labour"]] == [0]
    assert [line.customer_amount for line in by_kind["callout"]] == [0]
    assert sum(line.customer_amount for line in by_kind["part"]) == 83_000
    assert by_kind["travel"][0].customer_amount == 3_000
    assert totals(lines).company_cost == 17_000


@pytest.mark.parametrize(
    ("minutes", "grace", "days"),
    [
        (0, 0, 0),
        (1, 0, 1),
        (1440, 0, 1),
        (1441, 0, 2),
        (4000, 0, 3),
        (30, 30, 0),  # within the grace: nothing owed
        (31, 30, 1),  # one minute past it: a started day of delay
        (1440, 30, 1),
        (1441, 30, 2),
    ],
)
def test_compensation_is_per_started_day_late_past_the_grace(minutes, grace, days):
    assert late_days(minutes, grace) == days
    line = compensation_line(minutes, 5_000, grace)
    if days == 0:
        assert line is None
    else:
        assert line.customer_amount == -5_000 * days and line.company_amount == 5_000 * days


def test_a_charge_knows_whether_anything_is_due():
    assert status_for(10_000) == "open"
    assert status_for(10_000, paid=4_000) == "open"
    assert status_for(10_000, paid=10_000) == "paid"
    assert status_for(10_000, credited=10_000) == "nothing_due"
    assert status_for(10_000, credited=3_000, paid=7_000) == "paid"
    assert status_for(10_000, credited=5_000, paid=10_000) == "credit_due"
    assert status_for(0) == "nothing_due"
    assert status_for(-5_000) == "credit_due"


def test_a_campaign_covering_labour_only_leaves_parts_and_travel_to_the_customer():
    c = Classification("C", "campaign", covers=frozenset({"labour"}))
    lines = lines_for(_job_items(), c)
    t = totals(lines)
    assert t.customer_total == 80_000 + 3_000 + 3_000  # parts and travel at list
    assert t.company_cost == 5_000 + 12_000  # call-out goes with labour
