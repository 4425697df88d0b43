from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit, Loader
from aftersales.auth import Principal
from aftersales.database import Database
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Since, SyncPage, sync_or_page
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeFilter, ChargeRepository
from billing.adapters.repositories.documents import DocumentRepository
from billing.adapters.tables.charges import ChargeRow
from billing.api.before import before_of
from billing.api.deps import PolicyDep
from billing.api.presenters import charge_out, credit_note_out, invoice_out
from billing.api.schemas.charges import (
    ChargeOut,
    CorrectionOut,
    CreditNoteIn,
    CreditNoteOut,
    PaymentIn,
    ReasonIn,
    ReleaseIn,
)
from billing.api.schemas.invoices import InvoiceOut
from billing.api.scope import ChargeReaders, Collectors, Finance, actor_of, scope_of
from billing.use_cases import corrections, invoices, parts_orders, payments, releases

router = APIRouter(prefix="/v1/charges", tags=["charges"])


async def present(uow: UnitOfWork, row: ChargeRow) -> ChargeOut:
    repo = ChargeRepository(uow.session)
    return charge_out(row, await repo.lines(row.id), await repo.payments(row.id))


@router.get("", response_model=SyncPage[ChargeOut])
async def list_charges(
    db: DatabaseDep,
    ticket_id: uuid.UUID | None = None,
    job_id: uuid.UUID | None = None,
    point_id: uuid.UUID | None = None,
    service_class: str | None = Query(default=None, pattern="^[ABCD]$"),
    status: str | None = Query(default=None, pattern="^(open|paid|nothing_due|credit_due)$"),
    month: str | None = Query(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    needs_review: bool | None = None,
    updated_since: datetime | None = Query(
        default=None, description="updated at or after; for a sync, `since` never skips a charge"
    ),
    since: Since = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = ChargeReaders,
) -> SyncPage[ChargeOut]:
    """Charges, filtered by ticket, job, class or point; paged with `cursor`. To follow changes,
    sync with `since` (empty at first, then each answer's `next_since`): charges in commit
    order, none skipped."""
    where = ChargeFilter(
        scope=scope_of(principal),
        ticket_id=ticket_id,
        job_id=job_id,
        point_id=point_id,
        service_class=service_class,
        status=status,
        month=month,
        needs_review=needs_review,
        updated_since=updated_since,
    )
    next_cursor: str | None = None
    next_since: str | None = None
    async with db.uow() as uow:
        repo = ChargeRepository(uow.session)
        if sync_or_page(since, cursor):
            rows, next_since = await repo.sync(where, since=since or "", limit=limit)
        else:
            rows, next_cursor = await repo.page(where, cursor=cursor, limit=limit)
        lines = await repo.lines_of([r.id for r in rows])
        items = [charge_out(r, lines[r.id], await repo.payments(r.id)) for r in rows]
    return SyncPage[ChargeOut](items=items, next_cursor=next_cursor, next_since=next_since)


@router.get("/{charge_id}", response_model=ChargeOut)
async def get_charge(
    charge_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = ChargeReaders
) -> ChargeOut:
    """One charge: class and its reason, lines, what the customer pays and the company bears,
    payments."""
    async with db.uow() as uow:
        row = await ChargeRepository(uow.session).get(charge_id, scope=scope_of(principal))
        out = await present(uow, row)
    response.headers["ETag"] = etag_of(row.version)
    return out


@router.post("/{charge_id}/payments", status_code=201, response_model=ChargeOut)
async def record_payment(
    charge_id: uuid.UUID,
    body: PaymentIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Collectors,
) -> Response:
    """On-site collection (or a later transfer); partial payments are fine, overpayment is not.
    Anything but cash names the provider's `reference` (422 without it; a reference recorded
    already is a 409). The charge is paid as soon as the customer has paid; a card, transfer or
    wallet payment a technician records stays unreconciled until finance matches it to the
    provider's statement (`POST /v1/payments/reconcile`)."""
    cmd = payments.Payment(
        method=body.method,
        amount=body.amount.amount,
        currency=body.amount.currency,
        reference=body.reference,
    )

    async def command(uow: UnitOfWork) -> ChargeOut:
        row = await payments.record_payment(
            uow,
            charge_id,
            cmd,
            scope=scope_of(principal),
            actor=actor_of(principal),
            on_site=principal.role == "technician",
        )
        await parts_orders.after_payment(uow, row, policy=policy)
        return await present(uow, row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("charge", "payment recorded"),
    )


@router.post("/{charge_id}/invoice", status_code=201, response_model=InvoiceOut)
async def invoice_charge(
    charge_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """An invoice with the next number of the year; a charge is invoiced once."""

    async def command(uow: UnitOfWork) -> InvoiceOut:
        row = await invoices.invoice_charge(
            uow, charge_id, actor=actor_of(principal), policy=policy
        )
        return invoice_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        headers_for=lambda i: {"Location": f"/v1/invoices/{i.id}"},  # type: ignore[attr-defined]
        audit=Audit("invoice", "issued"),
    )


@router.post("/{charge_id}/credit-notes", status_code=201, response_model=CreditNoteOut)
async def issue_credit_note(
    charge_id: uuid.UUID,
    body: CreditNoteIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """A correction: issued charges and invoices never change; a credit note lowers what the
    customer owes and names the invoice it corrects."""

    async def command(uow: UnitOfWork) -> CreditNoteOut:
        row = await invoices.issue_credit_note(
            uow,
            charge_id,
            amount=body.amount.amount,
            currency=body.amount.currency,
            reason=body.reason,
            actor=actor_of(principal),
            policy=policy,
        )
        return credit_note_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("credit_note", "issued"),
    )


@router.post("/{charge_id}/release", response_model=ChargeOut)
async def release_charge(
    charge_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    body: ReleaseIn | None = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Let a held charge go on to be invoiced and settled. An implausible report is released
    as it is (correct its amount afterwards with a credit note if the report was wrong). A late
    report, held with both figures, is released on the `basis` finance chooses: `reported`
    keeps the charge, `received` replaces it with what the times the reports reached dispatch
    give (announced as `billing.charge.corrected.v1`)."""
    release = body or ReleaseIn()

    async def command(uow: UnitOfWork) -> ChargeOut:
        row = await releases.release_charge(
            uow,
            charge_id,
            actor=actor_of(principal),
            policy=policy,
            basis=release.basis,
            note=release.note,
        )
        return await present(uow, row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=release,
        status_code=200,
        audit=Audit(
            "charge",
            "released",
            before=_charge_now(charge_id),
            extra={"basis": release.basis} if release.basis else {},
        ),
    )


@router.post("/{charge_id}/exclusion/overturn", response_model=CorrectionOut)
async def overturn_exclusion(
    charge_id: uuid.UUID,
    body: ReasonIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Finance does not accept the technician's warranty exclusion: the charge goes back to the
    class it would have had, and a credit note gives the customer back the difference."""

    async def correct(uow: UnitOfWork) -> CorrectionOut:
        row, note = await corrections.overturn_exclusion(
            uow, charge_id, reason=body.reason, actor=actor_of(principal), policy=policy
        )
        return CorrectionOut(
            charge=await present(uow, row), credit_note=credit_note_out(note) if note else None
        )

    return await _correction(
        request, db, principal, idempotency_key, body, charge_id, "exclusion overturned", correct
    )


@router.post("/{charge_id}/late-compensation/waive", response_model=CorrectionOut)
async def waive_late_compensation(
    charge_id: uuid.UUID,
    body: ReasonIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """Finance accepts that a late arrival was the customer's doing or force majeure: the
    customer owes the compensation back (a supplementary charge) and the point is not
    deducted for it."""

    async def correct(uow: UnitOfWork) -> CorrectionOut:
        row, extra = await corrections.waive_late_compensation(
            uow, charge_id, reason=body.reason, actor=actor_of(principal), policy=policy
        )
        return CorrectionOut(
            charge=await present(uow, row), supplementary_charge=await present(uow, extra)
        )

    return await _correction(
        request,
        db,
        principal,
        idempotency_key,
        body,
        charge_id,
        "late compensation waived",
        correct,
    )


async def _correction(
    request: Request,
    db: Database,
    principal: Principal,
    key: str | None,
    body: ReasonIn,
    charge_id: uuid.UUID,
    action: str,
    command: Callable[[UnitOfWork], Awaitable[CorrectionOut]],
) -> Response:
    """A correction of an issued charge: one transaction, replayable by its key, audited with
    the charge as it was."""
    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=key,
        body=body,
        status_code=200,
        audit=Audit("charge", action, before=_charge_now(charge_id), object_id=str(charge_id)),
    )


def _charge_now(charge_id: uuid.UUID) -> Loader:
    return before_of(lambda uow: ChargeRepository(uow.session).get(charge_id), present)


@router.get("/{charge_id}/credit-notes", response_model=list[CreditNoteOut])
async def list_credit_notes(
    charge_id: uuid.UUID, db: DatabaseDep, principal: Principal = ChargeReaders
) -> list[CreditNoteOut]:
    """The credit notes issued against the charge."""
    async with db.uow() as uow:
        await ChargeRepository(uow.session).get(charge_id, scope=scope_of(principal))
        rows = await DocumentRepository(uow.session).credit_notes(charge_id)
    return [credit_note_out(r) for r in rows]
