from enum import StrEnum


class ListPartsOrdersStatusType0(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    PAID = "paid"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
