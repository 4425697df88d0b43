from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stock_line_in import StockLineIn


T = TypeVar("T", bound="RequisitionIn")


@_attrs_define
class RequisitionIn:
    """
    Attributes:
        lines (list[StockLineIn]):
        urgent (bool | Unset):  Default: False.
        job_id (None | Unset | UUID): the job waiting for these parts
        point_id (None | Unset | UUID): the centre asking on a point's behalf (a point: its own)
    """

    lines: list[StockLineIn]
    urgent: bool | Unset = False
    job_id: None | Unset | UUID = UNSET
    point_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        urgent = self.urgent

        job_id: None | str | Unset
        if isinstance(self.job_id, Unset):
            job_id = UNSET
        elif isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        point_id: None | str | Unset
        if isinstance(self.point_id, Unset):
            point_id = UNSET
        elif isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )
        if urgent is not UNSET:
            field_dict["urgent"] = urgent
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if point_id is not UNSET:
            field_dict["point_id"] = point_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stock_line_in import StockLineIn

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = StockLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        urgent = d.pop("urgent", UNSET)

        def _parse_job_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_id_type_0 = UUID(data)

                return job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        job_id = _parse_job_id(d.pop("job_id", UNSET))

        def _parse_point_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        point_id = _parse_point_id(d.pop("point_id", UNSET))

        requisition_in = cls(
            lines=lines,
            urgent=urgent,
            job_id=job_id,
            point_id=point_id,
        )

        return requisition_in
