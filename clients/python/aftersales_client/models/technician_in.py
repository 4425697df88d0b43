from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TechnicianIn")


@_attrs_define
class TechnicianIn:
    """
    Attributes:
        name (str):
        phone (str):
        skills (list[str]):
    """

    name: str
    phone: str
    skills: list[str]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        phone = self.phone

        skills = self.skills

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "phone": phone,
                "skills": skills,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        phone = d.pop("phone")

        skills = cast(list[str], d.pop("skills"))

        technician_in = cls(
            name=name,
            phone=phone,
            skills=skills,
        )

        return technician_in
