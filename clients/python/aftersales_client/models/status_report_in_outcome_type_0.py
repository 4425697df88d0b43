from enum import StrEnum


class StatusReportInOutcomeType0(StrEnum):
    FIXED = "fixed"
    MISUSE = "misuse"
    NO_FAULT_FOUND = "no_fault_found"

    def __str__(self) -> str:
        return str(self.value)
