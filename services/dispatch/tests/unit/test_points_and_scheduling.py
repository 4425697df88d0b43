import base64
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftersales.errors import Conflict, Forbidden, Unprocessable
from dispatch.domain.points import (
    CapacityOverride,
    business_day,
    capacity_on,
    check_may_remove_override,
    check_may_set_capacity,
    check_override,
    grade_is_newer,
)
from dispatch.domain.rework import plan_rework
from dispatch.domain.scheduling import (
    TechnicianFacts,
    check_capacity,
    check_technician,
    check_window,
    reschedule_reason,
)
from dispatch.domain.signatures import parse_signature

SUMMER = CapacityOverride(uuid.uuid4(), date(2026, 7, 1), date(2026, 8, 31), 30)


def test_the_capacity_of_a_day_comes_from_an_override_covering_it_inclusive():
    assert capacity_on(date(2026, 6, 30), 10, [SUMMER]) == 10
    assert capacity_on(date(2026, 7, 1), 10, [SUMMER]) == 30
    assert capacity_on(date(2026, 8, 31), 10, [SUMMER]) == 30
    assert capacity_on(date(2026, 9, 1), 10, [SUMMER]) == 10


def test_overlapping_overrides_are_refused_and_touching_ones_allowed():
    check_override(date(2026, 9, 1), date(2026, 9, 7), [SUMMER])
    check_override(date(2026, 6, 1), date(2026, 6, 30), [SUMMER])
    with pytest.raises(Conflict):
        check_override(date(2026, 8, 31), date(2026, 9, 7), [SUMMER])
    with pytest.raises(Unprocessable):
        check_override(date(2026, 9, 7), date(2026, 9, 1), [])
    with pytest.raises(Unprocessable):
        check_override(date(2026, 1, 1), date(2027, 1, 2), [])


def test_a_day_is_counted_at_the_networks_local_time():
    tz = ZoneInfo("Asia/Shanghai")
    assert business_day(datetime(2026, 7, 14, 16, 30, tzinfo=UTC), tz) == date(2026, 7, 15)
    assert business_day(datetime(2026, 7, 14, 15, 59, tzinfo=UTC), tz) == date(2026, 7, 14)


def test_a_grade_is_replaced_only_by_one_for_the_same_or_a_later_month():
    assert grade_is_newer(None, "2026-06")
    assert grade_is_newer("2026-06", "2026-06")
    assert grade_is_newer("2026-06", "2026-07")
    assert not grade_is_newer("2026-07", "2026-06")


NOW = datetime(2026, 7, 15, 8, 0, tzinfo=UTC)


def test_an_appointment_must_fit_the_customers_preferred_window():
    pref = (NOW + timedelta(hours=2), NOW + timedelta(hours=6))
    check_window(pref[0], pref[1], now=NOW, preferred=pref)
    check_window(
        pref[0] + timedelta(hours=1), pref[1] - timedelta(hours=1), now=NOW, preferred=pref
    )
    with pytest.raises(Unprocessable, match="preferred"):
        check_window(pref[0] - timedelta(minutes=1), pref[1], now=NOW, preferred=pref)
    with pytest.raises(Unprocessable, match="preferred"):
        check_window(pref[0], pref[1] + timedelta(minutes=1), now=NOW, preferred=pref)


def test_an_appointment_ends_after_it_starts_lies_ahead_and_is_not_too_long():
    with pytest.raises(Unprocessable, match="end after"):
        check_window(NOW + timedelta(hours=2), NOW + timedelta(hours=2), now=NOW, preferred=None)
    with pytest.raises(Unprocessable, match="past"):
        check_window(NOW - timedelta(hours=3), NOW - timedelta(hours=1), now=NOW, preferred=None)
    with pytest.raises(Unprocessable, match="at most"):
        check_window(NOW + timedelta(hours=1), NOW + timedelta(hours=14), now=NOW, preferred=None)


