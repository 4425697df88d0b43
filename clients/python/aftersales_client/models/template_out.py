from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_out_kind import TemplateOutKind
from ..models.template_out_locale import TemplateOutLocale

T = TypeVar("T", bound="TemplateOut")


@_attrs_define
class TemplateOut:
    """
    Attributes:
        kind (TemplateOutKind):
        locale (TemplateOutLocale):
        subject (str):
        body (str):
        version (int): 0: the built-in wording, never edited
        placeholders (list[str]):
    """

    kind: TemplateOutKind
    locale: TemplateOutLocale
    subject: str
    body: str
    version: int
    placeholders: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        locale = self.locale.value

        subject = self.subject

        body = self.body

        version = self.version

        placeholders = self.placeholders

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "locale": locale,
                "subject": subject,
                "body": body,
                "version": version,
                "placeholders": placeholders,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = TemplateOutKind(d.pop("kind"))

        locale = TemplateOutLocale(d.pop("locale"))

        subject = d.pop("subject")

        body = d.pop("body")

        version = d.pop("version")

        placeholders = cast(list[str], d.pop("placeholders"))

        template_out = cls(
            kind=kind,
            locale=locale,
            subject=subject,
            body=body,
            version=version,
            placeholders=placeholders,
        )

        template_out.additional_properties = d
        return template_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
