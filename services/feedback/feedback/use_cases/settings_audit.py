"""The discipline rules in force go on the audit trail: the strike window (``None``: strikes
count for life, as clause 15 has it) is recorded at startup whenever it differs from the value
recorded last, so an operator's change of ``FEEDBACK_STRIKE_WINDOW_DAYS`` is on the record
(``GET /v1/audit?object_type=setting``), and a restart with the same value adds nothing."""

from __future__ import annotations

from aftersales.database import Database
from feedback.adapters.repositories.settings_audit import SettingsAudit
from feedback.use_cases.policy import FeedbackPolicy

STRIKE_WINDOW = "FEEDBACK_STRIKE_WINDOW_DAYS"
ACTOR = "system:feedback"


async def record_strike_window(db: Database, policy: FeedbackPolicy) -> bool:
    """True when the value in force was recorded now (first start, or changed since)."""
    value = policy.strike_window_days
    async with db.uow() as uow:
        audit = SettingsAudit(uow.session, db.platform.audit_log)
        await audit.lock(STRIKE_WINDOW)
        seen, last = await audit.last(STRIKE_WINDOW)
        if seen and last == value:
            return False
        await audit.record(STRIKE_WINDOW, before=last, after=value, actor=ACTOR)
        await uow.commit()
    return True
