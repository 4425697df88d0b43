from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.callback_result_in_outcome_type_0 import CallbackResultInOutcomeType0
from ..models.callback_result_in_visit_confirmed import CallbackResultInVisitConfirmed
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackResultIn")


@_attrs_define
class CallbackResultIn:
    """
    Attributes:
        reached (bool):
        outcome (CallbackResultInOutcomeType0 | None | Unset):
        score (int | None | Unset):
        comment (None | str | Unset):
        visit_confirmed (CallbackResultInVisitConfirmed | Unset): whether the customer confirmed that someone came: yes,
            no (a job's callback only: opens a quality complaint against the point and counts on its scorecard; billing
            holds the job's charge), not_asked (the default; not on an audit job's reached callback, nor anything else on an
            attempt that did not reach the customer) Default: CallbackResultInVisitConfirmed.NOT_ASKED.
    """

    reached: bool
    outcome: CallbackResultInOutcomeType0 | None | Unset = UNSET
    score: int | None | Unset = UNSET
    comment: None | str | Unset = UNSET
    visit_confirmed: CallbackResultInVisitConfirmed | Unset = (
        CallbackResultInVisitConfirmed.NOT_ASKED
    )

    def to_dict(self) -> dict[str, Any]:
        reached = self.reached

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, CallbackResultInOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        score: int | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        visit_confirmed: str | Unset = UNSET
        if not isinstance(self.visit_confirmed, Unset):
            visit_confirmed = self.visit_confirmed.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reached": reached,
            }
        )
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if score is not UNSET:
            field_dict["score"] = score
        if comment is not UNSET:
            field_dict["comment"] = comment
        if visit_confirmed is not UNSET:
            field_dict["visit_confirmed"] = visit_confirmed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reached = d.pop("reached")

        def _parse_outcome(data: object) -> CallbackResultInOutcomeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = CallbackResultInOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallbackResultInOutcomeType0 | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        _visit_confirmed = d.pop("visit_confirmed", UNSET)
        visit_confirmed: CallbackResultInVisitConfirmed | Unset
        if isinstance(_visit_confirmed, Unset):
            visit_confirmed = UNSET
        else:
            visit_confirmed = CallbackResultInVisitConfirmed(_visit_confirmed)

        callback_result_in = cls(
            reached=reached,
            outcome=outcome,
            score=score,
            comment=comment,
            visit_confirmed=visit_confirmed,
        )

        return callback_result_in
