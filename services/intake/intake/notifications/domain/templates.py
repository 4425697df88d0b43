"""What the customer is told, in which words, and when: pure rules, no I/O.

A notification is one message of one kind to one customer on one channel. Its words come from a
template per kind and locale (``zh-CN`` by default, ``en``), which an admin may edit; a
template names its facts as plain ``{placeholders}`` (no format spec, conversion, attribute or
index) and may use only those its kind has. Routine messages wait out the quiet hours; urgent
ones go at once (:mod:`intake.notifications.domain.quiet_hours`).

The customer is told things in the company's words only: a reschedule's reason is the wording of
its code (:data:`REASON_WORDS`), never the point's own note.
"""

# The customers' own words in Chinese, with its full-width punctuation.

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from aftersales.errors import Unprocessable

Kind = Literal[
    "booked",
    "en_route",
    "done",
    "rescheduled",
    "parts_shipped",
    "parts_late",
    "complaint_received",
    "sample_result",
]
KINDS: tuple[Kind, ...] = (
    "booked",
    "en_route",
    "done",
    "rescheduled",
    "parts_shipped",
    "parts_late",
    "complaint_received",
    "sample_result",
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
    # {arrival}: the promised arrival in the company's words (nothing when none was promised);
    # {promised_by}: the date alone.
    "parts_shipped": (*COMMON, "order_number", "carrier", "tracking_no", "promised_by", "arrival"),
    "parts_late": (*COMMON, "order_number", "ship_by"),
    "complaint_received": (*COMMON, "reply_by"),
    "sample_result": (*COMMON, "result", "sample_reference"),
}
# Why a visit moved, as the customer is told it: one wording per reason code and locale. An
# event without a code (from before codes) or with one this version does not know is "other".
REASON_CODES = ("customer_request", "technician_unavailable", "parts_delayed", "weather", "other")
REASON_WORDS: dict[str, dict[str, str]] = {
    "customer_request": {"zh-CN": "应您的要求调整", "en": "at your request"},
    "technician_unavailable": {
        "zh-CN": "工程师临时无法前来",
        "en": "the technician is unavailable",
    },
    "parts_delayed": {"zh-CN": "所需配件尚未到货", "en": "the parts needed are delayed"},
    "weather": {"zh-CN": "天气原因", "en": "the weather"},
    "other": {"zh-CN": "服务安排调整", "en": "a change in our schedule"},
}


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
        "{customer_name}您好，您订购的配件已由{carrier}发出，运单号{tracking_no}。{arrival}",
    ),
    ("parts_shipped", "en"): Template(
        "Your parts have shipped ({order_number})",
        "Dear {customer_name}, your parts are on their way with {carrier}, tracking "
        "{tracking_no}.{arrival}",
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
    ("sample_result", "zh-CN"): Template(
        "样品检测结果 {ticket_number}",
        "{customer_name}您好，您送检的样品{sample_reference}已检测完毕。结果：{result}",
    ),
    ("sample_result", "en"): Template(
        "Your sample's result ({ticket_number})",
        "Dear {customer_name}, your sample {sample_reference} has been tested. Result: {result}",
    ),
}
# A parts shipment's promised arrival, as the customer is told it ({arrival}); nothing when
# dispatch promised none.
ARRIVAL_WORDS: dict[str, str] = {
    "zh-CN": "预计{date}前送达。",
    "en": " It will arrive by {date}.",
}


def arrival_words(promised_by: str | None, locale: str) -> str:
    """The promised arrival (``YYYY-MM-DD``) in the customer's language, or nothing."""
    if not promised_by:
        return ""
    return ARRIVAL_WORDS.get(locale, ARRIVAL_WORDS["zh-CN"]).format(date=promised_by)


def reason_words(code: str | None, locale: str) -> str:
    """The company's wording of a reschedule's reason code (``other`` when none or unknown)."""
    words = REASON_WORDS.get(str(code) if code is not None else "other", REASON_WORDS["other"])
    return words.get(locale, words["zh-CN"])


@dataclass(frozen=True)
class Placeholder:
    """One ``{...}`` of a template, as written."""

    name: str
    format_spec: str
    conversion: str | None

    @property
    def text(self) -> str:
        conversion = f"!{self.conversion}" if self.conversion else ""
        spec = f":{self.format_spec}" if self.format_spec else ""
        return "{" + self.name + conversion + spec + "}"

    @property
    def plain(self) -> bool:
        """A bare name: no format spec (``{a:>99}``), conversion (``{a!r}``), attribute
        (``{a.b}``), index (``{a[0]}``) or position (``{0}``, ``{}``)."""
        return not self.format_spec and self.conversion is None and self.name.isidentifier()


def _parsed(text: str) -> list[tuple[str, Placeholder | None]]:
    return [
        (literal, None if name is None else Placeholder(name, spec or "", conversion))
        for literal, name, spec, conversion in string.Formatter().parse(text)
    ]


def fields_of(text: str) -> list[Placeholder]:
    try:
        return [f for _, f in _parsed(text) if f is not None]
    except ValueError as exc:
        raise Unprocessable(f"The template is not well formed: {exc}.") from exc


def placeholders_of(text: str) -> list[str]:
    return [f.name for f in fields_of(text)]


def check_template(kind: str, template: Template) -> None:
    """Refuse a template with anything but plain ``{name}`` placeholders, or one naming a
    placeholder its kind has not, naming it."""
    allowed = PLACEHOLDERS[kind]
    for part in (template.subject, template.body):
        fields = fields_of(part)
        fancy = [f for f in fields if not f.plain]
        if fancy:
            raise Unprocessable(
                f"The placeholder {fancy[0].text} is not allowed: a template may use plain "
                "{name} placeholders only (no format spec, conversion, attribute or index)."
            )
        unknown = [f.name for f in fields if f.name not in allowed]
        if unknown:
            raise Unprocessable(
                f"Unknown placeholder {{{unknown[0]}}} for {kind!r}; "
                f"it may use {', '.join('{' + a + '}' for a in allowed)}."
            )


def _fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each placeholder replaced by its fact: a fact the event could not give
    reads as nothing, and whatever else a placeholder says (a format spec, a conversion, an
    attribute or index, in a template stored before they were refused) is ignored."""
    try:
        parts = _parsed(text)
    except ValueError:
        return text  # stored before it was checked: sent as written
    out: list[str] = []
    for literal, f in parts:
        out.append(literal)
        if f is not None and f.name.isidentifier():
            out.append(values.get(f.name, ""))
    return "".join(out)


def render(template: Template, facts: Mapping[str, object]) -> Template:
    values = {k: str(v) for k, v in facts.items()}
    return Template(_fill(template.subject, values), _fill(template.body, values))
