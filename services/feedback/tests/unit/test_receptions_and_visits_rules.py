"""Clause 7 (a visitor's host, and the fine a substantiated reception complaint brings) and
clause 8 (a planned visit is late from the day after its due day), at their boundaries."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from feedback.domain.care import first_tracking_visit, is_late, next_due
from feedback.domain.receptions import (
    check_host,
    check_reception_complaint,
    check_stay,
    every_arrangement,
    fine_due,
)
from feedback.settings import FeedbackSettings
from feedback.use_cases.policy import FeedbackPolicy

ARRIVES = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
CUSTOMER, HOST = uuid.uuid4(), uuid.uuid4()


def test_a_stay_departs_after_it_arrives():
    check_stay(ARRIVES, ARRIVES + timedelta(minutes=1))
    for departs in (ARRIVES, ARRIVES - timedelta(seconds=1)):
        with pytest.raises(Unprocessable):
            check_stay(ARRIVES, departs)


def test_the_host_is_a_registered_active_service_person():
    check_host(HOST, registered=True, active=True)
    with pytest.raises(Unprocessable, match="not on the staff register"):
        check_host(HOST, registered=False, active=False)
    with pytest.raises(Unprocessable, match="no longer active"):
        check_host(HOST, registered=True, active=False)
    assert every_arrangement() == ["lodging", "appointments", "return_ticket"]


def _check(**overrides):
    values = dict(
        ticket_kind="complaint",
        ticket_customer_id=CUSTOMER,
        reception_customer_id=CUSTOMER,
        host_staff_id=HOST,
        staff_named=None,
        technician_named=None,
    )
    check_reception_complaint(**{**values, **overrides})


def test_a_reception_complaint_is_on_the_visitors_complaint_ticket_and_about_the_host():
    _check()
    _check(staff_named=HOST)
    for bad in (
        {"ticket_kind": "repair"},
        {"ticket_kind": None},
        {"ticket_customer_id": uuid.uuid4()},
        {"staff_named": uuid.uuid4()},
        {"technician_named": uuid.uuid4()},
    ):
        with pytest.raises(Unprocessable):
            _check(**bad)


def test_only_a_substantiated_reception_complaint_fines_and_only_a_positive_amount():
    reception = uuid.uuid4()
    assert fine_due(substantiated=True, reception_id=reception, amount=1)
    assert not fine_due(substantiated=False, reception_id=reception, amount=50_000)
    assert not fine_due(substantiated=True, reception_id=None, amount=50_000)
    assert not fine_due(substantiated=True, reception_id=reception, amount=0)


def test_the_reception_penalty_is_a_setting_in_fen_never_negative(monkeypatch):
    assert FeedbackPolicy.from_settings(FeedbackSettings()).reception_penalty == 50_000
    monkeypatch.setenv("FEEDBACK_RECEPTION_PENALTY", "30000")
    assert FeedbackPolicy.from_settings(FeedbackSettings()).reception_penalty == 30_000
    monkeypatch.setenv("FEEDBACK_RECEPTION_PENALTY", "-1")
    with pytest.raises(ValueError):
        FeedbackSettings()


def test_a_planned_visit_is_late_from_the_day_after_its_due_day():
    due = date(2026, 3, 31)
    assert not is_late(due, due - timedelta(days=1))
    assert not is_late(due, due)
    assert is_late(due, due + timedelta(days=1))


def test_usage_tracking_is_monthly_from_the_day_feedback_learns_of_a_direct_customer():
    assert first_tracking_visit(date(2026, 1, 31)) == date(2026, 2, 28)
    assert first_tracking_visit(date(2026, 5, 10)) == date(2026, 6, 10)
    assert next_due(date(2026, 6, 10), "ordinary") == date(2026, 7, 10)
