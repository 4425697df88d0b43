import uuid
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest

from aftersales.errors import Conflict, Unprocessable
from feedback.domain.callbacks import check_open, check_result, gives_up
from feedback.domain.care import add_months, next_due
from feedback.domain.complaints import (
    check_attribution,
    check_can_reply,
    check_can_resolve,
    deadlines,
    overdue,
)
from feedback.domain.discipline import action_for, strikes_in_window
from feedback.domain.grading import Threshold, grade
from feedback.domain.months import months_between, next_month
from feedback.domain.scorecards import Counts, Scorecard
from feedback.settings import DEFAULT_THRESHOLDS

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("outcome", "visit", "ok"),
    [
        ("satisfied", 1, True),
        ("unsatisfied", 3, True),
        ("complaint", 1, True),
        ("bad_attitude", 2, True),
        ("not_fixed_first_visit", 1, True),
        ("not_fixed_first_visit", 2, False),
        ("not_fixed_repeat", 1, False),
        ("not_fixed_repeat", 2, True),
    ],
)
def test_not_fixed_outcomes_must_agree_with_the_visit_number(outcome, visit, ok):
    if ok:
        check_result(reached=True, outcome=outcome, score=4, visit_number=visit)
    else:
        with pytest.raises(Unprocessable):
            check_result(reached=True, outcome=outcome, score=4, visit_number=visit)


def test_a_reached_customer_needs_an_outcome_and_an_unreached_one_gives_none():
    with pytest.raises(Unprocessable, match="needs an outcome"):
        check_result(reached=True, outcome=None, score=None, visit_number=1)
    with pytest.raises(Unprocessable, match="no outcome"):
        check_result(reached=False, outcome="satisfied", score=None, visit_number=1)
    check_result(reached=False, outcome=None, score=None, visit_number=1)


def test_attempts_give_up_at_the_limit_and_a_finished_callback_takes_nothing_more():
    assert not gives_up(2, 3)
    assert gives_up(3, 3)
    check_open("due")
    for status in ("done", "unreachable"):
        with pytest.raises(Conflict):
            check_open(status)


def test_complaint_deadlines_are_24_hours_and_30_days_and_late_counts_as_missed():
    d = deadlines(NOW, reply_within=timedelta(hours=24), resolve_within=timedelta(days=30))
    assert d.reply_by == NOW + timedelta(hours=24)
    assert d.resolve_by == NOW + timedelta(days=30)
    assert not overdue(d.reply_by, None, d.reply_by)  # on the deadline is in time
    assert overdue(d.reply_by, None, d.reply_by + timedelta(seconds=1))
    assert overdue(d.reply_by, d.reply_by + timedelta(hours=1), d.reply_by + timedelta(hours=2))
    assert not overdue(d.reply_by, d.reply_by - timedelta(hours=1), d.reply_by + timedelta(days=2))
    check_can_reply("open")
    with pytest.raises(Conflict):
        check_can_reply("replied")
    check_can_resolve("replied")
    with pytest.raises(Conflict):
        check_can_resolve("resolved")


def test_the_strike_ladder_is_warning_penalty_dismissal():
    assert [action_for(n) for n in (1, 2, 3, 4)] == ["warning", "penalty", "dismissal", "dismissal"]


def test_strikes_count_only_inside_the_rolling_window_its_first_day_included():
    window = timedelta(days=365)
    old = NOW - timedelta(days=366)
    edge = NOW - window
    assert strikes_in_window([old, NOW], at=NOW, window=window) == 1
    assert strikes_in_window([edge, NOW], at=NOW, window=window) == 2


THRESHOLDS = {g: Threshold.of(v) for g, v in DEFAULT_THRESHOLDS.items()}


def card(
    reached=100, satisfied=95, first_reached=100, first_fixed=90, jobs=100, complaints=1, breached=5
):
    return Scorecard(
        Counts(
            jobs=jobs,
            callbacks_reached=reached,
            satisfied=satisfied,
            first_visit_reached=first_reached,
            first_visit_fixed=first_fixed,
            complaints=complaints,
            breached_jobs=breached,
        )
    )


