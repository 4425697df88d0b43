import uuid
from datetime import UTC, datetime

import pytest
from starlette.requests import Request

from aftersales.errors import BadCursor, PreconditionFailed, PreconditionRequired
from aftersales.http.etag import check_version, etag_of, expected_version
from aftersales.http.middleware import child_traceparent
from aftersales.http.pagination import decode_cursor, encode_cursor


def request_with(headers):
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "headers": raw, "method": "PATCH", "path": "/"})


def test_cursor_round_trip_and_tamper():
    at, row_id = datetime(2026, 5, 1, 12, 0, tzinfo=UTC), uuid.uuid4()
    assert decode_cursor(encode_cursor(at, row_id)) == (at, row_id)
    with pytest.raises(BadCursor):
        decode_cursor("definitely-not-a-cursor")


def test_if_match_required_missing_mismatch_and_match():
    with pytest.raises(PreconditionRequired):
        expected_version(request_with({}), required=True)
    assert expected_version(request_with({}), required=False) is None
    assert expected_version(request_with({"If-Match": etag_of(3)})) == 3
    assert expected_version(request_with({"If-Match": 'W/"3"'})) == 3
    with pytest.raises(PreconditionFailed):
        check_version(2, current=3)
    check_version(3, current=3)
    with pytest.raises(PreconditionFailed):
        expected_version(request_with({"If-Match": '"abc"'}))


def test_traceparent_keeps_the_trace_and_starts_a_span():
    parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    child = child_traceparent(parent)
    assert child.split("-")[1] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert child.split("-")[2] != "00f067aa0ba902b7"
    fresh = child_traceparent("garbage")
    assert len(fresh.split("-")[1]) == 32
