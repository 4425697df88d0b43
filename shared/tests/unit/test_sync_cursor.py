import base64
import uuid

import orjson
import pytest

from aftersales.errors import BadCursor
from aftersales.http.pagination import (
    SYNC_START,
    BadSyncCursor,
    SyncPosition,
    decode_cursor,
    decode_sync_cursor,
    encode_sync_cursor,
    sync_or_page,
)


def test_a_sync_cursor_names_its_list_and_its_position():
    at = SyncPosition(812, uuid.uuid4())
    assert decode_sync_cursor("dispatch.jobs", encode_sync_cursor("dispatch.jobs", at)) == at
    end = SyncPosition(900)
    assert decode_sync_cursor("dispatch.jobs", encode_sync_cursor("dispatch.jobs", end)) == end
    assert decode_sync_cursor("intake.tickets", "") == SYNC_START


def test_a_cursor_of_another_list_is_refused_with_a_422_naming_it():
    jobs = encode_sync_cursor("dispatch.jobs", SyncPosition(5))
    with pytest.raises(BadSyncCursor) as refused:
        decode_sync_cursor("intake.tickets", jobs)
    assert refused.value.status == 422 and "dispatch.jobs" in refused.value.detail


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        "%%%",
        base64.urlsafe_b64encode(orjson.dumps(["sync1", "billing.charges", 5, None])).decode(),
        base64.urlsafe_b64encode(
            orjson.dumps(["sync1", "billing.charges", 5, None]) + bytes(8)
        ).decode(),
    ],
)
def test_a_garbled_or_made_up_cursor_is_a_422(cursor):
    with pytest.raises(BadSyncCursor) as refused:
        decode_sync_cursor("billing.charges", cursor)
    assert refused.value.status == 422


def test_a_changed_position_breaks_the_check():
    raw = orjson.dumps(["sync1", "billing.charges", 5, None])
    good = base64.urlsafe_b64decode(encode_sync_cursor("billing.charges", SyncPosition(5)) + "==")
    moved = raw.replace(b"5", b"4") + good[len(raw) :]
    with pytest.raises(BadSyncCursor):
        decode_sync_cursor("billing.charges", base64.urlsafe_b64encode(moved).decode())


def test_sync_and_list_cursors_do_not_mix():
    sync = encode_sync_cursor("dispatch.jobs", SyncPosition(5))
    with pytest.raises(BadCursor):
        decode_cursor(sync)
    with pytest.raises(BadSyncCursor):
        sync_or_page(sync, "a-list-cursor")
    assert sync_or_page("", None) and not sync_or_page(None, "a-list-cursor")
