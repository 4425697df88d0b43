"""Customers who are businesses (clauses 12-14): who each duty is for, its checklist, its
deadline, and the quarters of the report to management."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftersales.errors import Conflict, NotFound, Unprocessable
from intake.domain.business import (
    CHECKLISTS,
    Duty,
    check_checklist_done,
    check_kind_for_customer,
    check_type,
    new_checklist,
    open_items,
    quarter_bounds,
    tick,
)
from intake.domain.centre import NOT_PHONE_SOLVABLE
from intake.domain.clocks import complete_by, respond_clock
from intake.domain.tickets import KINDS, check_subject, needs_visit
from intake.settings import IntakeSettings
from intake.use_cases.policy import TicketPolicy

T0 = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
DUTIES = ("dealer_onboarding", "promotion_support", "usage_guidance")


def test_a_customer_is_a_consumer_a_dealer_or_direct():
    for value in ("consumer", "dealer", "direct"):
        assert check_type(value) == value
    for value in ("wholesaler", "", None, "Direct"):
        with pytest.raises(Unprocessable):
            check_type(value)


def test_each_duty_is_for_its_customers_and_every_other_kind_for_anyone():
    check_kind_for_customer("usage_guidance", "direct")
    for other in ("consumer", "dealer"):
        with pytest.raises(Unprocessable) as refused:
            check_kind_for_customer("usage_guidance", other)
        assert refused.value.extensions["required_types"] == ["direct"]
    check_kind_for_customer("dealer_onboarding", "dealer")
    for other in ("consumer", "direct"):
        with pytest.raises(Unprocessable):
            check_kind_for_customer("dealer_onboarding", other)
    check_kind_for_customer("promotion_support", "dealer")
    check_kind_for_customer("promotion_support", "direct")
    with pytest.raises(Unprocessable):
        check_kind_for_customer("promotion_support", "consumer")
    for kind in ("repair", "install", "training", "consultation", "parts_order"):
        for customer_type in ("consumer", "dealer", "direct"):
            check_kind_for_customer(kind, customer_type)


def test_the_duties_are_kinds_with_no_visit_no_product_and_the_centres_clock():
    for kind in DUTIES:
        assert kind in KINDS and not needs_visit(kind)
        assert respond_clock(kind) == "intake"
        assert kind in NOT_PHONE_SOLVABLE
        check_subject(kind, has_product=False, category="air_conditioner", topic="a new shop")
        with pytest.raises(Unprocessable):  # without a product: a category and a topic
            check_subject(kind, has_product=False, category="air_conditioner", topic=None)


def test_their_deadlines_are_ten_twenty_and_ten_days_by_default():
    hours = TicketPolicy.from_settings(IntakeSettings()).response.complete_within_hours
    assert complete_by("dealer_onboarding", T0, hours) == T0 + timedelta(days=10)
    assert complete_by("promotion_support", T0, hours) == T0 + timedelta(days=20)
    assert complete_by("usage_guidance", T0, hours) == T0 + timedelta(days=10)
    assert complete_by("training", T0, hours) == T0 + timedelta(hours=744)  # unchanged


def test_a_dealers_checklist_names_its_goods_and_materials():
    dealer = new_checklist("dealer_onboarding")
    assert dealer is not None
    assert [e["item"] for e in dealer] == [
        "goods_shipped",
        "shop_fitting",
        "promotion_materials",
        "manuals",
        "brochures",
        "posters",
    ]
    assert all(e["done_at"] is None and e["done_by"] is None for e in dealer)
    assert set(CHECKLISTS) == set(DUTIES)
    assert new_checklist("repair") is None


def test_an_item_is_ticked_once_by_whom_and_when():
    checklist = new_checklist("usage_guidance")
    ticked = tick(
        "usage_guidance", False, checklist, "guidance_given", actor="agent:li", at=T0, note="2 h"
    )
    assert checklist is not None and checklist[0]["done_at"] is None  # a new list
    assert ticked[0] == {
        "item": "guidance_given",
        "label": ticked[0]["label"],
        "done_at": T0.isoformat(),
        "done_by": "agent:li",
        "note": "2 h",
    }
    assert open_items(ticked) == ["tracking_arranged"]
    with pytest.raises(Conflict):
        tick("usage_guidance", False, ticked, "guidance_given", actor="a", at=T0, note=None)
    with pytest.raises(NotFound):
        tick("usage_guidance", False, ticked, "posters", actor="a", at=T0, note=None)
    with pytest.raises(Conflict):  # a kind with no checklist
        tick("repair", False, None, "guidance_given", actor="a", at=T0, note=None)
    with pytest.raises(Conflict):  # an ended ticket
        tick("usage_guidance", True, ticked, "tracking_arranged", actor="a", at=T0, note=None)


def test_a_duty_ends_only_once_every_item_is_ticked():
    checklist = new_checklist("promotion_support")
    with pytest.raises(Conflict) as refused:
        check_checklist_done("promotion_support", checklist)
    assert refused.value.extensions["open_items"] == [
        "plan_agreed",
        "materials_sent",
        "activity_held",
    ]
    for item in ("plan_agreed", "materials_sent", "activity_held"):
        checklist = tick("promotion_support", False, checklist, item, actor="a", at=T0, note=None)
    check_checklist_done("promotion_support", checklist)
    check_checklist_done("repair", None)  # nothing to tick


def test_a_duty_is_in_time_when_finished_by_its_deadline_and_late_a_second_after():
    due = T0 + timedelta(days=10)
    second = timedelta(seconds=1)
    assert Duty(due, due, False, False).result(due + timedelta(days=5)) == "in_time"
    assert Duty(due, due + second, False, False).result(due + second) == "late"
    assert Duty(due, None, False, False).result(due) == "running"
    assert Duty(due, None, False, False).result(due + second) == "late"
    assert Duty(due, None, False, True).result(due + timedelta(days=3)) == "running"  # paused
    assert Duty(due, None, True, False).result(due + second) == "cancelled"
    assert Duty(None, T0, False, False).result(T0) == "in_time"


def test_a_quarter_runs_in_the_business_time_zone():
    start, end = quarter_bounds("2026-Q4", SHANGHAI)
    assert start == datetime(2026, 10, 1, tzinfo=SHANGHAI)
    assert end == datetime(2027, 1, 1, tzinfo=SHANGHAI)
    assert start.astimezone(UTC) == datetime(2026, 9, 30, 16, tzinfo=UTC)
    assert quarter_bounds("2027-Q1", SHANGHAI) == (
        datetime(2027, 1, 1, tzinfo=SHANGHAI),
        datetime(2027, 4, 1, tzinfo=SHANGHAI),
    )
    for bad in ("2026-Q5", "2026-Q0", "2026Q1", "abcd-Q1", "0000-Q1", "2026-Q1x"):
        with pytest.raises(Unprocessable):
            quarter_bounds(bad, SHANGHAI)
