"""Who may receive which event: the scope rules, and the patterns a token may subscribe to."""

import importlib.util
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from aftersales.errors import Unprocessable
from aftersales.events import billing, dispatch, intake
from intake.domain.event_catalogue import REGISTRY
from intake.integrations.domain.audience import (
    Facts,
    Owner,
    admits,
    check_reach,
    event_types,
    facts_for,
    facts_of,
)

POINT, OTHER = str(uuid.uuid4()), str(uuid.uuid4())
EVERY = sorted(REGISTRY)


def test_a_point_gets_events_about_itself_only():
    mine = Facts(point_id=POINT)
    assert admits(Owner("point", POINT), "dispatch.job.routed.v2", mine)
    assert not admits(Owner("point", OTHER), "dispatch.job.routed.v2", mine)
    assert not admits(Owner("point", POINT), "dispatch.job.unrouted.v1", Facts())
    assert admits(Owner("point", POINT), "billing.charge.issued.v1", mine)


def test_a_technician_the_app_and_a_crm_each_get_their_share():
    tech = str(uuid.uuid4())
    facts = Facts(tenant_id="acme", point_id=POINT, technician_id=tech)
    assert admits(Owner("technician", tech), "dispatch.job.scheduled.v1", facts)
    assert not admits(Owner("technician", str(uuid.uuid4())), "dispatch.job.scheduled.v1", facts)
    assert admits(Owner("app"), "dispatch.job.scheduled.v1", facts)
    assert not admits(Owner("app"), "billing.charge.issued.v1", facts)
    assert admits(Owner("crm", "acme"), "billing.charge.issued.v1", facts)
    assert not admits(Owner("crm", "beta"), "billing.charge.issued.v1", facts)
    assert not admits(Owner("crm", "acme"), "feedback.point.graded.v1", Facts(point_id=POINT))
    assert admits(Owner("staff"), "feedback.point.graded.v1", Facts())


def test_facts_come_from_the_event_and_the_tickets_tenant():
    charge = billing.ChargePaid.model_construct(ticket_id=uuid.uuid4())
    assert facts_of(charge, "acme") == Facts(tenant_id="acme")
    offer = dispatch.JobAccepted.model_construct(point_id=uuid.UUID(POINT))
    assert facts_of(offer, None).point_id == POINT


@pytest.mark.parametrize(
    ("owner", "patterns", "named"),
    [
        (Owner("staff"), ["nothing.here.>"], "nothing.here.>"),
        (Owner("staff"), ["intake.ticket.created.v9"], "intake.ticket.created.v9"),
        (Owner("point", POINT), ["intake.ticket.created.v2"], "intake.ticket.created.v2"),
        (Owner("technician", POINT), ["feedback.point.graded.v1"], "feedback.point.graded.v1"),
        (Owner("app"), ["billing.>"], "billing.>"),
    ],
)
def test_a_pattern_that_can_reach_nothing_is_refused_by_name(owner, patterns, named):
    with pytest.raises(Unprocessable, match=named.replace(".", r"\.")):
        check_reach(owner, patterns, EVERY)


def test_a_version_never_published_or_retired_is_refused():
    with pytest.raises(Unprocessable, match=r"dispatch\.job\.completed\.v4"):
        check_reach(Owner("staff"), ["dispatch.job.completed.v4"], EVERY)
    check_reach(Owner("staff"), ["dispatch.job.completed.v1"], EVERY)
    retired = [s for s in EVERY if s != "dispatch.job.completed.v1"]
    with pytest.raises(Unprocessable, match=r"dispatch\.job\.completed\.v1"):
        check_reach(Owner("staff"), ["dispatch.job.completed.v1"], retired)


def test_wildcards_are_filtered_not_refused():
    check_reach(Owner("point", POINT), [">", "dispatch.>", "*.charge.*.v1"], EVERY)
    check_reach(Owner("app"), ["dispatch.>"], EVERY)
    point = event_types(Owner("point", POINT), EVERY)
    assert "dispatch.job.routed.v2" in point and "dispatch.job.routed.v1" in point
    assert "intake.ticket.created.v2" not in point
    assert set(event_types(Owner("app"), EVERY)) == {
        s for s in event_types(Owner("staff"), EVERY) if s.startswith("dispatch.job.")
    }


def test_old_subscriptions_keep_exactly_intakes_events():
    path = next(Path(__file__).parents[2].glob("intake/migrations/versions/0009_*.py"))
    spec = importlib.util.spec_from_file_location("m0009", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module._only_intake(">") == "intake.>"
    assert module._only_intake("*.ticket.*") == "intake.ticket.*"
    assert module._only_intake("intake.ticket.created.v1") == "intake.ticket.created.v1"


@pytest.mark.parametrize(
    "owner",
    [
        Owner("crm", "acme"),
        Owner("point", POINT),
        Owner("technician", POINT),
    ],
)
def test_a_disabled_subscription_is_told_to_its_owner_and_the_staff_only(owner):
    subject = intake.WebhookDisabled.SUBJECT
    facts = facts_for(owner)
    event = intake.WebhookDisabled(
        subscription_id=uuid.uuid4(),
        url="https://crm.example.com/hooks",
        reason="failing",
        tenant_id=facts.tenant_id,
        point_id=uuid.UUID(facts.point_id) if facts.point_id else None,
        technician_id=uuid.UUID(facts.technician_id) if facts.technician_id else None,
        disabled_at=datetime.now(UTC),
    )
    told = facts_of(event, None)  # as the fan-out reads it
    assert told == facts
    assert subject in event_types(owner, EVERY)
    assert admits(owner, subject, told)
    assert admits(Owner("staff"), subject, told)
    others = [Owner("crm", "beta"), Owner("point", OTHER), Owner("technician", OTHER)]
    assert not any(admits(o, subject, told) for o in others)
    assert not admits(Owner("app"), subject, told)
