"""Each claims-review rule at its boundary: at the norm nothing, one past it a flag that names
the rule, the job's figure and the norm."""

from datetime import UTC, date, datetime, timedelta

import pytest

from aftersales.policies.catalogue import spec
from aftersales.policies.domain import WrongType
from aftersales.review_rules import ReviewRules, initial_rules
from billing.domain.reviews import (
    History,
    JobClaim,
    hold_reason,
    late_report_finding,
    no_visit_finding,
    percentile,
    scheduled_finding,
    weigh_job,
    window,
)

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
RULES = ReviewRules()


def claim(**kw):
    values = {
        "category": "washing_machine",
        "labour_minutes": 60,
        "travel_km": 10,
        "parts": (("PUMP-01", 1, True),),
        "serial_no": "SN-1",
        "completed_at": NOW,
    }
    return JobClaim(**(values | kw))


def rules_of(found):
    return {f.rule: f for f in found}


def test_a_plain_job_raises_nothing():
    assert weigh_job(RULES, claim(), History()) == []


@pytest.mark.parametrize(
    ("field", "rule", "limit"),
    [("labour_minutes", "implausible_labour", 720), ("travel_km", "implausible_travel", 300)],
)
def test_the_implausible_limits_hold_one_past_them(field, rule, limit):
    assert rule not in rules_of(weigh_job(RULES, claim(**{field: limit}), History()))
    f = rules_of(weigh_job(RULES, claim(**{field: limit + 1}), History()))[rule]
    assert f.holds and (f.figure, f.norm) == (limit + 1, limit)


def test_labour_above_the_norm_is_marked_and_says_by_how_much():
    history = History(labour_norm=90, norm_jobs=40)
    assert "labour_above_norm" not in rules_of(weigh_job(RULES, claim(labour_minutes=90), history))
    f = rules_of(weigh_job(RULES, claim(labour_minutes=91), history))["labour_above_norm"]
    assert f.action == "mark" and (f.figure, f.norm) == (91, 90)
    assert "95th percentile" in f.reason and "40 jobs" in f.reason
    # No norm yet (too few jobs in the window): nothing.
    assert weigh_job(RULES, claim(labour_minutes=500), History(labour_norm=None)) == []


def test_the_percentile_is_nearest_rank_over_counted_values():
    assert percentile([], 95) is None
    assert percentile([(60, 19), (600, 1)], 95) == 60.0  # the 19th of 20
    assert percentile([(60, 18), (600, 2)], 95) == 600.0
    assert percentile([(30, 1)], 95) == 30.0


def test_a_norm_reads_the_days_before_its_day():
    assert window(date(2026, 3, 10), 90) == (date(2025, 12, 10), date(2026, 3, 9))


def test_parts_above_the_category_norm_and_parts_off_the_model():
    three = (("A", 2, True), ("B", 1, None))
    assert weigh_job(RULES, claim(parts=three), History()) == []
    f = rules_of(weigh_job(RULES, claim(parts=(*three, ("C", 1, True))), History()))
    assert (f["parts_above_norm"].figure, f["parts_above_norm"].norm) == (4, 3)
    tight = ReviewRules.model_validate(
        {"parts_above_norm": {"per_category": {"washing_machine": 1}}}
    )
    assert "parts_above_norm" in rules_of(weigh_job(tight, claim(parts=three), History()))
    off = rules_of(weigh_job(RULES, claim(parts=(("X-9", 1, False),)), History()))
    assert off["part_not_on_model"].details == {"skus": ["X-9"]}


def test_a_repeat_visit_within_the_window_and_not_after_it():
    at = NOW - timedelta(days=30)
    f = rules_of(weigh_job(RULES, claim(), History(previous_visit=("j1", at))))
    assert f["repeat_visit"].figure == 30.0 and f["repeat_visit"].norm == 30
    later = History(previous_visit=("j1", at - timedelta(minutes=1)))
    assert weigh_job(RULES, claim(), later) == []
    assert weigh_job(RULES, claim(serial_no=None), History(previous_visit=("j1", at))) == []


def test_more_jobs_for_one_customer_than_the_month_allows():
    assert weigh_job(RULES, claim(), History(customer_jobs_in_month=5)) == []
    f = rules_of(weigh_job(RULES, claim(), History(customer_jobs_in_month=6)))["customer_jobs"]
    assert (f.figure, f.norm) == (6, 5)


def test_a_rule_switched_off_or_set_to_mark():
    off = ReviewRules.model_validate({"implausible_labour": {"max": 720, "enabled": False}})
    assert weigh_job(off, claim(labour_minutes=10_000), History()) == []
    marks = ReviewRules.model_validate({"implausible_labour": {"max": 720, "action": "mark"}})
    [f] = weigh_job(marks, claim(labour_minutes=10_000), History())
    assert not f.holds and hold_reason([f]) is None


def test_the_late_report_and_no_visit_findings_hold_by_default():
    late = late_report_finding(RULES, "it reached dispatch late", 300)
    assert late is not None and late.holds
    no_visit = no_visit_finding(RULES, "cb-1")
    assert no_visit is not None and no_visit.holds
    assert hold_reason([late, no_visit]).startswith("late report: it reached")


def test_scheduled_findings_are_marked_with_their_age():
    f = scheduled_finding(
        RULES,
        "cash_unremitted",
        amount=5_000,
        paid_at=NOW - timedelta(days=7),
        now=NOW,
        what="cash a partner point still holds",
    )
    assert f is not None and f.action == "mark" and (f.figure, f.norm) == (7.0, 7)


@pytest.mark.parametrize(
    "value",
    [
        {"repeat_visit": {"within_days": -1}},
        {"customer_jobs": {"max_per_month": "five"}},
        {"labour_above_norm": {"percentile": "95"}},
        {"parts_above_norm": {"max_parts": -2}},
        {"no_visit": {"action": "block"}},
        {"cash_unremitted": {"action": "hold"}},
        {"unknown_rule": {}},
    ],
)
def test_a_threshold_that_is_negative_or_not_a_number_is_refused(value):
    with pytest.raises(WrongType):
        spec("billing.review_rules").validate(value)


def test_version_one_carries_the_older_limits_and_the_environment_overrides():
    value = initial_rules(
        {"implausible_labour": {"action": "mark"}},
        max_labour_minutes=480,
        max_travel_km=200,
        reconcile_within_days=10,
    )
    rules = spec("billing.review_rules").validate(value)
    assert rules.implausible_labour.max == 480 and rules.implausible_labour.action == "mark"
    assert rules.implausible_travel.max == 200 and rules.payment_unreconciled.after_days == 10
