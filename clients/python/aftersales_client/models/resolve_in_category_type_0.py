from enum import StrEnum


class ResolveInCategoryType0(StrEnum):
    CONDUCT = "conduct"
    DELAY = "delay"
    OTHER = "other"
    QUALITY = "quality"

    def __str__(self) -> str:
        return str(self.value)
