from enum import StrEnum


class TicketOutChannel(StrEnum):
    APP = "app"
    CONTRACT = "contract"
    CRM = "crm"
    HOTLINE = "hotline"
    LETTER = "letter"
    PARTNER = "partner"
    WALK_IN = "walk_in"

    def __str__(self) -> str:
        return str(self.value)
