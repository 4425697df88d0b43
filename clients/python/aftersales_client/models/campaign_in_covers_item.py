from enum import StrEnum


class CampaignInCoversItem(StrEnum):
    LABOUR = "labour"
    PARTS = "parts"
    TRAVEL = "travel"

    def __str__(self) -> str:
        return str(self.value)
