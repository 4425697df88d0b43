"""The rules of customer messages: quiet hours, urgency, the words a reason is told in, and
what a template may name."""

from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from intake.notifications.domain.quiet_hours import QuietHours, is_urgent
from intake.notifications.domain.templates import (
    DEFAULTS,
    KINDS,
    LOCALES,
    REASON_CODES,
    REASON_WORDS,
    Template,
    check_template,
    reason_words,
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


def test_the_night_a_moment_falls_in_began_at_the_start_of_the_quiet_hours():
    assert NIGHT.night_start(shanghai(22, 15)) == shanghai(21, 0)
    assert NIGHT.night_start(shanghai(3, 0, day=7)) == shanghai(21, 0, day=6)
    assert NIGHT.night_start(shanghai(21, 0)) == shanghai(21, 0)
    assert NIGHT.night_start(shanghai(12, 0)) is None
    early = QuietHours.parse("01:00-05:00", "Asia/Shanghai")
    assert early.night_start(shanghai(4, 0)) == shanghai(1, 0)
    assert early.night_start(shanghai(6, 0)) is None


@pytest.mark.parametrize("code", REASON_CODES)
def test_every_reason_code_has_the_companys_words_in_every_locale(code):
    for locale in LOCALES:
        words = reason_words(code, locale)
        assert words and words == REASON_WORDS[code][locale]
    assert reason_words(code, "zh-CN") != reason_words(code, "en")


def test_no_code_or_a_code_this_version_does_not_know_reads_as_other():
    assert reason_words(None, "en") == REASON_WORDS["other"]["en"]
    assert reason_words("volcano", "zh-CN") == REASON_WORDS["other"]["zh-CN"]


@pytest.mark.parametrize(
    "placeholder",
    [
        "{customer_name:>2000000000}",
        "{customer_name!r}",
        "{customer_name!s:^9}",
        "{customer_name.__class__}",
        "{customer_name[0]}",
        "{0}",
        "{}",
    ],
)
def test_only_plain_placeholders_are_allowed_and_the_other_is_named(placeholder):
    with pytest.raises(Unprocessable, match="plain") as refused:
        check_template("done", Template("Done", f"Dear {placeholder}"))
    assert placeholder in str(refused.value.detail)
    with pytest.raises(Unprocessable, match="plain"):
        check_template("done", Template(f"Done {placeholder}", "x"))


def test_a_template_stored_before_the_check_renders_its_placeholders_plain():
    stored = Template(
        "{ticket_number!r}", "{customer_name:>2000000000} {customer_name.upper} {0} {{x}}"
    )
    out = render(stored, {"customer_name": "Li", "ticket_number": "T-1"})
    assert out == Template("T-1", "Li   {x}")
    assert render(Template("a {", "b }"), {}) == Template("a {", "b }")


def test_the_codes_with_words_are_the_codes_dispatch_publishes():
    from aftersales.events import dispatch
    from aftersales.events.base import values_of

    assert values_of(dispatch.RescheduleReason) == set(REASON_CODES) == set(REASON_WORDS)
