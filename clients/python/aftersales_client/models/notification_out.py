from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_out_channel import NotificationOutChannel
from ..models.notification_out_kind import NotificationOutKind
from ..models.notification_out_status import NotificationOutStatus

T = TypeVar("T", bound="NotificationOut")


@_attrs_define
class NotificationOut:
    """
    Attributes:
        id (UUID):
        ticket_id (UUID):
        kind (NotificationOutKind):
        channel (NotificationOutChannel):
        locale (str):
        template_version (int):
        recipient (None | str):
        subject (str):
        body (str):
        urgent (bool):
        status (NotificationOutStatus):
        held_until (datetime.datetime | None): waiting out the quiet hours until then
        attempts (int):
        last_error (None | str):
        created_at (datetime.datetime):
        sent_at (datetime.datetime | None):
    """

    id: UUID
    ticket_id: UUID
    kind: NotificationOutKind
    channel: NotificationOutChannel
    locale: str
    template_version: int
    recipient: None | str
    subject: str
    body: str
    urgent: bool
    status: NotificationOutStatus
    held_until: datetime.datetime | None
    attempts: int
    last_error: None | str
    created_at: datetime.datetime
    sent_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        ticket_id = str(self.ticket_id)

        kind = self.kind.value

        channel = self.channel.value

        locale = self.locale

        template_version = self.template_version

        recipient: None | str
        recipient = self.recipient

        subject = self.subject

        body = self.body

        urgent = self.urgent

        status = self.status.value

        held_until: None | str
        if isinstance(self.held_until, datetime.datetime):
            held_until = self.held_until.isoformat()
        else:
            held_until = self.held_until

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        created_at = self.created_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ticket_id": ticket_id,
                "kind": kind,
                "channel": channel,
                "locale": locale,
                "template_version": template_version,
                "recipient": recipient,
                "subject": subject,
                "body": body,
                "urgent": urgent,
                "status": status,
                "held_until": held_until,
                "attempts": attempts,
                "last_error": last_error,
                "created_at": created_at,
                "sent_at": sent_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        ticket_id = UUID(d.pop("ticket_id"))

        kind = NotificationOutKind(d.pop("kind"))

        channel = NotificationOutChannel(d.pop("channel"))

        locale = d.pop("locale")

        template_version = d.pop("template_version")

        def _parse_recipient(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient = _parse_recipient(d.pop("recipient"))

        subject = d.pop("subject")

        body = d.pop("body")

        urgent = d.pop("urgent")

        status = NotificationOutStatus(d.pop("status"))

        def _parse_held_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_until_type_0 = datetime.datetime.fromisoformat(data)

                return held_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        held_until = _parse_held_until(d.pop("held_until"))

        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        notification_out = cls(
            id=id,
            ticket_id=ticket_id,
            kind=kind,
            channel=channel,
            locale=locale,
            template_version=template_version,
            recipient=recipient,
            subject=subject,
            body=body,
            urgent=urgent,
            status=status,
            held_until=held_until,
            attempts=attempts,
            last_error=last_error,
            created_at=created_at,
            sent_at=sent_at,
        )

        notification_out.additional_properties = d
        return notification_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
