from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_changes import AuditEntryChanges


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """
    Attributes:
        id (UUID):
        at (datetime.datetime):
        actor (str):
        role (str):
        scope (None | str):
        request_id (None | str):
        action (str):
        object_type (str):
        object_id (str):
        changes (AuditEntryChanges):
    """

    id: UUID
    at: datetime.datetime
    actor: str
    role: str
    scope: None | str
    request_id: None | str
    action: str
    object_type: str
    object_id: str
    changes: AuditEntryChanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        at = self.at.isoformat()

        actor = self.actor

        role = self.role

        scope: None | str
        scope = self.scope

        request_id: None | str
        request_id = self.request_id

        action = self.action

        object_type = self.object_type

        object_id = self.object_id

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "role": role,
                "scope": scope,
                "request_id": request_id,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_entry_changes import AuditEntryChanges

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        role = d.pop("role")

        def _parse_scope(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope = _parse_scope(d.pop("scope"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        action = d.pop("action")

        object_type = d.pop("object_type")

        object_id = d.pop("object_id")

        changes = AuditEntryChanges.from_dict(d.pop("changes"))

        audit_entry = cls(
            id=id,
            at=at,
            actor=actor,
            role=role,
            scope=scope,
            request_id=request_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            changes=changes,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
