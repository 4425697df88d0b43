from enum import StrEnum


class RewardOutRole(StrEnum):
    AGENT = "agent"
    HOST = "host"
    SALES_SERVICE = "sales_service"
    TECHNICIAN = "technician"

    def __str__(self) -> str:
        return str(self.value)
