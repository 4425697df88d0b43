from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.exclusion_in_reason import ExclusionInReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExclusionIn")


@_attrs_define
class ExclusionIn:
    """
    Attributes:
        reason (ExclusionInReason):
        note (str):
        photo_ref (None | str | Unset): a photo's reference
    """

    reason: ExclusionInReason
    note: str
    photo_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        note = self.note

        photo_ref: None | str | Unset
        if isinstance(self.photo_ref, Unset):
            photo_ref = UNSET
        else:
            photo_ref = self.photo_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "note": note,
            }
        )
        if photo_ref is not UNSET:
            field_dict["photo_ref"] = photo_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = ExclusionInReason(d.pop("reason"))

        note = d.pop("note")

        def _parse_photo_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_ref = _parse_photo_ref(d.pop("photo_ref", UNSET))

        exclusion_in = cls(
            reason=reason,
            note=note,
            photo_ref=photo_ref,
        )

        return exclusion_in
