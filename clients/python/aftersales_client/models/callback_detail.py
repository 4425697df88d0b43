from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_detail_outcome_type_0 import CallbackDetailOutcomeType0
from ..models.callback_detail_reason import CallbackDetailReason
from ..models.callback_detail_status import CallbackDetailStatus
from ..models.callback_detail_visit_confirmed import CallbackDetailVisitConfirmed
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attempt_out import AttemptOut
    from ..models.callback_detail_contact_type_0 import CallbackDetailContactType0


T = TypeVar("T", bound="CallbackDetail")


@_attrs_define
class CallbackDetail:
    """
    Attributes:
        id (UUID):
        job_id (None | UUID): null: a callback with no visit behind it
        reason (CallbackDetailReason): job; resolved_remotely (solved on the phone); complaint_resolved (the
            satisfaction call after a complaint's resolution: any outcome but satisfied reopens it); refunded, replaced
            (recorded, reopening nothing)
        complaint_id (None | UUID): the complaint a satisfaction call follows
        ticket_id (UUID):
        point_id (None | UUID):
        technician_id (None | UUID):
        visit_number (int):
        completed_at (datetime.datetime):
        due_at (datetime.datetime):
        overdue (bool):
        status (CallbackDetailStatus):
        attempts (int):
        reached (bool | None):
        outcome (CallbackDetailOutcomeType0 | None):
        score (int | None):
        comment (None | str):
        recorded_at (datetime.datetime | None):
        contact (CallbackDetailContactType0 | None): whom to call, when intake told us
        version (int):
        updated_at (datetime.datetime):
        attempt_log (list[AttemptOut]):
        visit_confirmed (CallbackDetailVisitConfirmed | Unset): whether the customer confirmed that someone came: yes,
            no (a job's callback only: opens a quality complaint against the point and counts on its scorecard; billing
            holds the job's charge), not_asked (the default; not on an audit job's reached callback, nor anything else on an
            attempt that did not reach the customer) Default: CallbackDetailVisitConfirmed.NOT_ASKED.
        audit (bool | Unset): drawn for the audit sample: the callback must ask whether someone came, and the queue
            lists it first while it is due Default: False.
    """

    id: UUID
    job_id: None | UUID
    reason: CallbackDetailReason
    complaint_id: None | UUID
    ticket_id: UUID
    point_id: None | UUID
    technician_id: None | UUID
    visit_number: int
    completed_at: datetime.datetime
    due_at: datetime.datetime
    overdue: bool
    status: CallbackDetailStatus
    attempts: int
    reached: bool | None
    outcome: CallbackDetailOutcomeType0 | None
    score: int | None
    comment: None | str
    recorded_at: datetime.datetime | None
    contact: CallbackDetailContactType0 | None
    version: int
    updated_at: datetime.datetime
    attempt_log: list[AttemptOut]
    visit_confirmed: CallbackDetailVisitConfirmed | Unset = (
        CallbackDetailVisitConfirmed.NOT_ASKED
    )
    audit: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.callback_detail_contact_type_0 import CallbackDetailContactType0

        id = str(self.id)

        job_id: None | str
        if isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        reason = self.reason.value

        complaint_id: None | str
        if isinstance(self.complaint_id, UUID):
            complaint_id = str(self.complaint_id)
        else:
            complaint_id = self.complaint_id

        ticket_id = str(self.ticket_id)

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        technician_id: None | str
        if isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        visit_number = self.visit_number

        completed_at = self.completed_at.isoformat()

        due_at = self.due_at.isoformat()

        overdue = self.overdue

        status = self.status.value

        attempts = self.attempts

        reached: bool | None
        reached = self.reached

        outcome: None | str
        if isinstance(self.outcome, CallbackDetailOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        score: int | None
        score = self.score

        comment: None | str
        comment = self.comment

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        contact: dict[str, Any] | None
        if isinstance(self.contact, CallbackDetailContactType0):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        version = self.version

        updated_at = self.updated_at.isoformat()

        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)

        visit_confirmed: str | Unset = UNSET
        if not isinstance(self.visit_confirmed, Unset):
            visit_confirmed = self.visit_confirmed.value

        audit = self.audit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "job_id": job_id,
                "reason": reason,
                "complaint_id": complaint_id,
                "ticket_id": ticket_id,
                "point_id": point_id,
                "technician_id": technician_id,
                "visit_number": visit_number,
                "completed_at": completed_at,
                "due_at": due_at,
                "overdue": overdue,
                "status": status,
                "attempts": attempts,
                "reached": reached,
                "outcome": outcome,
                "score": score,
                "comment": comment,
                "recorded_at": recorded_at,
                "contact": contact,
                "version": version,
                "updated_at": updated_at,
                "attempt_log": attempt_log,
            }
        )
        if visit_confirmed is not UNSET:
            field_dict["visit_confirmed"] = visit_confirmed
        if audit is not UNSET:
            field_dict["audit"] = audit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attempt_out import AttemptOut
        from ..models.callback_detail_contact_type_0 import CallbackDetailContactType0

        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        reason = CallbackDetailReason(d.pop("reason"))

        def _parse_complaint_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complaint_id_type_0 = UUID(data)

                return complaint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id"))

        ticket_id = UUID(d.pop("ticket_id"))

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

        def _parse_technician_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                technician_id_type_0 = UUID(data)

                return technician_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        technician_id = _parse_technician_id(d.pop("technician_id"))

        visit_number = d.pop("visit_number")

        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        overdue = d.pop("overdue")

        status = CallbackDetailStatus(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_reached(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        reached = _parse_reached(d.pop("reached"))

        def _parse_outcome(data: object) -> CallbackDetailOutcomeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = CallbackDetailOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallbackDetailOutcomeType0 | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)

                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))

        def _parse_contact(data: object) -> CallbackDetailContactType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = CallbackDetailContactType0.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallbackDetailContactType0 | None, data)

        contact = _parse_contact(d.pop("contact"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in _attempt_log:
            attempt_log_item = AttemptOut.from_dict(attempt_log_item_data)

            attempt_log.append(attempt_log_item)

        _visit_confirmed = d.pop("visit_confirmed", UNSET)
        visit_confirmed: CallbackDetailVisitConfirmed | Unset
        if isinstance(_visit_confirmed, Unset):
            visit_confirmed = UNSET
        else:
            visit_confirmed = CallbackDetailVisitConfirmed(_visit_confirmed)

        audit = d.pop("audit", UNSET)

        callback_detail = cls(
            id=id,
            job_id=job_id,
            reason=reason,
            complaint_id=complaint_id,
            ticket_id=ticket_id,
            point_id=point_id,
            technician_id=technician_id,
            visit_number=visit_number,
            completed_at=completed_at,
            due_at=due_at,
            overdue=overdue,
            status=status,
            attempts=attempts,
            reached=reached,
            outcome=outcome,
            score=score,
            comment=comment,
            recorded_at=recorded_at,
            contact=contact,
            version=version,
            updated_at=updated_at,
            attempt_log=attempt_log,
            visit_confirmed=visit_confirmed,
            audit=audit,
        )

        callback_detail.additional_properties = d
        return callback_detail

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
