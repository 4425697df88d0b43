from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.reconcile_in_method import ReconcileInMethod

if TYPE_CHECKING:
    from ..models.statement_line_in import StatementLineIn


T = TypeVar("T", bound="ReconcileIn")


@_attrs_define
class ReconcileIn:
    """
    Attributes:
        method (ReconcileInMethod): whose statement: the card acquirer's, the bank's, the wallet's
        statement_ref (str): the provider statement's own reference
        payments (list[StatementLineIn]):
    """

    method: ReconcileInMethod
    statement_ref: str
    payments: list[StatementLineIn]

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        statement_ref = self.statement_ref

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "statement_ref": statement_ref,
                "payments": payments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.statement_line_in import StatementLineIn

        d = dict(src_dict)
        method = ReconcileInMethod(d.pop("method"))

        statement_ref = d.pop("statement_ref")

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = StatementLineIn.from_dict(payments_item_data)

            payments.append(payments_item)

        reconcile_in = cls(
            method=method,
            statement_ref=statement_ref,
            payments=payments,
        )

        return reconcile_in
