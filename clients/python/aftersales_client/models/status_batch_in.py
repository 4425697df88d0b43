from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.batch_report_in import BatchReportIn


T = TypeVar("T", bound="StatusBatchIn")


@_attrs_define
class StatusBatchIn:
    """
    Attributes:
        reports (list[BatchReportIn]):
    """

    reports: list[BatchReportIn]

    def to_dict(self) -> dict[str, Any]:
        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reports": reports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_report_in import BatchReportIn

        d = dict(src_dict)
        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = BatchReportIn.from_dict(reports_item_data)

            reports.append(reports_item)

        status_batch_in = cls(
            reports=reports,
        )

        return status_batch_in
