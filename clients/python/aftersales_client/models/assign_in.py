from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assign_in_reason_code_type_0 import AssignInReasonCodeType0
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
        reason_code (AssignInReasonCodeType0 | None | Unset): why a visit moves (a reschedule): the customer is told the
            code's wording
        reason (None | str | Unset): the point's own note on a reschedule: kept inside, never sent to the customer (a
            reschedule with a note and no reason_code is 'other')
    """

    technician_id: UUID
    appointment: WindowIn
    reason_code: AssignInReasonCodeType0 | None | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        technician_id = str(self.technician_id)

        appointment = self.appointment.to_dict()

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        elif isinstance(self.reason_code, AssignInReasonCodeType0):
            reason_code = self.reason_code.value
        else:
            reason_code = self.reason_code

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
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.window_in import WindowIn

        d = dict(src_dict)
        technician_id = UUID(d.pop("technician_id"))

        appointment = WindowIn.from_dict(d.pop("appointment"))

        def _parse_reason_code(data: object) -> AssignInReasonCodeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_code_type_0 = AssignInReasonCodeType0(data)

                return reason_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssignInReasonCodeType0 | None | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

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
            reason_code=reason_code,
            reason=reason,
        )

        return assign_in
