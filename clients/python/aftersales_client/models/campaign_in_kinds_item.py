from enum import StrEnum


class CampaignInKindsItem(StrEnum):
    COMPLAINT = "complaint"
    CONSULTATION = "consultation"
    INSTALL = "install"
    MAINTENANCE = "maintenance"
    RELOCATION = "relocation"
    REPAIR = "repair"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
