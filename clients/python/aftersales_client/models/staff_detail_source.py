from enum import StrEnum


class StaffDetailSource(StrEnum):
    ADMIN = "admin"
    DISPATCH = "dispatch"

    def __str__(self) -> str:
        return str(self.value)
