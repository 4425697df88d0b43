"""The ticket core's configurable rules, made once from intake's settings and passed to whatever
applies them: routes take it as a dependency (``api/deps.py``), consumers have it bound into
their handlers (``consumers.py``). The webhook gateway's and the notifications' rules are
:mod:`intake.integrations.use_cases.policy` and :mod:`intake.notifications.use_cases.policy`;
:mod:`intake.policy` holds all three."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from intake.domain.remedies import WarrantyPolicy
from intake.domain.tickets import ResponsePolicy
from intake.settings import IntakeSettings


@dataclass(frozen=True)
class TicketPolicy:
    # The answer and completion deadlines (the service catalogue may set them per category).
    response: ResponsePolicy = field(default_factory=ResponsePolicy)
    # 三包: when a refund or a replacement is due.
    warranty: WarrantyPolicy = field(default_factory=WarrantyPolicy)
    # The kinds whose phone solutions are called back before the ticket ends.
    callback_after_remote_kinds: frozenset[str] = frozenset()
    # Where the business's months begin and end (the centre's record).
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))

    @classmethod
    def from_settings(cls, s: IntakeSettings) -> TicketPolicy:
        return cls(
            response=ResponsePolicy(
                default_hours=s.respond_within_hours,
                complaint_hours=s.complaint_respond_within_hours,
                complete_within_hours=dict(s.complete_within_hours),
            ),
            warranty=WarrantyPolicy(
                refund_within_days=s.refund_within_days,
                replace_within_days=s.replace_within_days,
                failed_repairs_for_replacement=s.failed_repairs_for_replacement,
                replacement_warranty_months=s.replacement_warranty_months,
            ),
            callback_after_remote_kinds=frozenset(s.callback_after_remote_kinds),
            timezone=ZoneInfo(s.business_timezone),
        )
