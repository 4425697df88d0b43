from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest

from aftersales.errors import Conflict, Forbidden, Unprocessable
from dispatch.domain.jobs import (
    REPORTS,
    JobStatus,
    check_can_assign,
    check_can_decide_offer,
    check_report,
    check_report_time,
    check_reporter,
    minutes_late,
    reported_late_by,
    routing_category,
)

ALL_STATUSES = get_args(JobStatus)

LEGAL = {
    ("scheduled", "en_route"): "en_route",
    ("en_route", "on_site"): "on_site",
    ("on_site", "awaiting_parts"): "awaiting_parts",
    ("on_site", "resolved_on_site"): "completed",
    ("on_site", "taken_to_workshop"): "in_workshop",
    ("in_workshop", "repaired"): "repaired",
    ("repaired", "inspected"): "inspected",
    ("inspected", "returned"): "completed",
}


@pytest.mark.parametrize("status", ALL_STATUSES)
@pytest.mark.parametrize("report", sorted(REPORTS))
def test_every_report_is_legal_only_from_its_one_source_status(status, report):
    if (status, report) in LEGAL:
        rule = check_report(status, report, role="admin", signed=True)
        assert rule.target == LEGAL[(status, report)]
    else:
        with pytest.raises(Conflict) as err:
            check_report(status, report, role="admin", signed=True)
        assert err.value.status == 409
        assert err.value.extensions["job_status"] == status


@pytest.mark.parametrize("report", ["resolved_on_site", "returned"])
def test_resolution_on_site_and_return_need_the_customers_signature(report):
    source = REPORTS[report].source
    with pytest.raises(Unprocessable, match="signature"):
        check_report(source, report, role="technician", signed=False)


@pytest.mark.parametrize("role", ["technician", "agent", "crm", "app", "finance"])
def test_only_the_supervisor_side_may_report_the_inspection(role):
    """Neither the technician who repaired it nor an agent of the centre signs it off."""
    # Refused whatever the job's state: the role may never make this report.
    for status in ("repaired", "in_workshop", "completed"):
        with pytest.raises(Forbidden, match="supervisor"):
            check_report(status, "inspected", role=role, signed=False)
    with pytest.raises(Forbidden):
        check_reporter("inspected", role)


@pytest.mark.parametrize("role", ["point", "admin"])
def test_the_point_or_an_admin_signs_off_the_inspection(role):
    assert check_report("repaired", "inspected", role=role, signed=False).target == "inspected"
    with pytest.raises(Conflict):  # still only from repaired
        check_report("in_workshop", "inspected", role=role, signed=False)


@pytest.mark.parametrize("report", sorted(set(REPORTS) - {"inspected"}))
def test_every_other_report_is_open_to_the_centre_and_the_technician(report):
    for role in ("technician", "agent", "point", "admin"):
        assert check_reporter(report, role) is REPORTS[report]


def test_a_job_routes_by_the_tickets_category_else_its_products():
    assert routing_category("sales_training", "washing_machine") == "sales_training"
    assert routing_category(None, "washing_machine") == "washing_machine"
    assert routing_category("fridge", None) == "fridge"
    with pytest.raises(Unprocessable, match="neither a product nor a category"):
        routing_category(None, None)
    with pytest.raises(Unprocessable):
        routing_category("", None)


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_only_an_offered_job_can_be_accepted_or_rejected(status):
    if status == "offered":
        check_can_decide_offer(status, "accepted")
    else:
        with pytest.raises(Conflict):
            check_can_decide_offer(status, "accepted")


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_only_an_accepted_or_scheduled_job_can_be_booked(status):
    if status in ("accepted", "scheduled"):
        assert check_can_assign(status) is (status == "scheduled")
    else:
        with pytest.raises(Conflict):
            check_can_assign(status)


NOW = datetime(2026, 7, 15, 10, 0, tzinfo=UTC)
SKEW = timedelta(minutes=5)


def test_a_report_may_be_late_but_not_from_the_future_nor_before_the_offer_nor_the_last_one():
    offered = NOW - timedelta(days=1)

    def check(at, last_at=None):
        check_report_time(at, offered_at=offered, last_at=last_at, now=NOW, max_skew=SKEW)

    check(NOW - timedelta(hours=6))  # a phone offline for six hours
    check(NOW + timedelta(minutes=4))  # within the clock skew
    check(offered)
    with pytest.raises(Unprocessable, match="future"):
        check(NOW + timedelta(minutes=6))
    with pytest.raises(Unprocessable, match="before the job was offered"):
        check(offered - timedelta(seconds=1))
    with pytest.raises(Unprocessable, match="before the job was offered"):
        check(NOW - timedelta(days=90))  # months back, on a rework: refused
    with pytest.raises(Unprocessable, match="earlier"):
        check(NOW - timedelta(hours=2), last_at=NOW - timedelta(hours=1))


def test_how_late_a_report_reached_dispatch():
    assert reported_late_by(NOW - timedelta(minutes=90), NOW) == timedelta(minutes=90)
    assert reported_late_by(NOW + timedelta(minutes=2), NOW) == timedelta(0)  # clock skew
    assert reported_late_by(None, NOW) == timedelta(0)


def test_lateness_counts_started_minutes_after_the_window_closed():
    end = NOW
    assert minutes_late(end, end) == 0
    assert minutes_late(end, end - timedelta(hours=1)) == 0
    assert minutes_late(end, end + timedelta(seconds=1)) == 1
    assert minutes_late(end, end + timedelta(minutes=90)) == 90
    assert minutes_late(None, end) == 0
