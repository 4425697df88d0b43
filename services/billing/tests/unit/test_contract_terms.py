from datetime import date

import pytest

from aftersales.errors import Unprocessable
from billing.domain.contract_terms import (
    Period,
    add_months,
    check_terms,
    due_periods,
    fee_periods,
    maintenance_dates,
)


def test_a_month_later_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)


def test_quarterly_periods_cover_the_term_and_the_last_ends_with_the_contract():
    periods = fee_periods(date(2027, 1, 1), date(2027, 12, 31), "quarterly")
    assert periods == [
        Period(date(2027, 1, 1), date(2027, 3, 31)),
        Period(date(2027, 4, 1), date(2027, 6, 30)),
        Period(date(2027, 7, 1), date(2027, 9, 30)),
        Period(date(2027, 10, 1), date(2027, 12, 31)),
    ]
    short = fee_periods(date(2027, 1, 1), date(2027, 5, 15), "quarterly")
    assert short[-1] == Period(date(2027, 4, 1), date(2027, 5, 15))


def test_once_is_one_period_and_monthly_twelve_a_year():
    assert fee_periods(date(2027, 1, 1), date(2027, 12, 31), "once") == [
        Period(date(2027, 1, 1), date(2027, 12, 31))
    ]
    assert len(fee_periods(date(2027, 1, 1), date(2027, 12, 31), "monthly")) == 12
    assert len(fee_periods(date(2027, 1, 1), date(2028, 12, 31), "yearly")) == 2


def test_a_period_is_due_on_its_first_day():
    periods = fee_periods(date(2027, 1, 1), date(2027, 12, 31), "quarterly")
    assert len(due_periods(periods, date(2027, 3, 31))) == 1
    assert len(due_periods(periods, date(2027, 4, 1))) == 2


def test_maintenance_visits_are_spread_evenly_inside_the_term():
    assert maintenance_dates(date(2027, 1, 1), date(2027, 12, 31), 2) == [
        date(2027, 4, 1),
        date(2027, 10, 1),
    ]
    assert maintenance_dates(date(2027, 1, 1), date(2027, 12, 31), 4) == [
        date(2027, 2, 1),
        date(2027, 5, 1),
        date(2027, 8, 1),
        date(2027, 11, 1),
    ]
    assert maintenance_dates(date(2027, 1, 1), date(2027, 6, 30), 2) == [date(2027, 4, 1)]
    assert maintenance_dates(date(2027, 1, 1), date(2027, 12, 31), 0) == []


@pytest.mark.parametrize(
    "terms",
    [
        {"starts_on": date(2027, 2, 1), "ends_on": date(2027, 1, 31)},
        {"schedule": "weekly"},
        {"fee": -1},
        {"visits_per_year": 5},
    ],
)
def test_terms_that_make_no_sense_are_refused(terms):
    values = {
        "starts_on": date(2027, 1, 1),
        "ends_on": date(2027, 12, 31),
        "fee": 100,
        "schedule": "monthly",
        "visits_per_year": 2,
    }
    with pytest.raises(Unprocessable):
        check_terms(**{**values, **terms})
