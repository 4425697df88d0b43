"""What the customers are told: the templates (admin), each customer's consent, the record."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import expected_version
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import CustomerRepository, TicketRepository
from intake.api.scope import Staff, tenant_of
from intake.notifications.api.schemas import (
    NOTIFICATION_KINDS,
    NotificationOut,
    PreferencesIn,
    PreferencesOut,
    TemplateIn,
    TemplateOut,
)
from intake.notifications.domain.templates import PLACEHOLDERS, Template
from intake.notifications.use_cases import records as use_cases

router = APIRouter(tags=["notifications"])
Admin = require_roles("admin")
Centre = require_roles("admin", "agent")


def _template_out(t: dict[str, object]) -> TemplateOut:
    return TemplateOut.model_validate({**t, "placeholders": list(PLACEHOLDERS[str(t["kind"])])})


@router.get("/v1/notification-templates", response_model=list[TemplateOut])
async def list_templates(db: DatabaseDep, principal: Principal = Centre) -> list[TemplateOut]:
    """Every kind of customer message in every locale, as it is sent now, with the
    placeholders each may use. Version 0 is the built-in wording."""
    async with db.uow() as uow:
        return [_template_out(t) for t in await use_cases.list_templates(uow)]


@router.put("/v1/notification-templates/{kind}/{locale}", response_model=TemplateOut)
async def put_template(
    kind: NOTIFICATION_KINDS,
    locale: Literal["zh-CN", "en"],
    body: TemplateIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Admin,
) -> Response:
    """A new version of one wording (optional `If-Match`). A placeholder the kind does not
    have is a 422 that names it; messages already queued keep the words they were made with."""
    expected = expected_version(request, required=False)

    async def command(uow: UnitOfWork) -> TemplateOut:
        saved = await use_cases.put_template(
            uow,
            kind,
            locale,
            Template(body.subject, body.body),
            actor=principal.actor,
            expected_version=expected,
        )
        return _template_out(saved)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        body=body,
        status_code=200,
        audit=Audit("notification_template", "updated", extra={"kind": kind, "locale": locale}),
    )


def _preferences_out(row: object) -> PreferencesOut:
    return PreferencesOut.model_validate(row, from_attributes=True)


@router.get("/v1/customers/{customer_id}/notification-preferences", response_model=PreferencesOut)
async def get_preferences(
    customer_id: uuid.UUID, db: DatabaseDep, principal: Principal = Staff
) -> PreferencesOut:
    """The customer's consent per channel and language (e-mail and SMS on, `zh-CN`, until set)."""
    async with db.uow() as uow:
        await CustomerRepository(uow.session).get(customer_id, tenant=tenant_of(principal))
        return _preferences_out(await use_cases.preferences_of(uow, customer_id))


@router.put("/v1/customers/{customer_id}/notification-preferences", response_model=PreferencesOut)
async def put_preferences(
    customer_id: uuid.UUID,
    body: PreferencesIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """The customer's consent per channel (an opted-out channel gets nothing) and language."""

    async def command(uow: UnitOfWork) -> PreferencesOut:
        await CustomerRepository(uow.session).get(customer_id, tenant=tenant_of(principal))
        row = await use_cases.put_preferences(
            uow, customer_id, email=body.email, sms=body.sms, locale=body.locale
        )
        return _preferences_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        body=body,
        status_code=200,
        audit=Audit("customer", "notification preferences set"),
    )


@router.get("/v1/notifications", response_model=list[NotificationOut])
async def list_notifications(
    db: DatabaseDep,
    ticket_id: uuid.UUID = Query(description="the ticket whose messages to show"),
    principal: Principal = Staff,
) -> list[NotificationOut]:
    """Every message about the ticket, per channel, with its delivery status: pending (and
    `held_until` while it waits out the quiet hours), sent, failed after its retries, or
    skipped with the reason (opted out, no address, channel not configured)."""
    async with db.uow() as uow:
        await TicketRepository(uow.session).get(ticket_id, tenant=tenant_of(principal))
        rows = await use_cases.of_ticket(uow, ticket_id)
    return [NotificationOut.model_validate(r, from_attributes=True) for r in rows]
