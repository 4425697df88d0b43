from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_result_outcome import BatchResultOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_result_problem_type_0 import BatchResultProblemType0


T = TypeVar("T", bound="BatchResult")


@_attrs_define
class BatchResult:
    """
    Attributes:
        job_id (UUID):
        idempotency_key (str):
        outcome (BatchResultOutcome):
        problem (BatchResultProblemType0 | None | Unset):
    """

    job_id: UUID
    idempotency_key: str
    outcome: BatchResultOutcome
    problem: BatchResultProblemType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_result_problem_type_0 import BatchResultProblemType0

        job_id = str(self.job_id)

        idempotency_key = self.idempotency_key

        outcome = self.outcome.value

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, BatchResultProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "idempotency_key": idempotency_key,
                "outcome": outcome,
            }
        )
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_result_problem_type_0 import BatchResultProblemType0

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        idempotency_key = d.pop("idempotency_key")

        outcome = BatchResultOutcome(d.pop("outcome"))

        def _parse_problem(data: object) -> BatchResultProblemType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = BatchResultProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchResultProblemType0 | None | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        batch_result = cls(
            job_id=job_id,
            idempotency_key=idempotency_key,
            outcome=outcome,
            problem=problem,
        )

        batch_result.additional_properties = d
        return batch_result

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
