from enum import StrEnum


class StaffInRole(StrEnum):
    AGENT = "agent"
    HOST = "host"
    SALES_SERVICE = "sales_service"

    def __str__(self) -> str:
        return str(self.value)
