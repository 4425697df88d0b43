"""The board's rules: which clock of a ticket is next, its bucket, region filters, name
searches."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from intake.domain.board import (
    ClockState,
    NextClock,
    bucket,
    like_escaped,
    name_query,
    next_clock,
    region_prefix,
)

T0 = datetime(2027, 2, 3, 9, 0, tzinfo=UTC)
OPEN = ClockState(
    status="open",
    paused=False,
    responded=False,
    respond_by=T0 + timedelta(hours=4),
    appointment_end=None,
    complete_by=T0 + timedelta(days=10),
    checklist_done=False,
)


def test_an_unanswered_ticket_waits_for_its_answer_first():
    assert next_clock(OPEN) == NextClock("answer", T0 + timedelta(hours=4))


def test_a_booked_visit_waits_for_the_arrival_then_the_completion():
    booked = replace(
        OPEN, status="scheduled", responded=True, appointment_end=T0 + timedelta(hours=6)
    )
    assert next_clock(booked) == NextClock("arrival", T0 + timedelta(hours=6))
    on_the_way = replace(booked, status="in_progress")
    assert next_clock(on_the_way) == NextClock("completion", T0 + timedelta(days=10))
    assert next_clock(replace(on_the_way, complete_by=None)) is None


def test_no_clock_runs_while_paused_once_done_or_after_the_checklist():
    assert next_clock(replace(OPEN, paused=True)) is None
    for status in ("completed", "closed", "cancelled", "resolved_remotely"):
        assert next_clock(replace(OPEN, status=status)) is None
    duty = replace(OPEN, responded=True, checklist_done=True)
    assert next_clock(duty) is None


def test_a_reopened_ticket_answered_before_waits_for_its_completion():
    reopened = replace(OPEN, status="reopened", responded=True)
    assert next_clock(reopened) == NextClock("completion", T0 + timedelta(days=10))


def test_each_open_ticket_is_in_one_bucket():
    assert bucket(OPEN, T0) == "answer_due"
    assert bucket(OPEN, T0 + timedelta(hours=4)) == "answer_due"  # due at, not yet past
    assert bucket(OPEN, T0 + timedelta(hours=4, seconds=1)) == "breached"
    assert bucket(replace(OPEN, paused=True), T0 + timedelta(days=30)) == "paused"
    assert bucket(replace(OPEN, status="completed"), T0) == "no_clock"
    booked = replace(OPEN, status="scheduled", responded=True, appointment_end=T0)
    assert bucket(booked, T0 - timedelta(minutes=1)) == "arrival_due"
    assert bucket(replace(booked, status="in_progress"), T0) == "completion_due"


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        ("31", "31"),
        ("3101", "3101"),
        ("310115", "310115"),
        ("310000", "31"),
        ("310100", "3101"),
    ],
)
def test_a_region_filter_is_a_province_a_city_or_a_district(code, prefix):
    assert region_prefix(code) == prefix


@pytest.mark.parametrize("code", ["3", "310", "31011", "3101150", "31a1", ""])
def test_a_region_that_is_no_code_is_refused(code):
    with pytest.raises(Unprocessable):
        region_prefix(code)


def test_a_name_search_needs_two_characters_besides_spaces():
    assert name_query("  张伟 ") == "张伟"
    with pytest.raises(Unprocessable):
        name_query(" 张 ")


def test_like_wildcards_in_a_name_are_literal():
    assert like_escaped("50%_off\\") == "50\\%\\_off\\\\"


def test_the_stored_board_columns_are_the_boards_own_cases():
    """The generated columns' SQL (model and migration) is what the board's cases compile to:
    a clock changed in one place and not the other fails here."""
    from intake.adapters import board_sql
    from intake.adapters.board import BOARD

    assert BOARD.generated_sql() == (
        board_sql.TICKET_BOARD_CLOCK_SQL,
        board_sql.TICKET_BOARD_DUE_SQL,
    )
