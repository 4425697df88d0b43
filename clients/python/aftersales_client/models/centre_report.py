from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.centre_report_by_channel import CentreReportByChannel
    from ..models.centre_report_by_kind import CentreReportByKind


T = TypeVar("T", bound="CentreReport")


@_attrs_define
class CentreReport:
    """The information centre's own record of a month's requests (by their creation).

    Attributes:
        month (str):
        as_of (datetime.datetime): the moment the counts are taken
        tickets (int): requests opened in the month
        answers_due (int): those whose answer fell due: answered, reported late, or running unanswered past respond_by
        answered (int):
        answered_in_time (int): answered by respond_by
        answer_rate (float | None): answered_in_time / answers_due
        by_kind (CentreReportByKind):
        by_channel (CentreReportByChannel):
        solved_on_phone (int): ended without a visit (resolve-remotely, a resolved answer) and not reopened by the
            callback
        solved_on_phone_rate (float | None): solved_on_phone / the month's requests but parts orders, complaints and
            business customers' duties
    """

    month: str
    as_of: datetime.datetime
    tickets: int
    answers_due: int
    answered: int
    answered_in_time: int
    answer_rate: float | None
    by_kind: CentreReportByKind
    by_channel: CentreReportByChannel
    solved_on_phone: int
    solved_on_phone_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        as_of = self.as_of.isoformat()

        tickets = self.tickets

        answers_due = self.answers_due

        answered = self.answered

        answered_in_time = self.answered_in_time

        answer_rate: float | None
        answer_rate = self.answer_rate

        by_kind = self.by_kind.to_dict()

        by_channel = self.by_channel.to_dict()

        solved_on_phone = self.solved_on_phone

        solved_on_phone_rate: float | None
        solved_on_phone_rate = self.solved_on_phone_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "as_of": as_of,
                "tickets": tickets,
                "answers_due": answers_due,
                "answered": answered,
                "answered_in_time": answered_in_time,
                "answer_rate": answer_rate,
                "by_kind": by_kind,
                "by_channel": by_channel,
                "solved_on_phone": solved_on_phone,
                "solved_on_phone_rate": solved_on_phone_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.centre_report_by_channel import CentreReportByChannel
        from ..models.centre_report_by_kind import CentreReportByKind

        d = dict(src_dict)
        month = d.pop("month")

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        tickets = d.pop("tickets")

        answers_due = d.pop("answers_due")

        answered = d.pop("answered")

        answered_in_time = d.pop("answered_in_time")

        def _parse_answer_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        answer_rate = _parse_answer_rate(d.pop("answer_rate"))

        by_kind = CentreReportByKind.from_dict(d.pop("by_kind"))

        by_channel = CentreReportByChannel.from_dict(d.pop("by_channel"))

        solved_on_phone = d.pop("solved_on_phone")

        def _parse_solved_on_phone_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        solved_on_phone_rate = _parse_solved_on_phone_rate(
            d.pop("solved_on_phone_rate")
        )

        centre_report = cls(
            month=month,
            as_of=as_of,
            tickets=tickets,
            answers_due=answers_due,
            answered=answered,
            answered_in_time=answered_in_time,
            answer_rate=answer_rate,
            by_kind=by_kind,
            by_channel=by_channel,
            solved_on_phone=solved_on_phone,
            solved_on_phone_rate=solved_on_phone_rate,
        )

        centre_report.additional_properties = d
        return centre_report

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
