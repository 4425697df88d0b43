from enum import StrEnum


class TicketCountsKindType0(StrEnum):
    COMPLAINT = "complaint"
    CONSULTATION = "consultation"
    DEALER_ONBOARDING = "dealer_onboarding"
    INSTALL = "install"
    MAINTENANCE = "maintenance"
    PARTS_ORDER = "parts_order"
    PROMOTION_SUPPORT = "promotion_support"
    RELOCATION = "relocation"
    REPAIR = "repair"
    SAMPLE_TEST = "sample_test"
    TRAINING = "training"
    USAGE_GUIDANCE = "usage_guidance"

    def __str__(self) -> str:
        return str(self.value)
