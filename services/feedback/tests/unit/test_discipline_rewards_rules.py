"""The rules of issue 30 at their boundaries: strikes for life and only for conduct, whom a
complaint may name, the outcomes that open or reopen a complaint, the weighed grade and the
ungraded month, and the monthly reward."""

import uuid
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from aftersales.errors import Unprocessable
from feedback.domain.callbacks import check_result, opens_complaint, reopens_complaint
from feedback.domain.complaints import is_strike, person_named
from feedback.domain.discipline import strikes_in_window
from feedback.domain.grading import Threshold, grade, grade_or_keep
from feedback.domain.rewards import Month, RewardRule, judge
from feedback.domain.scorecards import Counts, Scorecard
from feedback.settings import DEFAULT_OUTCOME_WEIGHTS, DEFAULT_THRESHOLDS, FeedbackSettings
from feedback.use_cases.policy import FeedbackPolicy, month_bounds

NOW = datetime(2027, 3, 10, 10, 0, tzinfo=UTC)
WEIGHTS = {o: Fraction(str(w)) for o, w in DEFAULT_OUTCOME_WEIGHTS.items()}
THRESHOLDS = {g: Threshold.of(v, grade=g) for g, v in DEFAULT_THRESHOLDS.items()}


# -- discipline ----------------------------------------------------------------------------


def test_strikes_count_for_life_unless_a_window_is_set():
    first = NOW - timedelta(days=430)  # 14 months before
    second = NOW - timedelta(days=200)
    assert strikes_in_window([first, second, NOW], at=NOW, window=None) == 3
    assert strikes_in_window([first, second, NOW], at=NOW, window=timedelta(days=365)) == 2
    # A strike after ``at`` is not counted, for life or not.
    assert strikes_in_window([NOW + timedelta(seconds=1)], at=NOW, window=None) == 0


@pytest.mark.parametrize(
    ("substantiated", "category", "named", "strike"),
    [
        (True, "conduct", True, True),
        (True, "quality", True, False),
        (True, "delay", True, False),
        (True, "other", True, False),
        (False, "conduct", True, False),
        (True, "conduct", False, False),
    ],
)
def test_only_a_substantiated_conduct_complaint_naming_someone_is_a_strike(
    substantiated, category, named, strike
):
    staff = uuid.uuid4() if named else None
    assert is_strike(substantiated=substantiated, category=category, staff_id=staff) is strike


def test_a_complaint_names_one_registered_person():
    tech, agent = uuid.uuid4(), uuid.uuid4()
    by_tech = person_named(staff_id=None, technician_id=tech, registered_role=None, by="crm")
    assert (by_tech.staff_id, by_tech.technician_id, by_tech.role) == (tech, tech, "technician")
    as_staff = person_named(
        staff_id=tech, technician_id=tech, registered_role="technician", by="centre"
    )
    assert as_staff.technician_id == tech
    host = person_named(staff_id=agent, technician_id=None, registered_role="host", by="centre")
    assert (host.staff_id, host.technician_id, host.role) == (agent, None, "host")
    nobody = person_named(staff_id=None, technician_id=None, registered_role=None, by="crm")
    assert nobody.staff_id is None
    refused = [
        dict(staff_id=agent, technician_id=None, registered_role=None, by="centre"),
        dict(staff_id=tech, technician_id=uuid.uuid4(), registered_role="technician", by="centre"),
        dict(staff_id=agent, technician_id=tech, registered_role="agent", by="centre"),
        dict(staff_id=agent, technician_id=None, registered_role="agent", by="crm"),
    ]
    for case in refused:
        with pytest.raises(Unprocessable):
            person_named(**case)  # type: ignore[arg-type]
    with pytest.raises(Unprocessable, match="not in the register"):
        person_named(staff_id=agent, technician_id=None, registered_role=None, by="centre")


