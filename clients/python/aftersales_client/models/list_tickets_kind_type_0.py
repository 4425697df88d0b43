from enum import StrEnum


class ListTicketsKindType0(StrEnum):
    COMPLAINT = "complaint"
    CONSULTATION = "consultation"
    INSTALL = "install"
    MAINTENANCE = "maintenance"
    PARTS_ORDER = "parts_order"
    RELOCATION = "relocation"
    REPAIR = "repair"
    SAMPLE_TEST = "sample_test"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
