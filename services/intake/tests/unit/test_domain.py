from datetime import UTC, date, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from intake.domain.customers import normalise_phone
from intake.domain.products import in_warranty, warranty_until
from intake.domain.tickets import ResponsePolicy, check_preferred_window, needs_visit, ticket_number


@pytest.mark.parametrize(
    "raw", ["+86 138-0013-8000", "0086 13800138000", "138 0013 8000", "(138) 0013-8000"]
)
def test_one_mobile_number_written_many_ways_normalises_the_same(raw):
    assert normalise_phone(raw) == "13800138000"


def test_foreign_numbers_keep_their_plus_and_short_ones_are_refused():
    assert normalise_phone("+44 20 7946 0958") == "+442079460958"
    with pytest.raises(Unprocessable):
        normalise_phone("12-3")


@pytest.mark.parametrize(
    ("bought", "months", "until"),
    [
        (date(2026, 3, 15), 12, date(2027, 3, 14)),
        (date(2026, 1, 31), 1, date(2026, 2, 27)),
        (date(2024, 2, 29), 12, date(2025, 2, 27)),
        (date(2026, 3, 15), 0, date(2026, 3, 14)),
    ],
)
def test_warranty_runs_through_the_day_before_the_anniversary(bought, months, until):
    assert warranty_until(bought, months) == until


def test_in_warranty_includes_the_last_day():
    assert in_warranty(date(2027, 3, 14), date(2027, 3, 14))
    assert not in_warranty(date(2027, 3, 14), date(2027, 3, 15))


def test_response_sla_is_four_hours_and_a_day_for_complaints():
    opened = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    policy = ResponsePolicy()
    assert policy.respond_by("repair", opened) == opened + timedelta(hours=4)
    assert policy.respond_by("complaint", opened) == opened + timedelta(hours=24)
    assert ResponsePolicy(default_hours=2).respond_by("install", opened) == opened + timedelta(
        hours=2
    )


def test_visit_kinds():
    assert needs_visit("repair") and needs_visit("install")
    assert not needs_visit("consultation") and not needs_visit("complaint")


def test_ticket_numbers_are_zero_padded_by_year():
    assert ticket_number(2026, 123) == "SR-2026-0000123"


@pytest.mark.parametrize(
    ("start_h", "end_h", "message"),
    [
        (5, 2, "before"),
        (-10, -2, "past"),
        (1, 24 * 15, "14 days"),
    ],
)
def test_preferred_window_rules(start_h, end_h, message):
    now = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    with pytest.raises(Unprocessable, match=message):
        check_preferred_window(now + timedelta(hours=start_h), now + timedelta(hours=end_h), now)
    check_preferred_window(now + timedelta(hours=1), now + timedelta(hours=5), now)
