from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ticket_in_channel import TicketInChannel
from ..models.ticket_in_kind import TicketInKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_line_in import OrderLineIn
    from ..models.window_in import WindowIn


T = TypeVar("T", bound="TicketIn")


@_attrs_define
class TicketIn:
    """
    Attributes:
        customer_id (UUID):
        kind (TicketInKind):
        description (str):
        channel (TicketInChannel):
        product_id (None | Unset | UUID): required for every kind but parts_order, training, sample_test and a business
            customer's duties (dealer_onboarding, promotion_support, usage_guidance)
        category (None | str | Unset): without a product (a sales training, a sample): the product category it is about,
            offered the kind by the service catalogue; dispatch routes by it
        topic (None | str | Unset): what a training or a sample test is about (required without a product)
        preferred_window (None | Unset | WindowIn):
        lines (list[OrderLineIn] | None | Unset): a parts_order's parts (required for it only)
    """

    customer_id: UUID
    kind: TicketInKind
    description: str
    channel: TicketInChannel
    product_id: None | Unset | UUID = UNSET
    category: None | str | Unset = UNSET
    topic: None | str | Unset = UNSET
    preferred_window: None | Unset | WindowIn = UNSET
    lines: list[OrderLineIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.window_in import WindowIn

        customer_id = str(self.customer_id)

        kind = self.kind.value

        description = self.description

        channel = self.channel.value

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        topic: None | str | Unset
        if isinstance(self.topic, Unset):
            topic = UNSET
        else:
            topic = self.topic

        preferred_window: dict[str, Any] | None | Unset
        if isinstance(self.preferred_window, Unset):
            preferred_window = UNSET
        elif isinstance(self.preferred_window, WindowIn):
            preferred_window = self.preferred_window.to_dict()
        else:
            preferred_window = self.preferred_window

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "kind": kind,
                "description": description,
                "channel": channel,
            }
        )
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if category is not UNSET:
            field_dict["category"] = category
        if topic is not UNSET:
            field_dict["topic"] = topic
        if preferred_window is not UNSET:
            field_dict["preferred_window"] = preferred_window
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.order_line_in import OrderLineIn
        from ..models.window_in import WindowIn

        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        kind = TicketInKind(d.pop("kind"))

        description = d.pop("description")

        channel = TicketInChannel(d.pop("channel"))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_topic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        topic = _parse_topic(d.pop("topic", UNSET))

        def _parse_preferred_window(data: object) -> None | Unset | WindowIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preferred_window_type_0 = WindowIn.from_dict(data)

                return preferred_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WindowIn, data)

        preferred_window = _parse_preferred_window(d.pop("preferred_window", UNSET))

        def _parse_lines(data: object) -> list[OrderLineIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = OrderLineIn.from_dict(lines_type_0_item_data)

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderLineIn] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        ticket_in = cls(
            customer_id=customer_id,
            kind=kind,
            description=description,
            channel=channel,
            product_id=product_id,
            category=category,
            topic=topic,
            preferred_window=preferred_window,
            lines=lines,
        )

        return ticket_in
