"""The rules of issue 31 at their boundaries: whether someone came (asked of a reached customer,
``no`` only about a job, required on an audit job) and the complaint it opens; the audit draw
(the share, the first job of a month, the same draw every time); the flag weights refused at
startup; and grading with the weights on and off."""

import json
import uuid
from fractions import Fraction

import pytest
from pydantic import ValidationError

from aftersales.errors import Unprocessable
from feedback.domain.audit_sample import draw_of, drawn_for_audit
from feedback.domain.callbacks import check_result, complaint_text, opens_complaint
from feedback.domain.grading import Threshold, grade
from feedback.domain.scorecards import Counts, Scorecard, flag_penalty
from feedback.settings import DEFAULT_OUTCOME_WEIGHTS, DEFAULT_THRESHOLDS, FeedbackSettings
from feedback.use_cases.policy import FeedbackPolicy
from feedback.use_cases.scorecards import _fingerprint

WEIGHTS = {o: Fraction(str(w)) for o, w in DEFAULT_OUTCOME_WEIGHTS.items()}
THRESHOLDS = {g: Threshold.of(v, grade=g) for g, v in DEFAULT_THRESHOLDS.items()}
JOBS = [uuid.uuid5(uuid.NAMESPACE_URL, f"job-{n}") for n in range(20_000)]

# -- whether someone came ------------------------------------------------------------------


def test_a_customer_not_reached_confirms_nothing():
    check_result(reached=False, outcome=None, score=None, visit_number=1, audit=True)
    for said in ("yes", "no"):
        with pytest.raises(Unprocessable, match="confirms nothing"):
            check_result(
                reached=False, outcome=None, score=None, visit_number=1, visit_confirmed=said
            )


def test_only_a_jobs_callback_can_say_no_one_came():
    check_result(reached=True, outcome="satisfied", score=5, visit_number=1, visit_confirmed="no")
    for reason in ("resolved_remotely", "refunded", "replaced", "complaint_resolved"):
        with pytest.raises(Unprocessable, match="no one came"):
            check_result(
                reached=True,
                outcome="unsatisfied",
                score=None,
                visit_number=0,
                reason=reason,
                visit_confirmed="no",
                has_job=False,
            )
        check_result(
            reached=True,
            outcome="unsatisfied",
            score=None,
            visit_number=0,
            reason=reason,
            visit_confirmed="yes",
            has_job=False,
        )


def test_an_audit_jobs_reached_callback_must_ask():
    with pytest.raises(Unprocessable, match="audit sample") as refused:
        check_result(reached=True, outcome="satisfied", score=5, visit_number=1, audit=True)
    assert refused.value.status == 422
    for said in ("yes", "no"):
        check_result(
            reached=True,
            outcome="satisfied",
            score=5,
            visit_number=1,
            audit=True,
            visit_confirmed=said,
        )
    # Not drawn: an integrator that never asks changes nothing.
    check_result(reached=True, outcome="satisfied", score=5, visit_number=1)


@pytest.mark.parametrize(
    ("outcome", "reason", "said", "category"),
    [
        ("satisfied", "job", "no", "quality"),
        ("bad_attitude", "job", "no", "quality"),  # one complaint per callback: no one came
        ("complaint", "job", "no", "quality"),
        ("bad_attitude", "job", "yes", "conduct"),
        ("bad_attitude", "job", "not_asked", "conduct"),
        ("satisfied", "job", "yes", None),
        ("unsatisfied", "complaint_resolved", "not_asked", None),
    ],
)
def test_no_one_came_opens_a_quality_complaint(outcome, reason, said, category):
    assert opens_complaint(outcome, reason, said) == category


def test_the_complaint_says_what_the_customer_said():
    assert complaint_text("satisfied", "no", None) == (
        "The customer says no one came (callback outcome satisfied)."
    )
    assert complaint_text("bad_attitude", "not_asked", None) == "bad_attitude on the callback"
    assert complaint_text("satisfied", "no", "nobody came on Tuesday") == "nobody came on Tuesday"


# -- the audit draw --------------------------------------------------------------------------


def test_the_first_job_of_a_month_is_drawn_whatever_the_share():
    for job in JOBS[:50]:
        assert drawn_for_audit(job, Fraction(0), first_of_month=True)


def test_share_zero_draws_no_other_job_and_share_one_every_job():
    assert not any(drawn_for_audit(j, Fraction(0), first_of_month=False) for j in JOBS)
    assert all(drawn_for_audit(j, Fraction(1), first_of_month=False) for j in JOBS)


def test_a_job_is_drawn_when_its_draw_is_below_the_share_not_on_it():
    job = JOBS[7]
    at = draw_of(job)
    assert 0 <= at < 1
    assert not drawn_for_audit(job, at, first_of_month=False)
    assert drawn_for_audit(job, at + Fraction(1, 2**70), first_of_month=False)


def test_the_draw_is_the_same_every_time_and_near_the_share():
    share = Fraction(1, 50)
    first = [drawn_for_audit(j, share, first_of_month=False) for j in JOBS]
    again = [drawn_for_audit(uuid.UUID(str(j)), share, first_of_month=False) for j in JOBS]
    assert first == again
    assert 0.015 < sum(first) / len(JOBS) < 0.025  # 2 % of 20,000 is 400


