from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.clear_in_basis_type_0 import ClearInBasisType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClearIn")


@_attrs_define
class ClearIn:
    """
    Attributes:
        note (str):
        basis (ClearInBasisType0 | None | Unset): a late report's flag (required then, refused otherwise): the times the
            reports carry, or the times they reached dispatch
    """

    note: str
    basis: ClearInBasisType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, ClearInBasisType0):
            basis = self.basis.value
        else:
            basis = self.basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        note = d.pop("note")

        def _parse_basis(data: object) -> ClearInBasisType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = ClearInBasisType0(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClearInBasisType0 | None | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        clear_in = cls(
            note=note,
            basis=basis,
        )

        return clear_in
