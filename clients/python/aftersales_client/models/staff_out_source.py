from enum import StrEnum


class StaffOutSource(StrEnum):
    ADMIN = "admin"
    DISPATCH = "dispatch"

    def __str__(self) -> str:
        return str(self.value)