def test_the_technician_must_be_of_the_point_active_skilled_and_not_the_one_complained_about():
    point = uuid.uuid4()
    tech = TechnicianFacts(uuid.uuid4(), point, "active", ("air_conditioner",))
    check_technician(tech, point_id=point, category="air_conditioner", avoid=None)
    with pytest.raises(Unprocessable, match="belong"):
        check_technician(tech, point_id=uuid.uuid4(), category="air_conditioner", avoid=None)
    with pytest.raises(Unprocessable, match="skilled"):
        check_technician(tech, point_id=point, category="fridge", avoid=None)
    with pytest.raises(Unprocessable, match="dismissed"):
        dismissed = TechnicianFacts(tech.id, point, "dismissed", tech.skills)
        check_technician(dismissed, point_id=point, category="air_conditioner", avoid=None)
    with pytest.raises(Unprocessable, match="another technician"):
        check_technician(tech, point_id=point, category="air_conditioner", avoid=tech.id)


def test_capacity_counts_booked_jobs_of_the_day_and_a_reschedule_needs_a_reason():
    check_capacity(9, 10, date(2026, 7, 15))
    with pytest.raises(Conflict, match="fully booked"):
        check_capacity(10, 10, date(2026, 7, 15))
    assert reschedule_reason(False, None, None) is None  # a first booking
    with pytest.raises(Unprocessable, match="reason_code"):
        reschedule_reason(True, None, None)
    assert reschedule_reason(True, "weather", None) == "weather"
    assert reschedule_reason(True, None, "the van broke down") == "other"


@pytest.mark.parametrize(
    ("reason", "same_point", "other_technician"),
    [
        ("unsatisfied", True, False),
        ("not_fixed_first_visit", True, False),
        ("complaint", True, False),
        ("bad_attitude", True, True),
        ("not_fixed_repeat", False, False),
    ],
)
def test_rework_goes_back_to_the_point_unless_several_visits_failed(
    reason, same_point, other_technician
):
    plan = plan_rework(reason)
    assert plan.same_point is same_point
    assert plan.avoid_previous_point is (not same_point)
    assert plan.avoid_previous_technician is other_technician


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_signature_is_a_small_image_or_a_reference():
    sig = parse_signature(base64.b64encode(PNG).decode(), None, max_bytes=1024)
    assert sig.content_type == "image/png" and sig.image == PNG
    assert parse_signature(None, "s3://sigs/1.png", max_bytes=1024).reference == "s3://sigs/1.png"
    with pytest.raises(Unprocessable, match="not both"):
        parse_signature(base64.b64encode(PNG).decode(), "ref", max_bytes=1024)
    with pytest.raises(Unprocessable, match="not both or neither"):
        parse_signature(None, None, max_bytes=1024)
    with pytest.raises(Unprocessable, match="larger"):
        parse_signature(base64.b64encode(PNG + b"\x00" * 2000).decode(), None, max_bytes=1024)
    with pytest.raises(Unprocessable, match="base64"):
        parse_signature("not base64!", None, max_bytes=1024)
    with pytest.raises(Unprocessable, match="PNG, JPEG or WebP"):
        parse_signature(base64.b64encode(b"GIF89a" + b"\x00" * 10).decode(), None, max_bytes=1024)


def test_a_point_may_lower_its_capacity_not_raise_it_and_the_operator_may_set_any():
    check_may_set_capacity(0, 10, by="point")
    check_may_set_capacity(10, 10, by="point")
    check_may_set_capacity(10_000, 10, by="operator")
    with pytest.raises(Forbidden, match=r"\(10\)"):
        check_may_set_capacity(11, 10, by="point")


def test_a_point_removes_only_the_overrides_it_made():
    check_may_remove_override("point", by="point")
    check_may_remove_override("point", by="operator")
    check_may_remove_override("operator", by="operator")
    with pytest.raises(Forbidden):
        check_may_remove_override("operator", by="point")