def test_the_audit_share_is_a_fraction_from_0_to_1():
    assert FeedbackPolicy.from_settings(FeedbackSettings()).audit_share == Fraction(1, 50)
    for ok in (0, 1, 0.5):
        assert FeedbackSettings(audit_share=ok).audit_share == ok
    for bad in (-0.01, 1.01, float("nan"), "some"):
        with pytest.raises(ValidationError, match="audit_share"):
            FeedbackSettings(audit_share=bad)


# -- the flag weights ------------------------------------------------------------------------


def test_flag_weights_are_off_by_default_and_read_as_fractions():
    assert FeedbackSettings().flag_weights == {}
    policy = FeedbackPolicy.from_settings(
        FeedbackSettings(flag_weights={"repeat_visit": 0.5, "no_visit": 2})
    )
    assert policy.flag_weights == {"repeat_visit": Fraction(1, 2), "no_visit": Fraction(2)}


@pytest.mark.parametrize(
    ("weights", "says"),
    [
        ({"repeat_visit": -0.5}, "'repeat_visit' must be a number of 0 or more, not -0.5"),
        ({"repeat_visit": "a lot"}, "must be a number of 0 or more, not 'a lot'"),
        ({"repeat_visit": True}, "must be a number of 0 or more, not True"),
        ({"repeat_visit": None}, "must be a number of 0 or more, not None"),
        ({"repeat_visit": float("inf")}, "must be a number of 0 or more"),
        ({"repeat_vist": 1}, "not review rules: ['repeat_vist']"),
        ([1, 2], "an object of review rule to weight"),
    ],
)
def test_a_bad_flag_weight_is_refused_at_startup_with_a_clear_message(weights, says, monkeypatch):
    with pytest.raises(ValidationError) as refused:
        FeedbackSettings(flag_weights=weights)
    assert says in str(refused.value)
    if weights != {"repeat_visit": float("inf")}:
        # As an operator sets it: JSON in the environment.
        monkeypatch.setenv("FEEDBACK_FLAG_WEIGHTS", json.dumps(weights))
        with pytest.raises(ValidationError, match="FEEDBACK_FLAG_WEIGHTS"):
            FeedbackSettings()


# -- grading with the weights on and off ----------------------------------------------------


def _card(*, flags=None, no_visits=0, weights=None, satisfied=19, jobs=20):
    counts = Counts(
        jobs=jobs,
        callbacks_reached=20,
        satisfied=satisfied,
        unsatisfied=20 - satisfied,
        first_visit_reached=20,
        first_visit_fixed=20,
        no_visits_confirmed=no_visits,
    )
    return Scorecard(counts, WEIGHTS, flags=flags or {}, flag_weights=weights or {})


def test_without_weights_flags_and_no_visits_are_shown_and_grade_nothing():
    card = _card(flags={"repeat_visit": 5, "labour_above_norm": 2}, no_visits=3)
    assert card.flag_penalty is None and card.graded_score == card.outcome_score
    assert grade(card, THRESHOLDS) == grade(_card(), THRESHOLDS) == "A"
    shown = card.as_dict()
    assert shown["no_visits_confirmed"] == 3 and shown["flag_penalty"] is None
    assert shown["flags"] == {
        "labour_above_norm": {"count": 2, "rate": 0.1},
        "repeat_visit": {"count": 5, "rate": 0.25},
    }


def test_weights_take_each_rate_off_the_outcome_score_graded():
    # 19 of 20 satisfied: outcome score 0.95, an A (A's least is 0.90).
    weights = {"repeat_visit": Fraction(1, 5), "no_visit": Fraction(1)}
    on_the_line = _card(flags={"repeat_visit": 5}, weights=weights)
    assert on_the_line.graded_score == Fraction(9, 10)  # 0.95 - 0.2 x 5/20: on A's boundary
    assert grade(on_the_line, THRESHOLDS) == "A"
    below = _card(flags={"repeat_visit": 5}, no_visits=1, weights=weights)
    assert below.flag_penalty == Fraction(1, 20) + Fraction(1, 20)  # 0.2 x 0.25 + 1 x 0.05
    assert grade(below, THRESHOLDS) == "B"
    # Billing's own no_visit flags are the same findings as the confirmed no-visits: not
    # weighed twice; a rule with no weight weighs nothing.
    twice = _card(flags={"no_visit": 4, "customer_jobs": 9}, no_visits=1, weights=weights)
    assert twice.flag_penalty == Fraction(1, 20)


def test_a_card_without_jobs_has_no_flag_rate_and_no_penalty():
    card = _card(flags={"cash_unremitted": 2}, jobs=0, weights={"cash_unremitted": Fraction(1)})
    assert card.as_dict()["flags"] == {"cash_unremitted": {"count": 2, "rate": None}}
    assert card.flag_penalty == 0
    assert flag_penalty({"x": 1}, 0, 0, {}) is None


def test_a_month_graded_before_keeps_its_fingerprint_while_the_new_figures_say_nothing():
    before = {"point_id": "p", "jobs": 3, "outcome_score": 0.9}
    same = {**before, "no_visits_confirmed": 0, "flags": {}, "flag_penalty": None}
    assert _fingerprint(same) == _fingerprint(before)
    assert _fingerprint({**same, "no_visits_confirmed": 1}) != _fingerprint(before)
    assert _fingerprint({**same, "flags": {"repeat_visit": {"count": 1}}}) != _fingerprint(before)
