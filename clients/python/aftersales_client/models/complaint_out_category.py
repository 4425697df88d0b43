from enum import StrEnum


class ComplaintOutCategory(StrEnum):
    CONDUCT = "conduct"
    DELAY = "delay"
    OTHER = "other"
    QUALITY = "quality"

    def __str__(self) -> str:
        return str(self.value)
