from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.fault_codes_in_actions import FaultCodesInActions
    from ..models.fault_codes_in_causes import FaultCodesInCauses
    from ..models.fault_codes_in_symptoms import FaultCodesInSymptoms


T = TypeVar("T", bound="FaultCodesIn")


@_attrs_define
class FaultCodesIn:
    """
    Attributes:
        symptoms (FaultCodesInSymptoms): code → label
        causes (FaultCodesInCauses):
        actions (FaultCodesInActions):
    """

    symptoms: FaultCodesInSymptoms
    causes: FaultCodesInCauses
    actions: FaultCodesInActions

    def to_dict(self) -> dict[str, Any]:
        symptoms = self.symptoms.to_dict()

        causes = self.causes.to_dict()

        actions = self.actions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symptoms": symptoms,
                "causes": causes,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fault_codes_in_actions import FaultCodesInActions
        from ..models.fault_codes_in_causes import FaultCodesInCauses
        from ..models.fault_codes_in_symptoms import FaultCodesInSymptoms

        d = dict(src_dict)
        symptoms = FaultCodesInSymptoms.from_dict(d.pop("symptoms"))

        causes = FaultCodesInCauses.from_dict(d.pop("causes"))

        actions = FaultCodesInActions.from_dict(d.pop("actions"))

        fault_codes_in = cls(
            symptoms=symptoms,
            causes=causes,
            actions=actions,
        )

        return fault_codes_in
