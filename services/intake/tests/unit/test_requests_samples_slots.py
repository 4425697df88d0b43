"""The rules of issue 30 in intake, at their boundaries: what a ticket without a product names,
a sample's arrival and result, the agreed slot, the centre's rates, and what the customer is
told of a sample's result and a promised delivery."""

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import dispatch, intake
from intake.domain.catalogue import CategoryOffer, respond_by
from intake.domain.centre import CentreCounts, rate
from intake.domain.clocks import PauseState, check_can_resume
from intake.domain.event_catalogue import OLDER
from intake.domain.lifecycle import check_can_agree_window
from intake.domain.samples import check_can_receive_sample, check_sample_arrived
from intake.domain.tickets import (
    ResponsePolicy,
    check_category,
    check_order,
    check_preferred_window,
    check_subject,
    window_agreed,
)
from intake.notifications.domain.templates import arrival_words
from intake.notifications.use_cases.triggers import TRIGGERS

T0 = datetime(2026, 7, 1, 2, 0, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize("kind", ["training", "sample_test"])
def test_a_training_or_sample_without_a_product_names_its_category_and_topic(kind):
    check_subject(kind, has_product=False, category="air_conditioner", topic="selling it")
    check_subject(kind, has_product=True, category=None, topic=None)
    for category, topic in ((None, "t"), ("c", None), ("", "t"), (None, None)):
        with pytest.raises(Unprocessable):
            check_subject(kind, has_product=False, category=category, topic=topic)


@pytest.mark.parametrize("kind", ["repair", "install", "consultation", "complaint"])
def test_every_other_kind_still_needs_its_product(kind):
    with pytest.raises(Unprocessable, match="needs product_id"):
        check_subject(kind, has_product=False, category="air_conditioner", topic="x")


def test_a_parts_order_names_lines_and_nothing_else():
    check_subject("parts_order", has_product=False, category=None, topic=None)
    check_order("parts_order", [("FILTER-1", 1)])
    with pytest.raises(Unprocessable):
        check_subject("parts_order", has_product=False, category="tv", topic=None)
    with pytest.raises(Unprocessable):
        check_order("training", [("FILTER-1", 1)])


def test_a_named_category_must_be_the_products():
    check_category("tv", None)
    check_category("tv", "tv")
    with pytest.raises(Unprocessable):
        check_category("tv", "air_conditioner")


def test_a_sample_tests_answer_is_its_result_due_with_it():
    complete = T0 + timedelta(hours=24)
    policy = ResponsePolicy()
    assert respond_by(None, "sample_test", T0, policy, complete) == complete
    assert respond_by(None, "consultation", T0, policy, complete) == T0 + timedelta(hours=4)
    assert respond_by(None, "sample_test", T0, policy, None) == T0 + timedelta(hours=4)
    offer = CategoryOffer("water", frozenset({"sample_test"}), {"sample_test": 12})
    assert respond_by(offer, "sample_test", T0, policy, complete) == T0 + timedelta(hours=12)


def _receive(received_at, *, kind="sample_test", status="open", already=None, now=None):
    check_can_receive_sample(
        kind, status, already, received_at=received_at, opened_at=T0, now=now or T0 + timedelta(1)
    )


def test_a_sample_arrives_between_the_opening_and_now():
    now = T0 + timedelta(days=1)
    _receive(T0)
    _receive(now, now=now)
    for bad in (T0 - timedelta(microseconds=1), now + timedelta(microseconds=1)):
        with pytest.raises(Unprocessable):
            _receive(bad, now=now)
    with pytest.raises(Unprocessable):
        _receive(datetime(2026, 7, 1, 12, 0))  # no timezone


def test_a_sample_arrives_once_on_a_running_sample_test():
    with pytest.raises(Conflict):
        _receive(T0, kind="consultation")
    with pytest.raises(Conflict):
        _receive(T0, status="cancelled")
    with pytest.raises(Conflict):
        _receive(T0, already=T0)


def test_no_result_before_the_sample_and_no_plain_resume_of_the_wait():
    with pytest.raises(Unprocessable, match="sample"):
        check_sample_arrived("sample_test", None)
    check_sample_arrived("sample_test", T0)
    check_sample_arrived("consultation", None)
    with pytest.raises(Conflict, match="sample-received"):
        check_can_resume(PauseState("open", T0, "awaiting_sample"))
    check_can_resume(PauseState("open", T0, "awaiting_customer"))


def test_a_visits_slot_is_agreed_when_it_has_one_and_no_visit_has_none():
    assert window_agreed("repair", False) is False
    assert window_agreed("training", True) is True
    assert window_agreed("consultation", True) is None
    assert window_agreed("parts_order", False) is None


@pytest.mark.parametrize("status", ["open", "dispatched", "scheduled", "reopened"])
def test_a_slot_is_agreed_until_the_technician_leaves(status):
    check_can_agree_window("repair", status, visit=True)


@pytest.mark.parametrize("status", ["in_progress", "completed", "closed", "cancelled"])
def test_a_slot_on_an_ended_or_started_visit_is_refused(status):
    with pytest.raises(Conflict):
        check_can_agree_window("repair", status, visit=True)


def test_a_ticket_with_no_visit_has_no_slot_and_a_slot_ends_after_it_starts():
    with pytest.raises(Conflict):
        check_can_agree_window("consultation", "open", visit=False)
    start = T0 + timedelta(days=1)
    check_preferred_window(start, start + timedelta(hours=2), T0, name="window")
    with pytest.raises(Unprocessable, match=r"window\.start must be before window\.end"):
        check_preferred_window(start, start - timedelta(minutes=1), T0, name="window")
    with pytest.raises(Unprocessable):
        check_preferred_window(start, start, T0, name="window")


def test_rates_are_shares_to_four_places_and_none_of_nothing():
    assert rate(0, 0) is None
    assert rate(1, 3) == 0.3333 and rate(2, 3) == 0.6667 and rate(4, 4) == 1.0
    counts = CentreCounts(answers_due=4, answered_in_time=3, phone_solvable=0)
    assert counts.answer_rate == 0.75 and counts.solved_on_phone_rate is None


def _responded(kind, resolved):
    return intake.TicketResponded(
        ticket_id=uuid.uuid4(),
        summary="Hardness 120 mg/L",
        resolved=resolved,
        responded_at=T0,
        in_time=True,
        kind=kind,
    )


def test_only_a_sample_tests_resolved_answer_tells_the_customer_its_result():
    tell = TRIGGERS[intake.TicketResponded.SUBJECT]
    trigger = tell(_responded("sample_test", True), SHANGHAI)
    assert trigger is not None and trigger.kind == "sample_result"
    assert trigger.facts["result"] == "Hardness 120 mg/L"
    assert tell(_responded("sample_test", False), SHANGHAI) is None
    assert tell(_responded("consultation", True), SHANGHAI) is None
    assert tell(_responded(None, True), SHANGHAI) is None  # from before the field


def test_a_shipment_tells_the_promised_arrival_when_there_is_one():
    shipped = dispatch.PartsOrderShipped(
        ticket_id=uuid.uuid4(),
        number="SR-2026-0000001",
        lines=[dispatch.PartsOrderLine(sku="FILTER-1", qty=1)],
        ship_by=T0,
        carrier="SF",
        tracking_no="SF1",
        at=T0,
        on_time=True,
        promised_by=date(2026, 7, 4),
    )
    trigger = TRIGGERS[dispatch.PartsOrderShipped.SUBJECT](shipped, SHANGHAI)
    assert trigger is not None and trigger.facts["promised_by"] == "2026-07-04"
    assert "2026-07-04" in arrival_words("2026-07-04", "zh-CN")
    assert arrival_words("2026-07-04", "en") == " It will arrive by 2026-07-04."
    assert arrival_words("", "en") == "" and arrival_words(None, "zh-CN") == ""
    unpromised = shipped.model_copy(update={"promised_by": None})
    trigger = TRIGGERS[dispatch.PartsOrderShipped.SUBJECT](unpromised, SHANGHAI)
    assert trigger is not None and trigger.facts["promised_by"] == ""


def test_a_ticket_without_a_product_is_not_sent_as_created_v1():
    customer = intake.CustomerFacts(
        id=uuid.uuid4(), name="Li", phone="138", region="310115", city="SH", line="1 Rd"
    )
    created = intake.TicketCreated(
        ticket_id=uuid.uuid4(),
        number="SR-2026-0000002",
        kind="training",
        channel="partner",
        description="sales training",
        customer=customer,
        product=None,
        site=intake.Site(region="310115", city="SH", line="1 Rd"),
        respond_by=T0,
        respond_clock="dispatch",
        needs_visit=True,
        created_at=T0,
        category="air_conditioner",
        topic="the inverter range",
        window_agreed=False,
    )
    assert OLDER["intake.ticket.created.v1"].convert(created) is None
    a_repair = created.model_copy(update={"kind": "repair"})
    assert OLDER["intake.ticket.created.v1"].convert(a_repair) is None  # v1 needs a product
