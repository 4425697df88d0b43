"""The board's rules for jobs: which clock is next, its bucket, pauses, region filters."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from dispatch.domain.board import JobClocks, NextClock, bucket, moved_on, next_clock, region_prefix

T0 = datetime(2027, 2, 3, 9, 0, tzinfo=UTC)
OFFERED = JobClocks(
    status="offered",
    paused=False,
    offer_expires_at=T0 + timedelta(minutes=30),
    respond_by=T0 + timedelta(hours=4),
    appointment_end=None,
    complete_by=T0 + timedelta(days=31),
)


def test_each_status_has_its_clock():
    assert next_clock(OFFERED) == NextClock("accept", T0 + timedelta(minutes=30))
    for status in ("unrouted", "accepted"):
        assert next_clock(replace(OFFERED, status=status)) == NextClock(
            "respond", T0 + timedelta(hours=4)
        )
    booked = replace(OFFERED, respond_by=None, appointment_end=T0 + timedelta(hours=3))
    for status in ("scheduled", "en_route"):
        assert next_clock(replace(booked, status=status)) == NextClock(
            "arrival", T0 + timedelta(hours=3)
        )
    for status in ("on_site", "in_workshop", "repaired", "inspected"):
        assert next_clock(replace(booked, status=status)) == NextClock(
            "completion", T0 + timedelta(days=31)
        )
    for status in ("completed", "cancelled"):
        assert next_clock(replace(booked, status=status)) is None


def test_an_offers_accept_by_runs_through_a_pause_and_nothing_else_does():
    assert next_clock(replace(OFFERED, paused=True)) == NextClock(
        "accept", T0 + timedelta(minutes=30)
    )
    assert next_clock(replace(OFFERED, status="unrouted", paused=True)) is None
    assert bucket(replace(OFFERED, status="unrouted", paused=True), T0) == "paused"


def test_a_job_booked_again_after_its_parts_waits_for_its_completion_not_its_booking():
    again = replace(OFFERED, status="accepted", respond_by=None)
    assert next_clock(again) == NextClock("completion", T0 + timedelta(days=31))
    assert next_clock(replace(again, complete_by=None)) is None
    assert bucket(replace(again, complete_by=None), T0) == "no_clock"


def test_a_clock_past_its_due_time_is_breached():
    assert bucket(OFFERED, T0 + timedelta(minutes=30)) == "accept_due"
    assert bucket(OFFERED, T0 + timedelta(minutes=31)) == "breached"
    assert bucket(replace(OFFERED, status="unrouted"), T0) == "respond_due"


def test_a_pause_moves_the_dues_on_but_not_a_booking_due_already_past():
    paused_at, resumed_at = T0, T0 + timedelta(hours=2)
    respond, complete = moved_on(
        T0 + timedelta(hours=1), T0 + timedelta(days=1), paused_at=paused_at, resumed_at=resumed_at
    )
    assert respond == T0 + timedelta(hours=3) and complete == T0 + timedelta(days=1, hours=2)
    late, _ = moved_on(T0 - timedelta(minutes=1), None, paused_at=paused_at, resumed_at=resumed_at)
    assert late == T0 - timedelta(minutes=1)
    assert moved_on(None, None, paused_at=paused_at, resumed_at=resumed_at) == (None, None)


@pytest.mark.parametrize(
    ("code", "prefix"),
    [("44", "44"), ("4403", "4403"), ("440305", "440305"), ("440000", "44"), ("440300", "4403")],
)
def test_a_region_filter_is_a_province_a_city_or_a_district(code, prefix):
    assert region_prefix(code) == prefix


@pytest.mark.parametrize("code", ["4", "440", "44030", "4403051", "44x3"])
def test_a_region_that_is_no_code_is_refused(code):
    with pytest.raises(Unprocessable):
        region_prefix(code)


def test_the_stored_board_columns_are_the_boards_own_cases():
    """The generated columns' SQL (model and migration) is what the board's cases compile to:
    a clock changed in one place and not the other fails here."""
    from dispatch.adapters.repositories.board import BOARD
    from dispatch.adapters.tables import jobs

    assert BOARD.generated_sql() == (jobs.JOB_BOARD_CLOCK_SQL, jobs.JOB_BOARD_DUE_SQL)
