from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.reorder_levels_in_levels import ReorderLevelsInLevels


T = TypeVar("T", bound="ReorderLevelsIn")


@_attrs_define
class ReorderLevelsIn:
    """
    Attributes:
        location_id (UUID):
        levels (ReorderLevelsInLevels): SKU → level; null removes it
    """

    location_id: UUID
    levels: ReorderLevelsInLevels

    def to_dict(self) -> dict[str, Any]:
        location_id = str(self.location_id)

        levels = self.levels.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "location_id": location_id,
                "levels": levels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reorder_levels_in_levels import ReorderLevelsInLevels

        d = dict(src_dict)
        location_id = UUID(d.pop("location_id"))

        levels = ReorderLevelsInLevels.from_dict(d.pop("levels"))

        reorder_levels_in = cls(
            location_id=location_id,
            levels=levels,
        )

        return reorder_levels_in
