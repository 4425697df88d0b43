from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RespondIn")


@_attrs_define
class RespondIn:
    """
    Attributes:
        summary (str): the answer given
        resolved (bool): true: the request is settled and the ticket ends
    """

    summary: str
    resolved: bool

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        resolved = self.resolved

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "summary": summary,
                "resolved": resolved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        summary = d.pop("summary")

        resolved = d.pop("resolved")

        respond_in = cls(
            summary=summary,
            resolved=resolved,
        )

        return respond_in
