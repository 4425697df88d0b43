from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.release_in_basis_type_0 import ReleaseInBasisType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReleaseIn")


@_attrs_define
class ReleaseIn:
    """
    Attributes:
        basis (None | ReleaseInBasisType0 | Unset): for a charge held for a late report (required then, refused
            otherwise): the times the reports carry, or the times they reached dispatch
        note (None | str | Unset):
    """

    basis: None | ReleaseInBasisType0 | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, ReleaseInBasisType0):
            basis = self.basis.value
        else:
            basis = self.basis

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if basis is not UNSET:
            field_dict["basis"] = basis
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_basis(data: object) -> None | ReleaseInBasisType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = ReleaseInBasisType0(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReleaseInBasisType0 | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        release_in = cls(
            basis=basis,
            note=note,
        )

        return release_in