# -- outcomes that open or reopen a complaint ----------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "reason", "category", "reopens"),
    [
        ("bad_attitude", "job", "conduct", False),
        ("complaint", "job", "conduct", False),
        ("unsatisfied", "job", None, False),
        ("bad_attitude", "refunded", "conduct", False),
        ("complaint", "replaced", "conduct", False),
        ("satisfied", "complaint_resolved", None, False),
        ("unsatisfied", "complaint_resolved", None, True),
        ("bad_attitude", "complaint_resolved", None, True),
        ("unsatisfied", "refunded", None, False),
    ],
)
def test_what_a_reached_callback_opens_or_reopens(outcome, reason, category, reopens):
    assert opens_complaint(outcome, reason) == category
    assert reopens_complaint(outcome, reason) is reopens


@pytest.mark.parametrize("reason", ["complaint_resolved", "refunded", "replaced"])
def test_no_visit_behind_a_callback_means_nothing_was_not_fixed(reason):
    with pytest.raises(Unprocessable, match="follows no visit"):
        check_result(
            reached=True,
            outcome="not_fixed_first_visit",
            score=1,
            visit_number=0,
            reason=reason,
        )
    check_result(reached=True, outcome="unsatisfied", score=1, visit_number=0, reason=reason)


# -- grading -------------------------------------------------------------------------------


def _card(**outcomes: int) -> Scorecard:
    fields = {
        "satisfied": outcomes.get("satisfied", 0),
        "unsatisfied": outcomes.get("unsatisfied", 0),
        "complaint_outcomes": outcomes.get("complaint", 0),
        "not_fixed_first_visit": outcomes.get("not_fixed_first_visit", 0),
        "not_fixed_repeat": outcomes.get("not_fixed_repeat", 0),
        "attitude_complaints": outcomes.get("bad_attitude", 0),
    }
    reached = sum(fields.values())
    first_visits = reached - fields["not_fixed_repeat"]
    return Scorecard(
        Counts(
            jobs=reached,
            callbacks_reached=reached,
            first_visit_reached=first_visits,
            first_visit_fixed=first_visits - fields["not_fixed_first_visit"],
            **fields,
        ),
        WEIGHTS,
    )


def test_the_worked_month_of_docs_feedback():
    plain = _card(satisfied=17, unsatisfied=3)
    mixed = _card(satisfied=17, unsatisfied=1, not_fixed_first_visit=1, bad_attitude=1)
    repeat = _card(satisfied=19, not_fixed_repeat=1)
    assert (plain.outcome_score, grade(plain, THRESHOLDS)) == (Fraction(85, 100), "B")
    assert (mixed.outcome_score, grade(mixed, THRESHOLDS)) == (Fraction(725, 1000), "C")
    assert (repeat.outcome_score, grade(repeat, THRESHOLDS)) == (Fraction(875, 1000), "B")


def test_a_repeat_failure_weighs_more_than_a_first_one_and_attitude_counts():
    first = _card(satisfied=19, not_fixed_first_visit=1).outcome_score
    again = _card(satisfied=19, not_fixed_repeat=1).outcome_score
    unhappy = _card(satisfied=19, unsatisfied=1).outcome_score
    rude = _card(satisfied=19, bad_attitude=1).outcome_score
    assert first is not None and again is not None and unhappy is not None and rude is not None
    assert rude < again < first < unhappy


def test_the_outcome_score_boundary_meets_its_grade():
    # 18 satisfied, 2 unsatisfied: 0.90 exactly, A's least outcome score; 17 and 3 are not.
    at = _card(satisfied=18, unsatisfied=2)
    assert at.outcome_score == Fraction(9, 10) and grade(at, THRESHOLDS) == "B"  # 90 % < 95 %
    relaxed = {
        g: Threshold(Fraction(0), Fraction(0), Fraction(0), Fraction(100), t.min_outcome_score)
        for g, t in THRESHOLDS.items()
    }
    assert grade(at, relaxed) == "A"
    below = _card(satisfied=17, unsatisfied=3)
    assert grade(below, relaxed) == "B"


