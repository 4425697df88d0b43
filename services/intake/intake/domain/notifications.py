"""What the customer is told, in which words, and when: pure rules, no I/O.

A notification is one message of one kind to one customer on one channel. Its words come from a
template per kind and locale (``zh-CN`` by default, ``en``), which an admin may edit; a
template names its facts as ``{placeholders}`` and may use only those its kind has. Routine
messages wait out the quiet hours; urgent ones (a late parts shipment, an appointment changed
within two hours of it) go at once.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from aftersales.errors import Unprocessable

Kind = Literal[
    "booked",
    "en_route",
    "done",
    "rescheduled",
    "parts_shipped",
    "parts_late",
    "complaint_received",
]
KINDS: tuple[Kind, ...] = (
    "booked",
    "en_route",
    "done",
    "rescheduled",
    "parts_shipped",
    "parts_late",
    "complaint_received",
)
Locale = Literal["zh-CN", "en"]
LOCALES: tuple[Locale, ...] = ("zh-CN", "en")
Channel = Literal["email", "sms"]
CHANNELS: tuple[Channel, ...] = ("email", "sms")

COMMON = ("customer_name", "ticket_number")
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "booked": (*COMMON, "window_start", "window_end"),
    "en_route": (*COMMON, "window_end"),
    "done": COMMON,
    "rescheduled": (*COMMON, "window_start", "window_end", "reason"),
    "parts_shipped": (*COMMON, "order_number", "carrier", "tracking_no"),
    "parts_late": (*COMMON, "order_number", "ship_by"),
    "complaint_received": (*COMMON, "reply_by"),
}
URGENT_ALWAYS = frozenset({"parts_late"})
URGENT_WITHIN = timedelta(hours=2)


@dataclass(frozen=True)
class Template:
    subject: str
    body: str


DEFAULTS: dict[tuple[str, str], Template] = {
    ("booked", "zh-CN"): Template(
        "服务预约确认 {ticket_number}",
        "{customer_name}您好，您的服务单{ticket_number}已预约，工程师将于{window_start}至"
        "{window_end}上门。",
    ),
    ("booked", "en"): Template(
        "Your visit is booked ({ticket_number})",
        "Dear {customer_name}, a technician will visit for {ticket_number} between "
        "{window_start} and {window_end}.",
    ),
    ("en_route", "zh-CN"): Template(
        "工程师已出发 {ticket_number}",
        "{customer_name}您好，工程师已出发，预计{window_end}前到达。",
    ),
    ("en_route", "en"): Template(
        "Your technician is on the way ({ticket_number})",
        "Dear {customer_name}, your technician is on the way and will arrive by {window_end}.",
    ),
    ("done", "zh-CN"): Template(
        "服务已完成 {ticket_number}",
        "{customer_name}您好，服务单{ticket_number}已完成。我们的客服将回访您的满意度；"
        "如有费用，发票将另行寄送。",
    ),
    ("done", "en"): Template(
        "Service done ({ticket_number})",
        "Dear {customer_name}, {ticket_number} is done. Our service centre will call you to "
        "ask how it went; any invoice follows separately.",
    ),
    ("rescheduled", "zh-CN"): Template(
        "预约时间变更 {ticket_number}",
        "{customer_name}您好，您的预约改为{window_start}至{window_end}。原因：{reason}",
    ),
    ("rescheduled", "en"): Template(
        "Your visit has moved ({ticket_number})",
        "Dear {customer_name}, your visit is now between {window_start} and {window_end}. "
        "Reason: {reason}",
    ),
    ("parts_shipped", "zh-CN"): Template(
        "配件已发货 {order_number}",
        "{customer_name}您好，您订购的配件已由{carrier}发出，运单号{tracking_no}。",
    ),
    ("parts_shipped", "en"): Template(
        "Your parts have shipped ({order_number})",
        "Dear {customer_name}, your parts are on their way with {carrier}, tracking {tracking_no}.",
    ),
    ("parts_late", "zh-CN"): Template(
        "配件发货延误 {order_number}",
        "{customer_name}您好，很抱歉，您的配件未能在{ship_by}前发出，我们正在加急处理。",
    ),
    ("parts_late", "en"): Template(
        "Your parts are late ({order_number})",
        "Dear {customer_name}, we are sorry: your parts did not ship by {ship_by}. We are "
        "hurrying them.",
    ),
    ("complaint_received", "zh-CN"): Template(
        "投诉已受理 {ticket_number}",
        "{customer_name}您好，您的投诉已受理，我们将于{reply_by}前答复您。",
    ),
    ("complaint_received", "en"): Template(
        "We have your complaint ({ticket_number})",
        "Dear {customer_name}, we have your complaint and will answer by {reply_by}.",
    ),
}


def placeholders_of(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise Unprocessable(f"The template is not well formed: {exc}.") from exc


def check_template(kind: str, template: Template) -> None:
    """Refuse a template that names a placeholder its kind has not, naming it."""
    allowed = PLACEHOLDERS[kind]
    for part in (template.subject, template.body):
        unknown = [n for n in placeholders_of(part) if n not in allowed]
        if unknown:
            raise Unprocessable(
                f"Unknown placeholder {{{unknown[0]}}} for {kind!r}; "
                f"it may use {', '.join('{' + a + '}' for a in allowed)}."
            )


class _Facts(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""  # a fact the event could not give reads as nothing, never as an error


def render(template: Template, facts: Mapping[str, object]) -> Template:
    values = _Facts({k: str(v) for k, v in facts.items()})
    return Template(template.subject.format_map(values), template.body.format_map(values))


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
