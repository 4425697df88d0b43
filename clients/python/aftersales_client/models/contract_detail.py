from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_invoice_out import ContractInvoiceOut
    from ..models.contract_out import ContractOut
    from ..models.planned_visit_out import PlannedVisitOut


T = TypeVar("T", bound="ContractDetail")


@_attrs_define
class ContractDetail:
    """
    Attributes:
        contract (ContractOut):
        invoices (list[ContractInvoiceOut]):
        planned_visits (list[PlannedVisitOut]):
    """

    contract: ContractOut
    invoices: list[ContractInvoiceOut]
    planned_visits: list[PlannedVisitOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract = self.contract.to_dict()

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        planned_visits = []
        for planned_visits_item_data in self.planned_visits:
            planned_visits_item = planned_visits_item_data.to_dict()
            planned_visits.append(planned_visits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract": contract,
                "invoices": invoices,
                "planned_visits": planned_visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contract_invoice_out import ContractInvoiceOut
        from ..models.contract_out import ContractOut
        from ..models.planned_visit_out import PlannedVisitOut

        d = dict(src_dict)
        contract = ContractOut.from_dict(d.pop("contract"))

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = ContractInvoiceOut.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        planned_visits = []
        _planned_visits = d.pop("planned_visits")
        for planned_visits_item_data in _planned_visits:
            planned_visits_item = PlannedVisitOut.from_dict(planned_visits_item_data)

            planned_visits.append(planned_visits_item)

        contract_detail = cls(
            contract=contract,
            invoices=invoices,
            planned_visits=planned_visits,
        )

        contract_detail.additional_properties = d
        return contract_detail

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
