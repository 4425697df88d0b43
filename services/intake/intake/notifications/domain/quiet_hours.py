"""When a customer may be told something: the quiet hours (local time) in which routine messages
wait, and which messages are urgent enough to go at once (a late parts shipment, an appointment
changed within two hours of it; they break one ticket's quiet hours once a night at most).
Pure rules: the time is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

URGENT_ALWAYS = frozenset({"parts_late"})
URGENT_WITHIN = timedelta(hours=2)


@dataclass(frozen=True)
class QuietHours:
    """Local hours in which routine messages wait (``start`` to ``end``, across midnight)."""

    start: time
    end: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, text: str, zone: str) -> QuietHours:
        try:
            start, end = (time.fromisoformat(p.strip()) for p in text.split("-"))
        except ValueError as exc:
            raise ValueError(f"quiet hours are HH:MM-HH:MM, not {text!r}") from exc
        return cls(start, end, ZoneInfo(zone))

    def quiet(self, at: datetime) -> bool:
        local = at.astimezone(self.zone).time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def night_start(self, at: datetime) -> datetime | None:
        """When the quiet hours ``at`` falls in began (None when ``at`` is not in them)."""
        if not self.quiet(at):
            return None
        local = at.astimezone(self.zone)
        start = local.replace(
            hour=self.start.hour, minute=self.start.minute, second=0, microsecond=0
        )
        if start > local:
            start -= timedelta(days=1)
        return start

    def send_at(self, at: datetime) -> datetime:
        """``at`` itself, or the end of the quiet hours it falls in."""
        if not self.quiet(at):
            return at
        local = at.astimezone(self.zone)
        morning = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if morning <= local:
            morning += timedelta(days=1)
        return morning


def is_urgent(kind: str, now: datetime, *starts: datetime | None) -> bool:
    """A late shipment always; a changed appointment when it (old or new) is within 2 h."""
    if kind in URGENT_ALWAYS:
        return True
    if kind == "rescheduled":
        return any(s is not None and s - now <= URGENT_WITHIN for s in starts)
    return False


def local_text(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
