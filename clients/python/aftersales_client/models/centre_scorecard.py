from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CentreScorecard")


@_attrs_define
class CentreScorecard:
    """
    Attributes:
        month (str):
        callbacks (int): callbacks of jobs completed in the month
        done (int):
        done_in_time (int): done or given up as unreachable by the due time
        overdue (int): not done by the due time (the centre's miss)
        unreachable (int):
        still_due (int):
        complaints (int): complaints opened in the month
        replies_late (int):
        resolutions_late (int):
        callback_on_time_rate (float | None):
        answers (str): the centre's answers, volumes and phone solutions for the month: intake owns those clocks and
            reports them at this address
    """

    month: str
    callbacks: int
    done: int
    done_in_time: int
    overdue: int
    unreachable: int
    still_due: int
    complaints: int
    replies_late: int
    resolutions_late: int
    callback_on_time_rate: float | None
    answers: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        callbacks = self.callbacks

        done = self.done

        done_in_time = self.done_in_time

        overdue = self.overdue

        unreachable = self.unreachable

        still_due = self.still_due

        complaints = self.complaints

        replies_late = self.replies_late

        resolutions_late = self.resolutions_late

        callback_on_time_rate: float | None
        callback_on_time_rate = self.callback_on_time_rate

        answers = self.answers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "callbacks": callbacks,
                "done": done,
                "done_in_time": done_in_time,
                "overdue": overdue,
                "unreachable": unreachable,
                "still_due": still_due,
                "complaints": complaints,
                "replies_late": replies_late,
                "resolutions_late": resolutions_late,
                "callback_on_time_rate": callback_on_time_rate,
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        month = d.pop("month")

        callbacks = d.pop("callbacks")

        done = d.pop("done")

        done_in_time = d.pop("done_in_time")

        overdue = d.pop("overdue")

        unreachable = d.pop("unreachable")

        still_due = d.pop("still_due")

        complaints = d.pop("complaints")

        replies_late = d.pop("replies_late")

        resolutions_late = d.pop("resolutions_late")

        def _parse_callback_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        callback_on_time_rate = _parse_callback_on_time_rate(
            d.pop("callback_on_time_rate")
        )

        answers = d.pop("answers")

        centre_scorecard = cls(
            month=month,
            callbacks=callbacks,
            done=done,
            done_in_time=done_in_time,
            overdue=overdue,
            unreachable=unreachable,
            still_due=still_due,
            complaints=complaints,
            replies_late=replies_late,
            resolutions_late=resolutions_late,
            callback_on_time_rate=callback_on_time_rate,
            answers=answers,
        )

        centre_scorecard.additional_properties = d
        return centre_scorecard

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
