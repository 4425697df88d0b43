"""The slot agreed with the customer: a booking lies inside it, and only a reschedule the
customer asked for leaves it; a window agreed after the booking unbooks what lies outside."""

from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from dispatch.domain.scheduling import CustomerWindow, check_window, window_agreed_later

NOW = datetime(2026, 7, 15, 2, 0, tzinfo=UTC)
AGREED = CustomerWindow(NOW + timedelta(hours=2), NOW + timedelta(hours=6), agreed=True)
PREFERRED = CustomerWindow(AGREED.start, AGREED.end)
H = timedelta(hours=1)


@pytest.mark.parametrize("window", [AGREED, PREFERRED])
def test_a_booking_inside_the_window_edges_included_stands(window):
    assert check_window(window.start, window.end, now=NOW, preferred=window) is False
    assert check_window(window.start + H, window.end - H, now=NOW, preferred=window) is False


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (AGREED.start - timedelta(minutes=1), AGREED.start + H),  # a minute early
        (AGREED.end - H, AGREED.end + timedelta(minutes=1)),  # a minute late
        (AGREED.end + H, AGREED.end + 2 * H),  # after it
    ],
)
def test_a_booking_outside_the_agreed_window_is_refused_naming_it(start, end):
    with pytest.raises(Unprocessable, match="agreed with the customer") as err:
        check_window(start, end, now=NOW, preferred=AGREED)
    named = {"start": AGREED.start.isoformat(), "end": AGREED.end.isoformat()}
    assert err.value.extensions["agreed_window"] == named
    assert AGREED.start.isoformat() in err.value.detail


def test_a_preferred_window_not_agreed_is_named_as_preferred():
    with pytest.raises(Unprocessable, match="preferred window") as err:
        check_window(AGREED.end, AGREED.end + H, now=NOW, preferred=PREFERRED)
    assert "agreed_window" not in err.value.extensions


@pytest.mark.parametrize("window", [AGREED, PREFERRED])
def test_only_a_reschedule_the_customer_asked_for_may_leave_the_window(window):
    later = (window.end + H, window.end + 3 * H)
    assert check_window(*later, now=NOW, preferred=window, customer_request=True) is True
    # and it is still a well-formed appointment in the future
    with pytest.raises(Unprocessable, match="past"):
        check_window(NOW - 2 * H, NOW - H, now=NOW, preferred=window, customer_request=True)


def test_without_a_window_any_time_may_be_booked():
    assert check_window(NOW + 30 * H, NOW + 31 * H, now=NOW, preferred=None) is False


def test_a_window_agreed_later_unbooks_only_a_booking_outside_it_before_departure():
    inside = (AGREED.start, AGREED.start + H)
    outside = (AGREED.end, AGREED.end + H)
    assert window_agreed_later("scheduled", AGREED, inside) == "keep"
    assert window_agreed_later("scheduled", AGREED, outside) == "unbook"
    for waiting in ("unrouted", "offered", "accepted"):
        assert window_agreed_later(waiting, AGREED, None) == "keep"
    for gone in ("en_route", "on_site", "awaiting_parts", "in_workshop", "repaired"):
        assert window_agreed_later(gone, AGREED, outside) == "too_late"
    for over in ("completed", "cancelled"):
        assert window_agreed_later(over, AGREED, outside) == "closed"
