from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fault_codes_out_actions import FaultCodesOutActions
    from ..models.fault_codes_out_causes import FaultCodesOutCauses
    from ..models.fault_codes_out_symptoms import FaultCodesOutSymptoms


T = TypeVar("T", bound="FaultCodesOut")


@_attrs_define
class FaultCodesOut:
    """
    Attributes:
        category (str):
        symptoms (FaultCodesOutSymptoms):
        causes (FaultCodesOutCauses):
        actions (FaultCodesOutActions):
        version (int):
    """

    category: str
    symptoms: FaultCodesOutSymptoms
    causes: FaultCodesOutCauses
    actions: FaultCodesOutActions
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        symptoms = self.symptoms.to_dict()

        causes = self.causes.to_dict()

        actions = self.actions.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "symptoms": symptoms,
                "causes": causes,
                "actions": actions,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fault_codes_out_actions import FaultCodesOutActions
        from ..models.fault_codes_out_causes import FaultCodesOutCauses
        from ..models.fault_codes_out_symptoms import FaultCodesOutSymptoms

        d = dict(src_dict)
        category = d.pop("category")

        symptoms = FaultCodesOutSymptoms.from_dict(d.pop("symptoms"))

        causes = FaultCodesOutCauses.from_dict(d.pop("causes"))

        actions = FaultCodesOutActions.from_dict(d.pop("actions"))

        version = d.pop("version")

        fault_codes_out = cls(
            category=category,
            symptoms=symptoms,
            causes=causes,
            actions=actions,
            version=version,
        )

        fault_codes_out.additional_properties = d
        return fault_codes_out

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
