"""The rules of customer messages: quiet hours, urgency, and what a template may name."""

from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from intake.domain.notifications import (
    DEFAULTS,
    KINDS,
    LOCALES,
    QuietHours,
    Template,
    check_template,
    is_urgent,
    render,
)

NIGHT = QuietHours.parse("21:00-08:00", "Asia/Shanghai")


def shanghai(hour, minute=0, day=6):
    return datetime(2030, 5, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


@pytest.mark.parametrize(
    ("at", "quiet"),
    [
        (shanghai(20, 59), False),
        (shanghai(21, 0), True),
        (shanghai(23, 30), True),
        (shanghai(3, 0), True),
        (shanghai(7, 59), True),
        (shanghai(8, 0), False),
        (shanghai(12, 0), False),
    ],
)
def test_quiet_hours_run_across_midnight(at, quiet):
    assert NIGHT.quiet(at) is quiet


def test_a_routine_message_in_the_quiet_hours_waits_for_the_morning():
    assert NIGHT.send_at(shanghai(22, 15)) == shanghai(8, 0, day=7)
    assert NIGHT.send_at(shanghai(6, 0)) == shanghai(8, 0)
    assert NIGHT.send_at(shanghai(9, 0)) == shanghai(9, 0)
    assert not QuietHours.parse("00:00-00:00", "Asia/Shanghai").quiet(shanghai(3, 0))


def test_urgent_is_a_late_shipment_or_an_appointment_change_within_two_hours():
    now = datetime(2030, 5, 6, tzinfo=UTC)
    assert is_urgent("parts_late", now)
    assert is_urgent("rescheduled", now, now + timedelta(hours=5), now + timedelta(hours=2))
    assert is_urgent("rescheduled", now, now + timedelta(minutes=90), now + timedelta(days=1))
    assert not is_urgent("rescheduled", now, None, now + timedelta(hours=2, minutes=1))
    assert not is_urgent("booked", now, now + timedelta(minutes=10))


def test_every_default_wording_names_only_its_kinds_placeholders():
    for kind in KINDS:
        for locale in LOCALES:
            check_template(kind, DEFAULTS[(kind, locale)])


def test_an_unknown_placeholder_is_refused_by_name():
    with pytest.raises(Unprocessable, match=r"\{eta\}"):
        check_template("en_route", Template("On the way", "Arriving at {eta}"))
    with pytest.raises(Unprocessable, match="not well formed"):
        check_template("en_route", Template("On the way {", "x"))


def test_a_missing_fact_reads_as_nothing():
    assert render(Template("{ticket_number}", "by {window_end}."), {"ticket_number": "T-1"}) == (
        Template("T-1", "by .")
    )
