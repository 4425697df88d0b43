"""The clock rules: who answers, deadlines by kind, breaches at the boundary, pauses."""

from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Conflict
from intake.domain.catalogue import CategoryOffer, complete_within
from intake.domain.clocks import (
    PauseState,
    check_can_pause,
    check_can_respond,
    check_can_resume,
    complete_by,
    is_breached,
    respond_clock,
    resumed,
)

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def test_exactly_one_clock_answers_each_kind():
    assert respond_clock("repair") == "dispatch"
    assert respond_clock("training") == "dispatch"
    assert respond_clock("complaint") == "feedback"
    assert respond_clock("consultation") == "intake"
    assert respond_clock("sample_test") == "intake"


def test_a_clock_is_met_at_its_due_time_and_breached_just_after():
    due = T0 + timedelta(hours=4)
    assert not is_breached(due, due, paused=False)
    assert is_breached(due, due + timedelta(microseconds=1), paused=False)
    assert not is_breached(due, due + timedelta(hours=1), paused=True)
    assert not is_breached(None, due + timedelta(days=400), paused=False)


def test_resuming_continues_where_the_clock_stopped():
    due = T0 + timedelta(hours=4)
    paused_at = T0 + timedelta(hours=1)  # three hours left
    now = paused_at + timedelta(hours=20)
    after = resumed(due, paused_at, now)
    assert after == due + timedelta(hours=20)
    assert after - now == timedelta(hours=3)  # neither run through the pause nor restarted
    assert resumed(None, paused_at, now) is None
    assert resumed(due, paused_at, paused_at - timedelta(seconds=5)) == due  # never backwards


def test_deadlines_to_finish_by_kind_and_category():
    defaults = {"training": 744, "sample_test": 24}
    assert complete_by("training", T0, defaults) == T0 + timedelta(days=31)
    assert complete_by("repair", T0, defaults) is None
    offer = CategoryOffer("water_heater", frozenset({"repair"}), {}, {"repair": 48})
    merged = complete_within(offer, defaults)
    assert complete_by("repair", T0, merged) == T0 + timedelta(hours=48)
    assert complete_by("sample_test", T0, merged) == T0 + timedelta(hours=24)


def test_pause_and_resume_are_refused_where_they_make_no_sense():
    check_can_pause(PauseState("open", None))
    with pytest.raises(Conflict):
        check_can_pause(PauseState("closed", None))
    with pytest.raises(Conflict):
        check_can_pause(PauseState("open", T0))
    with pytest.raises(Conflict):
        check_can_resume(PauseState("open", None))
    check_can_resume(PauseState("open", T0))


def test_only_a_ticket_without_a_visit_or_complaint_is_answered_here():
    check_can_respond("consultation", "open", responded=False)
    for kind in ("repair", "complaint"):
        with pytest.raises(Conflict):
            check_can_respond(kind, "open", responded=False)
    with pytest.raises(Conflict):
        check_can_respond("consultation", "open", responded=True)
    with pytest.raises(Conflict):
        check_can_respond("consultation", "cancelled", responded=False)
