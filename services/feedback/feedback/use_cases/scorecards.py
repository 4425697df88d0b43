"""Scorecards per point (and per technician) for a month, and grading them."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import timedelta
from fractions import Fraction
from typing import Any

import orjson

from aftersales.errors import Unprocessable
from aftersales.events import feedback
from aftersales.policies import values_at
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackRepository
from feedback.adapters.repositories.complaints import ComplaintRepository
from feedback.adapters.repositories.flags import ReviewFlagRepository
from feedback.adapters.repositories.gradings import GradingRepository
from feedback.adapters.repositories.sla import SlaRepository
from feedback.adapters.tables import GradingRow
from feedback.domain.grading import Threshold, grade_or_keep
from feedback.domain.scorecards import Counts, Scorecard
from feedback.use_cases.policy import FeedbackPolicy, month_bounds, month_of
from feedback.use_cases.rewards import decide_rewards


@dataclass(frozen=True)
class Card:
    subject_id: uuid.UUID
    card: Scorecard
    grade: str | None = None

    def as_dict(self, key: str) -> dict[str, Any]:
        return {
            key: str(self.subject_id),
            **self.card.as_dict(),
            **({"grade": self.grade} if self.grade else {}),
        }


async def as_of_close(uow: UnitOfWork, month: str, policy: FeedbackPolicy) -> FeedbackPolicy:
    """The grading weights and thresholds approved for the month's close (its last moment, or
    now for the month under way) in the policy store (docs/policies.md): a month graded again
    later keeps the figures of its own close. The flag weights too, once the store has them
    (``feedback.flag_weights``); until then ``FEEDBACK_FLAG_WEIGHTS``."""
    _, end = month_bounds(month, policy)
    found = await values_at(
        uow,
        min(end - timedelta(microseconds=1), uow.now()),
        {
            "feedback.grading_weights": None,
            "feedback.grading_thresholds": None,
            "feedback.flag_weights": None,
        },
    )
    weights, thresholds = found["feedback.grading_weights"], found["feedback.grading_thresholds"]
    flag_weights = found["feedback.flag_weights"]
    return replace(
        policy,
        outcome_weights=(
            {**policy.outcome_weights, **{o: Fraction(str(w)) for o, w in weights.items()}}
            if weights is not None
            else policy.outcome_weights
        ),
        thresholds=(
            {g: Threshold.of(v, grade=g) for g, v in thresholds.items()}
            if thresholds is not None
            else policy.thresholds
        ),
        flag_weights=(
            {r: Fraction(str(w)) for r, w in flag_weights.items()}
            if flag_weights is not None
            else policy.flag_weights
        ),
    )


async def cards(
    uow: UnitOfWork,
    month: str,
    *,
    policy: FeedbackPolicy,
    by: str = "point",
    only: uuid.UUID | None = None,
) -> list[Card]:
    """Each point's (or technician's) month: its callbacks, each outcome counted, confirmed
    no-visits, complaints, SLA breaches, and (points) billing's review flags by rule; weighed by
    the grading weights of the month's close."""
    return await _cards(uow, month, policy=await as_of_close(uow, month, policy), by=by, only=only)


async def _cards(
    uow: UnitOfWork,
    month: str,
    *,
    policy: FeedbackPolicy,
    by: str = "point",
    only: uuid.UUID | None = None,
) -> list[Card]:
    callbacks = await CallbackRepository(uow.session).counts(month, by=by, only=only)
    complaints = await ComplaintRepository(uow.session).substantiated(month, by=by)
    points = by == "point"
    breaches = await SlaRepository(uow.session).breaches(month) if points else {}
    flags = await ReviewFlagRepository(uow.session).counts(month, only=only) if points else {}
    others = set(complaints) | set(flags)
    ids = set(callbacks) | (others if only is None else {only} & others)
    out = []
    for sid in sorted(ids, key=str):
        c = Counts(
            **callbacks.get(sid, {}),
            complaints=complaints.get(sid, 0),
            sla_breaches=breaches.get(sid, 0),
        )
        card = Scorecard(
            c,
            policy.outcome_weights,
            flags=flags.get(sid, {}) if points else None,
            flag_weights=policy.flag_weights if points else {},
        )
        out.append(Card(sid, card))
    return out


