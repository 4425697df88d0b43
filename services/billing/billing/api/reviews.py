"""The review queue: claims (and money the field holds) flagged by the rules, with their
reasons; finance clears a flag, or clears it with an adjustment."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit, Loader
from aftersales.auth import Principal, confined_point, require_roles
from aftersales.errors import Unprocessable
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.reviews import ReviewRepository
from billing.adapters.tables.reviews import ReviewRow
from billing.api.before import before_of
from billing.api.deps import PolicyDep
from billing.api.schemas.reviews import AdjustIn, ClearIn, ReviewOut, ReviewStatus, Rule, money_of
from billing.api.scope import Finance, actor_of
from billing.use_cases import review_decisions

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])

# A point reads its own flags (why, by which norm) to answer them; finance decides.
ReviewReaders = require_roles("admin", "finance", "point")


def review_out(row: ReviewRow) -> ReviewOut:
    return ReviewOut.model_validate(row, from_attributes=True)


@router.get("", response_model=Page[ReviewOut])
async def list_reviews(
    db: DatabaseDep,
    status: ReviewStatus | None = Query(default=None, description="open, cleared or adjusted"),
    rule: Rule | None = None,
    point_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = ReviewReaders,
) -> Page[ReviewOut]:
    """Flagged charges (and cash or payments the field still holds) with their reasons, oldest
    first. A point sees only its own."""
    point = confined_point(principal, point_id, what="reviews")
    async with db.uow() as uow:
        rows, next_cursor = await ReviewRepository(uow.session).page(
            status=status, rule=rule, point_id=point, cursor=cursor, limit=limit
        )
    return Page[ReviewOut](items=[review_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/{review_id}", response_model=ReviewOut)
async def get_review(
    review_id: uuid.UUID, db: DatabaseDep, principal: Principal = ReviewReaders
) -> ReviewOut:
    """One flag with its rule, figure, norm and reason, and finance's decision on it."""
    async with db.uow() as uow:
        row = await ReviewRepository(uow.session).get(review_id)
    if principal.role == "point":
        confined_point(principal, row.point_id or uuid.UUID(int=0), what="review")
    return review_out(row)


def _review_now(review_id: uuid.UUID) -> Loader:
    return before_of(
        lambda uow: ReviewRepository(uow.session).get(review_id), lambda _, r: review_out(r)
    )


@router.post("/{review_id}/clear", response_model=ReviewOut)
async def clear_review(
    review_id: uuid.UUID,
    body: ClearIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """The claim stands: the flag is cleared. A late report's flag names the `basis` its
    charge stands on. The charge's last hold cleared releases it."""

    async def command(uow: UnitOfWork) -> ReviewOut:
        row = await review_decisions.clear_review(
            uow,
            review_id,
            note=body.note,
            actor=actor_of(principal),
            policy=policy,
            basis=body.basis,
        )
        return review_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        status_code=200,
        audit=Audit("review", "cleared", before=_review_now(review_id)),
    )


@router.post("/{review_id}/adjust", response_model=ReviewOut)
async def adjust_review(
    review_id: uuid.UUID,
    body: AdjustIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """The claim was wrong: the flag is cleared with a correction, as issued charges never
    change (a credit note, a supplementary charge, a deduction from the point), each in the
    first open month. The charge's last hold cleared releases it."""
    currencies = {m.currency for m in (body.credit, body.supplementary, body.point_deduction) if m}
    if len(currencies) > 1:
        raise Unprocessable("An adjustment's amounts are in one currency.")

    async def command(uow: UnitOfWork) -> ReviewOut:
        row = await review_decisions.adjust_review(
            uow,
            review_id,
            note=body.note,
            adjustment=review_decisions.Adjustment(
                credit=money_of(body.credit),
                supplementary=money_of(body.supplementary),
                point_deduction=money_of(body.point_deduction),
            ),
            actor=actor_of(principal),
            policy=policy,
        )
        return review_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        status_code=200,
        audit=Audit("review", "adjusted", before=_review_now(review_id)),
    )