def test_thresholds_without_an_outcome_score_take_the_grades_default():
    values = {k: v for k, v in DEFAULT_THRESHOLDS["B"].items() if k != "min_outcome_score"}
    assert Threshold.of(values, grade="B").min_outcome_score == Fraction(3, 4)


def test_a_point_no_callback_reached_keeps_its_grade_or_starts_at_the_starting_grade():
    nothing = Scorecard(Counts(jobs=3, unreachable=3), WEIGHTS)
    assert nothing.ungraded and grade(nothing, THRESHOLDS) == "A"  # what it used to show
    kept = grade_or_keep(nothing, THRESHOLDS, previous="C", starting="B")
    assert (kept.grade, kept.ungraded) == ("C", True)
    new = grade_or_keep(nothing, THRESHOLDS, previous=None, starting="B")
    assert (new.grade, new.ungraded) == ("B", True)
    one = _card(satisfied=1)
    earned = grade_or_keep(one, THRESHOLDS, previous="D", starting="B")
    assert (earned.grade, earned.ungraded) == ("A", False)


# -- rewards -------------------------------------------------------------------------------

RULE = RewardRule(min_satisfied_percent=Fraction(95), min_jobs=10, amount=20000)


@pytest.mark.parametrize(
    ("month", "rewarded"),
    [
        (Month(jobs=20, reached=20, satisfied=19), True),  # 95 % exactly, on the boundary
        (Month(jobs=20, reached=20, satisfied=18), False),  # 90 %
        (Month(jobs=10, reached=10, satisfied=10), True),  # 10 jobs exactly
        (Month(jobs=9, reached=9, satisfied=9), False),  # one job short
        (Month(jobs=12, reached=0, satisfied=0), False),  # nobody reached: not shown
        (Month(jobs=20, reached=20, satisfied=20, substantiated_complaints=1), False),
        (Month(jobs=20, reached=20, satisfied=20, dismissed=True), False),
    ],
)
def test_the_reward_rule_at_its_boundaries(month, rewarded):
    assert judge(month, RULE).rewarded is rewarded


def test_a_rule_asking_no_jobs_rewards_a_month_without_a_substantiated_complaint():
    host = RewardRule(min_satisfied_percent=Fraction(0), min_jobs=0, amount=5000)
    assert judge(Month(), host).rewarded
    assert not judge(Month(substantiated_complaints=1), host).rewarded


# -- settings ------------------------------------------------------------------------------


def test_settings_default_to_strikes_for_life_and_check_weights_and_rules():
    policy = FeedbackPolicy.from_settings(FeedbackSettings())
    assert policy.strike_window is None and policy.strike_window_days is None
    assert policy.starting_grade == "B"
    assert set(policy.reward_rules) == {"technician", "agent"}
    windowed = FeedbackPolicy.from_settings(FeedbackSettings(strike_window_days=365))
    assert windowed.strike_window_days == 365
    partial = FeedbackSettings(outcome_weights={"bad_attitude": -3})
    assert partial.outcome_weights["bad_attitude"] == -3
    assert partial.outcome_weights["not_fixed_repeat"] == -1.5  # the rest keep their defaults
    for bad in (
        {"outcome_weights": {"rude": -1}},
        {"reward_rules": {"janitor": {"min_satisfied_percent": 1, "min_jobs": 1, "amount": 1}}},
        {"reward_rules": {"host": {"min_jobs": 0, "amount": 100}}},
        {"reward_rules": {"host": {"min_satisfied_percent": 0, "min_jobs": 0, "amount": -1}}},
        {"strike_window_days": 0},
    ):
        with pytest.raises(ValidationError):
            FeedbackSettings(**bad)


def test_a_month_runs_from_its_first_local_midnight_to_the_next():
    policy = FeedbackPolicy.from_settings(FeedbackSettings())
    start, end = month_bounds("2027-12", policy)
    shanghai = ZoneInfo("Asia/Shanghai")
    assert start == datetime(2027, 12, 1, tzinfo=shanghai)
    assert end == datetime(2028, 1, 1, tzinfo=shanghai)
