from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.batch_report_in_outcome_type_0 import BatchReportInOutcomeType0
from ..models.batch_report_in_status import BatchReportInStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delay_cause_in import DelayCauseIn
    from ..models.exclusion_in import ExclusionIn
    from ..models.part_in import PartIn
    from ..models.signature_in import SignatureIn


T = TypeVar("T", bound="BatchReportIn")


@_attrs_define
class BatchReportIn:
    """One queued report of a batch: the single report's fields, its job and its key.

    Attributes:
        status (BatchReportInStatus):
        at (datetime.datetime): when it happened (may be earlier than the report)
        job_id (UUID):
        idempotency_key (str): the key the report was (or would have been) sent alone with
        note (None | str | Unset):
        signature (None | SignatureIn | Unset):
        labor_minutes (int | None | Unset):
        parts (list[PartIn] | None | Unset):
        travel_km (int | None | Unset):
        symptom_code (None | str | Unset): GET /v1/fault-codes
        cause_code (None | str | Unset):
        action_code (None | str | Unset):
        outcome (BatchReportInOutcomeType0 | None | Unset): with resolved_on_site or repaired; fixed when left out
        passed (bool | None | Unset): with inspected: false (and a note) sends it back to the bench
        exclusion (ExclusionIn | None | Unset): with resolved_on_site or repaired: the warranty does not cover it
            (billing charges the job as class A with this reason; finance may overturn it)
        delay_cause (DelayCauseIn | None | Unset): with on_site, resolved_on_site or repaired: a late arrival not the
            point's fault (finance may waive the late compensation)
    """

    status: BatchReportInStatus
    at: datetime.datetime
    job_id: UUID
    idempotency_key: str
    note: None | str | Unset = UNSET
    signature: None | SignatureIn | Unset = UNSET
    labor_minutes: int | None | Unset = UNSET
    parts: list[PartIn] | None | Unset = UNSET
    travel_km: int | None | Unset = UNSET
    symptom_code: None | str | Unset = UNSET
    cause_code: None | str | Unset = UNSET
    action_code: None | str | Unset = UNSET
    outcome: BatchReportInOutcomeType0 | None | Unset = UNSET
    passed: bool | None | Unset = UNSET
    exclusion: ExclusionIn | None | Unset = UNSET
    delay_cause: DelayCauseIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.delay_cause_in import DelayCauseIn
        from ..models.exclusion_in import ExclusionIn
        from ..models.signature_in import SignatureIn

        status = self.status.value

        at = self.at.isoformat()

        job_id = str(self.job_id)

        idempotency_key = self.idempotency_key

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        signature: dict[str, Any] | None | Unset
        if isinstance(self.signature, Unset):
            signature = UNSET
        elif isinstance(self.signature, SignatureIn):
            signature = self.signature.to_dict()
        else:
            signature = self.signature

        labor_minutes: int | None | Unset
        if isinstance(self.labor_minutes, Unset):
            labor_minutes = UNSET
        else:
            labor_minutes = self.labor_minutes

        parts: list[dict[str, Any]] | None | Unset
        if isinstance(self.parts, Unset):
            parts = UNSET
        elif isinstance(self.parts, list):
            parts = []
            for parts_type_0_item_data in self.parts:
                parts_type_0_item = parts_type_0_item_data.to_dict()
                parts.append(parts_type_0_item)

        else:
            parts = self.parts

        travel_km: int | None | Unset
        if isinstance(self.travel_km, Unset):
            travel_km = UNSET
        else:
            travel_km = self.travel_km

        symptom_code: None | str | Unset
        if isinstance(self.symptom_code, Unset):
            symptom_code = UNSET
        else:
            symptom_code = self.symptom_code

        cause_code: None | str | Unset
        if isinstance(self.cause_code, Unset):
            cause_code = UNSET
        else:
            cause_code = self.cause_code

        action_code: None | str | Unset
        if isinstance(self.action_code, Unset):
            action_code = UNSET
        else:
            action_code = self.action_code

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, BatchReportInOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        passed: bool | None | Unset
        if isinstance(self.passed, Unset):
            passed = UNSET
        else:
            passed = self.passed

        exclusion: dict[str, Any] | None | Unset
        if isinstance(self.exclusion, Unset):
            exclusion = UNSET
        elif isinstance(self.exclusion, ExclusionIn):
            exclusion = self.exclusion.to_dict()
        else:
            exclusion = self.exclusion

        delay_cause: dict[str, Any] | None | Unset
        if isinstance(self.delay_cause, Unset):
            delay_cause = UNSET
        elif isinstance(self.delay_cause, DelayCauseIn):
            delay_cause = self.delay_cause.to_dict()
        else:
            delay_cause = self.delay_cause

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "at": at,
                "job_id": job_id,
                "idempotency_key": idempotency_key,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if signature is not UNSET:
            field_dict["signature"] = signature
        if labor_minutes is not UNSET:
            field_dict["labor_minutes"] = labor_minutes
        if parts is not UNSET:
            field_dict["parts"] = parts
        if travel_km is not UNSET:
            field_dict["travel_km"] = travel_km
        if symptom_code is not UNSET:
            field_dict["symptom_code"] = symptom_code
        if cause_code is not UNSET:
            field_dict["cause_code"] = cause_code
        if action_code is not UNSET:
            field_dict["action_code"] = action_code
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if passed is not UNSET:
            field_dict["passed"] = passed
        if exclusion is not UNSET:
            field_dict["exclusion"] = exclusion
        if delay_cause is not UNSET:
            field_dict["delay_cause"] = delay_cause

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delay_cause_in import DelayCauseIn
        from ..models.exclusion_in import ExclusionIn
        from ..models.part_in import PartIn
        from ..models.signature_in import SignatureIn

        d = dict(src_dict)
        status = BatchReportInStatus(d.pop("status"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        job_id = UUID(d.pop("job_id"))

        idempotency_key = d.pop("idempotency_key")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_signature(data: object) -> None | SignatureIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                signature_type_0 = SignatureIn.from_dict(data)

                return signature_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignatureIn | Unset, data)

        signature = _parse_signature(d.pop("signature", UNSET))

        def _parse_labor_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        labor_minutes = _parse_labor_minutes(d.pop("labor_minutes", UNSET))

        def _parse_parts(data: object) -> list[PartIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parts_type_0 = []
                _parts_type_0 = data
                for parts_type_0_item_data in _parts_type_0:
                    parts_type_0_item = PartIn.from_dict(parts_type_0_item_data)

                    parts_type_0.append(parts_type_0_item)

                return parts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PartIn] | None | Unset, data)

        parts = _parse_parts(d.pop("parts", UNSET))

        def _parse_travel_km(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        travel_km = _parse_travel_km(d.pop("travel_km", UNSET))

        def _parse_symptom_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symptom_code = _parse_symptom_code(d.pop("symptom_code", UNSET))

        def _parse_cause_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cause_code = _parse_cause_code(d.pop("cause_code", UNSET))

        def _parse_action_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_code = _parse_action_code(d.pop("action_code", UNSET))

        def _parse_outcome(data: object) -> BatchReportInOutcomeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = BatchReportInOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchReportInOutcomeType0 | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_passed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        passed = _parse_passed(d.pop("passed", UNSET))

        def _parse_exclusion(data: object) -> ExclusionIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exclusion_type_0 = ExclusionIn.from_dict(data)

                return exclusion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExclusionIn | None | Unset, data)

        exclusion = _parse_exclusion(d.pop("exclusion", UNSET))

        def _parse_delay_cause(data: object) -> DelayCauseIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                delay_cause_type_0 = DelayCauseIn.from_dict(data)

                return delay_cause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DelayCauseIn | None | Unset, data)

        delay_cause = _parse_delay_cause(d.pop("delay_cause", UNSET))

        batch_report_in = cls(
            status=status,
            at=at,
            job_id=job_id,
            idempotency_key=idempotency_key,
            note=note,
            signature=signature,
            labor_minutes=labor_minutes,
            parts=parts,
            travel_km=travel_km,
            symptom_code=symptom_code,
            cause_code=cause_code,
            action_code=action_code,
            outcome=outcome,
            passed=passed,
            exclusion=exclusion,
            delay_cause=delay_cause,
        )

        return batch_report_in
