from enum import StrEnum


class StatusReportInStatus(StrEnum):
    AWAITING_PARTS = "awaiting_parts"
    EN_ROUTE = "en_route"
    INSPECTED = "inspected"
    ON_SITE = "on_site"
    REPAIRED = "repaired"
    RESOLVED_ON_SITE = "resolved_on_site"
    RETURNED = "returned"
    TAKEN_TO_WORKSHOP = "taken_to_workshop"

    def __str__(self) -> str:
        return str(self.value)
