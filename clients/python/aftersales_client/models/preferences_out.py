from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.preferences_out_locale import PreferencesOutLocale
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreferencesOut")


@_attrs_define
class PreferencesOut:
    """
    Attributes:
        customer_id (UUID):
        version (int):
        email (bool | Unset): false: never e-mail this customer Default: True.
        sms (bool | Unset): false: no SMS/WeChat messages Default: True.
        locale (PreferencesOutLocale | Unset):  Default: PreferencesOutLocale.ZH_CN.
    """

    customer_id: UUID
    version: int
    email: bool | Unset = True
    sms: bool | Unset = True
    locale: PreferencesOutLocale | Unset = PreferencesOutLocale.ZH_CN

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        version = self.version

        email = self.email

        sms = self.sms

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "version": version,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if sms is not UNSET:
            field_dict["sms"] = sms
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        version = d.pop("version")

        email = d.pop("email", UNSET)

        sms = d.pop("sms", UNSET)

        _locale = d.pop("locale", UNSET)
        locale: PreferencesOutLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = PreferencesOutLocale(_locale)

        preferences_out = cls(
            customer_id=customer_id,
            version=version,
            email=email,
            sms=sms,
            locale=locale,
        )

        return preferences_out
