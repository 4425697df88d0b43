from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.window_in import WindowIn


T = TypeVar("T", bound="AssignIn")


@_attrs_define
class AssignIn:
    """
    Attributes:
        technician_id (UUID):
        appointment (WindowIn):
        reason (None | str | Unset): required when rescheduling
    """

    technician_id: UUID
    appointment: WindowIn
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        technician_id = str(self.technician_id)

        appointment = self.appointment.to_dict()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "technician_id": technician_id,
                "appointment": appointment,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.window_in import WindowIn

        d = dict(src_dict)
        technician_id = UUID(d.pop("technician_id"))

        appointment = WindowIn.from_dict(d.pop("appointment"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        assign_in = cls(
            technician_id=technician_id,
            appointment=appointment,
            reason=reason,
        )

        return assign_in
