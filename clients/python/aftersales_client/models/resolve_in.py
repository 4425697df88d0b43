from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.resolve_in_category_type_0 import ResolveInCategoryType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveIn")


@_attrs_define
class ResolveIn:
    """
    Attributes:
        substantiated (bool):
        resolution (str | Unset):  Default: ''.
        technician_id (None | Unset | UUID):
        point_id (None | Unset | UUID):
        attribution_reason (None | str | Unset): the centre's reason for naming a point or technician that was not
            offered, assigned or sent to any of the ticket's jobs (agents and admins only; audited)
        staff_id (None | Unset | UUID): the staff member it was about, as checked (the register's)
        category (None | ResolveInCategoryType0 | Unset): what it was about, as checked; omitted: as opened
    """

    substantiated: bool
    resolution: str | Unset = ""
    technician_id: None | Unset | UUID = UNSET
    point_id: None | Unset | UUID = UNSET
    attribution_reason: None | str | Unset = UNSET
    staff_id: None | Unset | UUID = UNSET
    category: None | ResolveInCategoryType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        substantiated = self.substantiated

        resolution = self.resolution

        technician_id: None | str | Unset
        if isinstance(self.technician_id, Unset):
            technician_id = UNSET
        elif isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        point_id: None | str | Unset
        if isinstance(self.point_id, Unset):
            point_id = UNSET
        elif isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        attribution_reason: None | str | Unset
        if isinstance(self.attribution_reason, Unset):
            attribution_reason = UNSET
        else:
            attribution_reason = self.attribution_reason

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        elif isinstance(self.staff_id, UUID):
            staff_id = str(self.staff_id)
        else:
            staff_id = self.staff_id

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, ResolveInCategoryType0):
            category = self.category.value
        else:
            category = self.category

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "substantiated": substantiated,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if technician_id is not UNSET:
            field_dict["technician_id"] = technician_id
        if point_id is not UNSET:
            field_dict["point_id"] = point_id
        if attribution_reason is not UNSET:
            field_dict["attribution_reason"] = attribution_reason
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if category is not UNSET:
            field_dict["category"] = category

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        substantiated = d.pop("substantiated")

        resolution = d.pop("resolution", UNSET)

        def _parse_technician_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                technician_id_type_0 = UUID(data)

                return technician_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        technician_id = _parse_technician_id(d.pop("technician_id", UNSET))

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

        def _parse_attribution_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attribution_reason = _parse_attribution_reason(
            d.pop("attribution_reason", UNSET)
        )

        def _parse_staff_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                staff_id_type_0 = UUID(data)

                return staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

        def _parse_category(data: object) -> None | ResolveInCategoryType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = ResolveInCategoryType0(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResolveInCategoryType0 | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        resolve_in = cls(
            substantiated=substantiated,
            resolution=resolution,
            technician_id=technician_id,
            point_id=point_id,
            attribution_reason=attribution_reason,
            staff_id=staff_id,
            category=category,
        )

        return resolve_in
