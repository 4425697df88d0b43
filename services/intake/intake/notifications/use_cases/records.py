"""The templates (the wording of each kind of message, per locale), each customer's consent
and language, and the record of the messages made."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update

from aftersales.http.etag import check_version
from aftersales.logging import get_logger
from aftersales.privacy import columns
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import (
    NotificationPreferenceRow,
    NotificationRow,
    NotificationTemplateRow,
)
from intake.notifications.domain.templates import (
    DEFAULTS,
    KINDS,
    LOCALES,
    Template,
    check_template,
)

log = get_logger(__name__)


async def template_of(uow: UnitOfWork, kind: str, locale: str) -> tuple[Template, int]:
    row = await uow.session.get(NotificationTemplateRow, (kind, locale))
    if row is None:
        return DEFAULTS[(kind, locale)], 0
    return Template(row.subject, row.body), row.version


async def preferences_of(uow: UnitOfWork, customer_id: uuid.UUID) -> NotificationPreferenceRow:
    row = await uow.session.get(NotificationPreferenceRow, customer_id)
    return row or NotificationPreferenceRow(
        customer_id=customer_id, email=True, sms=True, locale="zh-CN", version=0
    )


async def list_templates(uow: UnitOfWork) -> list[dict[str, Any]]:
    out = []
    for kind in KINDS:
        for locale in LOCALES:
            template, version = await template_of(uow, kind, locale)
            out.append(
                {
                    "kind": kind,
                    "locale": locale,
                    "subject": template.subject,
                    "body": template.body,
                    "version": version,
                }
            )
    return out


async def put_template(
    uow: UnitOfWork,
    kind: str,
    locale: str,
    template: Template,
    *,
    actor: str,
    expected_version: int | None,
) -> dict[str, Any]:
    check_template(kind, template)
    row = await uow.session.get(NotificationTemplateRow, (kind, locale), with_for_update=True)
    current = row.version if row is not None else 0
    if expected_version is not None:
        check_version(expected_version, current)
    now = uow.now()
    if row is None:
        row = NotificationTemplateRow(kind=kind, locale=locale, version=0)
        uow.session.add(row)
    row.subject, row.body = template.subject, template.body
    row.version = current + 1
    row.updated_by, row.updated_at = actor, now
    await uow.session.flush()
    return {
        "kind": kind,
        "locale": locale,
        "subject": row.subject,
        "body": row.body,
        "version": row.version,
    }


async def put_preferences(
    uow: UnitOfWork, customer_id: uuid.UUID, *, email: bool, sms: bool, locale: str
) -> NotificationPreferenceRow:
    row = await uow.session.get(NotificationPreferenceRow, customer_id, with_for_update=True)
    now = uow.now()
    if row is None:
        row = NotificationPreferenceRow(customer_id=customer_id, version=0)
        uow.session.add(row)
    row.email, row.sms, row.locale = email, sms, locale
    row.version += 1
    row.updated_at = now
    await uow.session.flush()
    return row


async def of_ticket(uow: UnitOfWork, ticket_id: uuid.UUID) -> list[NotificationRow]:
    rows = await uow.session.scalars(
        select(NotificationRow)
        .where(NotificationRow.ticket_id == ticket_id)
        .order_by(NotificationRow.created_at, NotificationRow.channel)
    )
    return list(rows)


async def erase(uow: UnitOfWork, customer_id: uuid.UUID) -> None:
    """An erased customer's messages keep their record, not their words or address."""
    await uow.session.execute(
        update(NotificationRow)
        .where(NotificationRow.customer_id == customer_id)
        .values(recipient=None, subject="", body="", facts={})
    )


async def export(uow: UnitOfWork, customer_id: uuid.UUID) -> dict[str, Any]:
    """The customer's consent and every message made for them, as plain JSON-ready data."""
    messages = (
        await uow.session.scalars(
            select(NotificationRow).where(NotificationRow.customer_id == customer_id)
        )
    ).all()
    preferences = await uow.session.get(NotificationPreferenceRow, customer_id)
    return {
        "notification_preferences": columns(preferences) if preferences else None,
        "notifications": [columns(n) for n in messages],
    }
