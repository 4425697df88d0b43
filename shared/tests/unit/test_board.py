"""What every board says alike: the buckets, region filters, the next_due cursor and the
``sort=next_due`` checks (``aftersales.board``, ``aftersales.http.board``)."""

import base64
import uuid
from datetime import UTC, datetime, timedelta

import orjson
import pytest

from aftersales.board import NextClock, bucket, buckets, region_of, region_prefix
from aftersales.errors import BadCursor, Unprocessable
from aftersales.http.board import NO_DUE, by_next_due, decode_due_cursor, encode_due_cursor
from aftersales.http.pagination import encode_cursor

T0 = datetime(2027, 2, 3, 9, 0, tzinfo=UTC)
ROW = uuid.UUID("0b8f7c52-6a1e-4c3d-9f10-2a4b5c6d7e8f")


def test_every_board_has_its_clocks_buckets_then_the_same_three():
    assert buckets(("answer", "arrival")) == (
        "answer_due",
        "arrival_due",
        "breached",
        "paused",
        "no_clock",
    )


def test_a_running_clock_is_due_until_its_time_has_passed_even_in_a_pause():
    upcoming = NextClock("accept", T0)
    assert bucket(upcoming, paused=False, now=T0) == "accept_due"
    assert bucket(upcoming, paused=True, now=T0) == "accept_due"
    assert bucket(upcoming, paused=False, now=T0 + timedelta(seconds=1)) == "breached"


def test_with_no_clock_running_an_item_is_paused_or_has_no_clock():
    assert bucket(None, paused=True, now=T0) == "paused"
    assert bucket(None, paused=False, now=T0) == "no_clock"


@pytest.mark.parametrize(
    ("code", "prefix"),
    [("31", "31"), ("3101", "3101"), ("310115", "310115"), ("310000", "31"), ("310100", "3101")],
)
def test_a_region_filter_is_a_province_a_city_or_a_district(code, prefix):
    assert region_prefix(code) == prefix
    assert region_of(code) == prefix


@pytest.mark.parametrize("code", ["3", "310", "31011", "3101150", "31a1", ""])
def test_a_region_that_is_no_code_is_refused(code):
    with pytest.raises(Unprocessable, match="administrative region code"):
        region_prefix(code)


def test_no_region_filters_nothing():
    assert region_of(None) is None


def test_a_next_due_cursor_names_the_due_time_and_the_row():
    assert decode_due_cursor(encode_due_cursor(T0, ROW)) == (T0, ROW)


def test_a_row_with_no_clock_sorts_after_every_due_time():
    assert decode_due_cursor(encode_due_cursor(None, ROW)) == (NO_DUE, ROW)


@pytest.mark.parametrize(
    "cursor",
    [
        encode_cursor(T0, ROW),  # the cursor of the list's other order
        base64.urlsafe_b64encode(orjson.dumps(["other", T0.isoformat(), str(ROW)])).decode(),
        "not-a-cursor",
        "",
    ],
)
def test_a_cursor_of_another_order_or_none_at_all_is_refused(cursor):
    with pytest.raises(BadCursor, match="in the order sort=next_due"):
        decode_due_cursor(cursor)


def test_the_default_order_is_not_the_next_due_time_and_takes_any_filter():
    assert not by_next_due(
        "updated_at", status="closed", since="x", ended={"closed"}, noun="ticket"
    )
    assert not by_next_due("updated_at", status=None, since=None, ended=(), noun="ticket")


def test_the_next_due_order_lists_open_items_and_is_no_sync():
    assert by_next_due("next_due", status="open", since=None, ended={"closed"}, noun="ticket")
    assert by_next_due("next_due", status=None, since=None, ended={"closed"}, noun="ticket")
    with pytest.raises(Unprocessable, match="a closed ticket has no clock") as refused:
        by_next_due("next_due", status="closed", since=None, ended={"closed"}, noun="ticket")
    assert refused.value.extensions == {"status": "closed"}
    with pytest.raises(Unprocessable, match="since follows the commit order"):
        by_next_due("next_due", status=None, since="", ended=(), noun="job")
