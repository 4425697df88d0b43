from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_out_action import ReviewOutAction
from ..models.review_out_status import ReviewOutStatus
from ..models.review_out_subject import ReviewOutSubject

if TYPE_CHECKING:
    from ..models.review_out_correction_type_0 import ReviewOutCorrectionType0
    from ..models.review_out_details import ReviewOutDetails


T = TypeVar("T", bound="ReviewOut")


@_attrs_define
class ReviewOut:
    """
    Attributes:
        id (UUID):
        rule (str):
        action (ReviewOutAction): hold: the charge is not invoiced nor settled until cleared; mark: shown only
        subject (ReviewOutSubject):
        charge_id (None | UUID):
        payment_id (None | UUID):
        job_id (None | UUID):
        ticket_id (None | UUID):
        point_id (None | UUID):
        figure (float | None): the job's (or payment's) figure the rule weighed
        norm (float | None): the norm or limit it was compared with
        reason (str):
        details (ReviewOutDetails):
        status (ReviewOutStatus):
        flagged_at (datetime.datetime):
        cleared_by (None | str):
        cleared_at (datetime.datetime | None):
        note (None | str):
        correction (None | ReviewOutCorrectionType0): an adjustment: the credit note, supplementary charge and point
            deduction
    """

    id: UUID
    rule: str
    action: ReviewOutAction
    subject: ReviewOutSubject
    charge_id: None | UUID
    payment_id: None | UUID
    job_id: None | UUID
    ticket_id: None | UUID
    point_id: None | UUID
    figure: float | None
    norm: float | None
    reason: str
    details: ReviewOutDetails
    status: ReviewOutStatus
    flagged_at: datetime.datetime
    cleared_by: None | str
    cleared_at: datetime.datetime | None
    note: None | str
    correction: None | ReviewOutCorrectionType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.review_out_correction_type_0 import ReviewOutCorrectionType0

        id = str(self.id)

        rule = self.rule

        action = self.action.value

        subject = self.subject.value

        charge_id: None | str
        if isinstance(self.charge_id, UUID):
            charge_id = str(self.charge_id)
        else:
            charge_id = self.charge_id

        payment_id: None | str
        if isinstance(self.payment_id, UUID):
            payment_id = str(self.payment_id)
        else:
            payment_id = self.payment_id

        job_id: None | str
        if isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        ticket_id: None | str
        if isinstance(self.ticket_id, UUID):
            ticket_id = str(self.ticket_id)
        else:
            ticket_id = self.ticket_id

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        figure: float | None
        figure = self.figure

        norm: float | None
        norm = self.norm

        reason = self.reason

        details = self.details.to_dict()

        status = self.status.value

        flagged_at = self.flagged_at.isoformat()

        cleared_by: None | str
        cleared_by = self.cleared_by

        cleared_at: None | str
        if isinstance(self.cleared_at, datetime.datetime):
            cleared_at = self.cleared_at.isoformat()
        else:
            cleared_at = self.cleared_at

        note: None | str
        note = self.note

        correction: dict[str, Any] | None
        if isinstance(self.correction, ReviewOutCorrectionType0):
            correction = self.correction.to_dict()
        else:
            correction = self.correction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rule": rule,
                "action": action,
                "subject": subject,
                "charge_id": charge_id,
                "payment_id": payment_id,
                "job_id": job_id,
                "ticket_id": ticket_id,
                "point_id": point_id,
                "figure": figure,
                "norm": norm,
                "reason": reason,
                "details": details,
                "status": status,
                "flagged_at": flagged_at,
                "cleared_by": cleared_by,
                "cleared_at": cleared_at,
                "note": note,
                "correction": correction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.review_out_correction_type_0 import ReviewOutCorrectionType0
        from ..models.review_out_details import ReviewOutDetails

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        rule = d.pop("rule")

        action = ReviewOutAction(d.pop("action"))

        subject = ReviewOutSubject(d.pop("subject"))

        def _parse_charge_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                charge_id_type_0 = UUID(data)

                return charge_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        charge_id = _parse_charge_id(d.pop("charge_id"))

        def _parse_payment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_id_type_0 = UUID(data)

                return payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        payment_id = _parse_payment_id(d.pop("payment_id"))

        def _parse_job_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_id_type_0 = UUID(data)

                return job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        job_id = _parse_job_id(d.pop("job_id"))

        def _parse_ticket_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ticket_id_type_0 = UUID(data)

                return ticket_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        ticket_id = _parse_ticket_id(d.pop("ticket_id"))

        def _parse_point_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        point_id = _parse_point_id(d.pop("point_id"))

        def _parse_figure(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        figure = _parse_figure(d.pop("figure"))

        def _parse_norm(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        norm = _parse_norm(d.pop("norm"))

        reason = d.pop("reason")

        details = ReviewOutDetails.from_dict(d.pop("details"))

        status = ReviewOutStatus(d.pop("status"))

        flagged_at = datetime.datetime.fromisoformat(d.pop("flagged_at"))

        def _parse_cleared_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cleared_by = _parse_cleared_by(d.pop("cleared_by"))

        def _parse_cleared_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_at_type_0 = datetime.datetime.fromisoformat(data)

                return cleared_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cleared_at = _parse_cleared_at(d.pop("cleared_at"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_correction(data: object) -> None | ReviewOutCorrectionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                correction_type_0 = ReviewOutCorrectionType0.from_dict(data)

                return correction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewOutCorrectionType0, data)

        correction = _parse_correction(d.pop("correction"))

        review_out = cls(
            id=id,
            rule=rule,
            action=action,
            subject=subject,
            charge_id=charge_id,
            payment_id=payment_id,
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=point_id,
            figure=figure,
            norm=norm,
            reason=reason,
            details=details,
            status=status,
            flagged_at=flagged_at,
            cleared_by=cleared_by,
            cleared_at=cleared_at,
            note=note,
            correction=correction,
        )

        review_out.additional_properties = d
        return review_out

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
