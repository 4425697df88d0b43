from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.preferences_in_locale import PreferencesInLocale
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreferencesIn")


@_attrs_define
class PreferencesIn:
    """
    Attributes:
        email (bool | Unset): false: never e-mail this customer Default: True.
        sms (bool | Unset): false: no SMS/WeChat messages Default: True.
        locale (PreferencesInLocale | Unset):  Default: PreferencesInLocale.ZH_CN.
    """

    email: bool | Unset = True
    sms: bool | Unset = True
    locale: PreferencesInLocale | Unset = PreferencesInLocale.ZH_CN

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        sms = self.sms

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        email = d.pop("email", UNSET)

        sms = d.pop("sms", UNSET)

        _locale = d.pop("locale", UNSET)
        locale: PreferencesInLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = PreferencesInLocale(_locale)

        preferences_in = cls(
            email=email,
            sms=sms,
            locale=locale,
        )

        return preferences_in