def test_grades_on_the_boundaries_meet_the_threshold():
    assert grade(card(), THRESHOLDS) == "A"  # 0.95, 0.90, 1 per 100, 0.95: all exactly on A
    assert grade(card(satisfied=94), THRESHOLDS) == "B"
    assert grade(card(first_fixed=89), THRESHOLDS) == "B"
    assert grade(card(complaints=2), THRESHOLDS) == "B"
    assert grade(card(breached=6), THRESHOLDS) == "B"
    assert grade(card(satisfied=85, complaints=3, breached=10, first_fixed=80), THRESHOLDS) == "B"
    assert grade(card(satisfied=84), THRESHOLDS) == "C"
    assert grade(card(satisfied=70, complaints=6, breached=20, first_fixed=65), THRESHOLDS) == "C"
    assert grade(card(satisfied=69), THRESHOLDS) == "D"
    assert grade(card(complaints=7), THRESHOLDS) == "D"


def test_a_rate_without_data_is_none_and_does_not_count_against_the_point():
    empty = Scorecard(Counts(jobs=4, complaints=0))
    assert empty.satisfaction_rate is None and empty.first_visit_fix_rate is None
    assert empty.sla_compliance == 1
    assert grade(empty, THRESHOLDS) == "A"
    assert Scorecard(Counts()).rates() == {
        "satisfaction_rate": None,
        "first_visit_fix_rate": None,
        "repeat_visit_rate": None,
        "complaints_per_100_jobs": None,
        "sla_compliance": None,
        "outcome_score": None,
    }


def test_scorecard_rates():
    c = Scorecard(
        Counts(
            jobs=8,
            repeat_jobs=2,
            callbacks_reached=6,
            satisfied=5,
            first_visit_reached=4,
            first_visit_fixed=3,
            complaints=1,
            breached_jobs=2,
        )
    )
    assert c.satisfaction_rate == Fraction(5, 6)
    assert c.first_visit_fix_rate == Fraction(3, 4)
    assert c.repeat_visit_rate == Fraction(1, 4)
    assert c.complaints_per_100_jobs == Fraction(25, 2)
    assert c.sla_compliance == Fraction(3, 4)
    assert c.rates()["satisfaction_rate"] == 0.8333


def test_care_visits_come_every_six_months_for_senior_staff_and_monthly_otherwise():
    assert next_due(date(2026, 1, 31), "ordinary") == date(2026, 2, 28)
    assert next_due(date(2026, 8, 31), "senior") == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_report_months_run_inclusive_and_are_bounded():
    assert months_between("2026-11", "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
    with pytest.raises(Unprocessable):
        months_between("2027-01", "2026-12")
    with pytest.raises(Unprocessable):
        months_between("2020-01", "2026-12")


def test_a_crm_names_parties_only_and_the_centre_anyone_else_with_a_reason():
    ticket, stranger = uuid.uuid4(), [("point", uuid.uuid4())]
    check_attribution([], ticket_id=ticket, reason=None, by="crm")
    check_attribution(stranger, ticket_id=ticket, reason=None, by="feedback")
    check_attribution(stranger, ticket_id=ticket, reason="sent a subcontractor", by="centre")
    with pytest.raises(Unprocessable) as refused:
        check_attribution(stranger, ticket_id=ticket, reason=None, by="crm")
    assert str(stranger[0][1]) in refused.value.detail
    for reason in (None, "  "):
        with pytest.raises(Unprocessable, match="attribution_reason"):
            check_attribution(stranger, ticket_id=ticket, reason=reason, by="centre")
    with pytest.raises(Unprocessable, match="only the centre"):
        check_attribution([], ticket_id=ticket, reason="because", by="crm")


def test_the_month_after_wraps_at_the_year_end():
    assert next_month("2026-11") == "2026-12"
    assert next_month("2026-12") == "2027-01"
