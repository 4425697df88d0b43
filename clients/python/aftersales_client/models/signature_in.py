from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignatureIn")


@_attrs_define
class SignatureIn:
    """
    Attributes:
        image_base64 (None | str | Unset): PNG, JPEG or WebP, base64
        reference (None | str | Unset): where the image is kept
        signer_name (None | str | Unset):
    """

    image_base64: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    signer_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        image_base64: None | str | Unset
        if isinstance(self.image_base64, Unset):
            image_base64 = UNSET
        else:
            image_base64 = self.image_base64

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        signer_name: None | str | Unset
        if isinstance(self.signer_name, Unset):
            signer_name = UNSET
        else:
            signer_name = self.signer_name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if image_base64 is not UNSET:
            field_dict["image_base64"] = image_base64
        if reference is not UNSET:
            field_dict["reference"] = reference
        if signer_name is not UNSET:
            field_dict["signer_name"] = signer_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_image_base64(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_base64 = _parse_image_base64(d.pop("image_base64", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_signer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signer_name = _parse_signer_name(d.pop("signer_name", UNSET))

        signature_in = cls(
            image_base64=image_base64,
            reference=reference,
            signer_name=signer_name,
        )

        return signature_in