async def graded_cards(
    uow: UnitOfWork, month: str, *, policy: FeedbackPolicy, only: uuid.UUID | None = None
) -> list[Card]:
    """Each point's card with its grade; a point no callback reached keeps its previous grade
    (or the starting grade), marked ungraded. Weights and thresholds are those approved for
    the month's close."""
    policy = await as_of_close(uow, month, policy)
    found = await _cards(uow, month, policy=policy, only=only)
    previous = await GradingRepository(uow.session).previous_grades(
        month, [c.subject_id for c in found if c.card.ungraded]
    )
    return [
        Card(
            c.subject_id,
            c.card,
            grade_or_keep(
                c.card,
                policy.thresholds,
                previous=previous.get(c.subject_id),
                starting=policy.starting_grade,
            ).grade,
        )
        for c in found
    ]


@dataclass(frozen=True)
class GradingRun:
    month: str
    published: list[dict[str, Any]]
    unchanged: int
    rewarded: int = 0

    @property
    def message(self) -> str:
        if not self.published:
            return f"Nothing changed since the last grading of {self.month}; nothing was published."
        return f"Published {len(self.published)} grade(s); {self.unchanged} unchanged."


# Figures a card gained after months were graded (issue 31), with the value that says nothing:
# left out of the fingerprint while they say nothing, so a month graded before is not published
# again only because its card has more fields now.
LATER_FIGURES: dict[str, Any] = {"no_visits_confirmed": 0, "flags": {}, "flag_penalty": None}


def _fingerprint(card: dict[str, Any]) -> str:
    kept = {k: v for k, v in card.items() if k not in LATER_FIGURES or v != LATER_FIGURES[k]}
    return hashlib.sha256(orjson.dumps(kept, option=orjson.OPT_SORT_KEYS)).hexdigest()


async def run_grading(uow: UnitOfWork, month: str, *, policy: FeedbackPolicy) -> GradingRun:
    """Grade every point with jobs in the month and publish ``feedback.point.graded.v1`` — only
    for points whose scorecard or grade changed since the last run of that month (a point no
    callback reached keeps its grade, ``ungraded``). A complaint substantiated meanwhile waits
    for the run, and then counts in a later month. The month's staff rewards are decided too
    (``feedback.staff.rewarded.v1``, once per staff member and month)."""
    now = uow.now()
    if month >= month_of(now, policy):
        raise Unprocessable(f"{month} is not over yet; grade a month after its last day.")
    repo = GradingRepository(uow.session)
    await repo.lock_for_grading(month)
    existing = await repo.of_month(month)
    published, unchanged = [], 0
    for card in await graded_cards(uow, month, policy=policy):
        doc = card.as_dict("point_id")
        fingerprint = _fingerprint(doc)
        before = existing.get(card.subject_id)
        if before is not None and before.fingerprint == fingerprint:
            unchanged += 1
            continue
        if before is None:
            row = GradingRow(
                month=month,
                point_id=card.subject_id,
                grade=card.grade or "D",
                scorecard=doc,
                fingerprint=fingerprint,
                runs=1,
                graded_at=now,
            )
            repo.add(row)
        else:
            before.grade, before.scorecard, before.fingerprint = card.grade or "D", doc, fingerprint
            before.runs += 1
            before.graded_at = now
            row = before
        row.ungraded = card.card.ungraded
        rates = card.card.rates()
        uow.publish(
            feedback.PointGraded(
                point_id=card.subject_id,
                month=month,
                grade=row.grade,  # type: ignore[arg-type]
                satisfaction_rate=rates["satisfaction_rate"],
                first_visit_fix_rate=rates["first_visit_fix_rate"],
                complaints_per_100_jobs=rates["complaints_per_100_jobs"],
                sla_compliance=rates["sla_compliance"],
                graded_at=now,
                outcomes=card.card.counts.outcomes,
                ungraded=card.card.ungraded,
            ),
            aggregate_id=card.subject_id,
            aggregate_version=row.runs,
        )
        published.append(doc)
    # The month's rewards, beside the penalties: decided once per staff member.
    rewarded = await decide_rewards(uow, month, policy=policy)
    # Billing closes a month only once it has been graded: say this run is over.
    uow.publish(
        feedback.GradingCompleted(
            month=month,
            points_graded=len(published),
            points_unchanged=unchanged,
            completed_at=now,
        ),
        aggregate_id=uuid.uuid5(GRADING_RUNS, month),
        aggregate_version=int(now.timestamp() * 1000),  # runs of a month, in the order made
    )
    await uow.session.flush()
    return GradingRun(month, published, unchanged, rewarded)


GRADING_RUNS = uuid.UUID("6f1d3c0e-2b7a-4c59-9a55-0c1f4d6f7a10")
