from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quality_report_comments_item import QualityReportCommentsItem
    from ..models.quality_report_faults_item import QualityReportFaultsItem
    from ..models.quality_report_models_item import QualityReportModelsItem
    from ..models.quality_report_parts_item import QualityReportPartsItem


T = TypeVar("T", bound="QualityReport")


@_attrs_define
class QualityReport:
    """
    Attributes:
        months (list[str]):
        models (list[QualityReportModelsItem]):
        faults (list[QualityReportFaultsItem]): jobs by model, batch (serial prefix), fault codes and outcome
        parts (list[QualityReportPartsItem]):
        comments (list[QualityReportCommentsItem]):
    """

    months: list[str]
    models: list[QualityReportModelsItem]
    faults: list[QualityReportFaultsItem]
    parts: list[QualityReportPartsItem]
    comments: list[QualityReportCommentsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        months = self.months

        models = []
        for models_item_data in self.models:
            models_item = models_item_data.to_dict()
            models.append(models_item)

        faults = []
        for faults_item_data in self.faults:
            faults_item = faults_item_data.to_dict()
            faults.append(faults_item)

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "months": months,
                "models": models,
                "faults": faults,
                "parts": parts,
                "comments": comments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quality_report_comments_item import QualityReportCommentsItem
        from ..models.quality_report_faults_item import QualityReportFaultsItem
        from ..models.quality_report_models_item import QualityReportModelsItem
        from ..models.quality_report_parts_item import QualityReportPartsItem

        d = dict(src_dict)
        months = cast(list[str], d.pop("months"))

        models = []
        _models = d.pop("models")
        for models_item_data in _models:
            models_item = QualityReportModelsItem.from_dict(models_item_data)

            models.append(models_item)

        faults = []
        _faults = d.pop("faults")
        for faults_item_data in _faults:
            faults_item = QualityReportFaultsItem.from_dict(faults_item_data)

            faults.append(faults_item)

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = QualityReportPartsItem.from_dict(parts_item_data)

            parts.append(parts_item)

        comments = []
        _comments = d.pop("comments")
        for comments_item_data in _comments:
            comments_item = QualityReportCommentsItem.from_dict(comments_item_data)

            comments.append(comments_item)

        quality_report = cls(
            months=months,
            models=models,
            faults=faults,
            parts=parts,
            comments=comments,
        )

        quality_report.additional_properties = d
        return quality_report

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
