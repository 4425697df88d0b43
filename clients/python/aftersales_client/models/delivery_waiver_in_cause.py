from enum import StrEnum


class DeliveryWaiverInCause(StrEnum):
    CARRIER_FORCE_MAJEURE = "carrier_force_majeure"
    CUSTOMER_ABSENT = "customer_absent"
    WEATHER = "weather"

    def __str__(self) -> str:
        return str(self.value)
