import re
import uuid
from pathlib import Path

import pytest
from pydantic import ValidationError

from aftersales.events import (
    CONTRACTS,
    REGISTRY,
    Envelope,
    decode,
    encode,
    intake,
    newer_versions,
)
from aftersales.testing.factories import ticket_created, ticket_created_v2

CONTRACT_MD = Path(__file__).resolve().parents[3].parent / "shared" / "CONTRACT.md"
PUBLISHED_IN_CONTRACT = {
    "intake.ticket.created.v1",
    "intake.ticket.reopened.v1",
    "intake.ticket.closed.v1",
    "intake.ticket.cancelled.v1",
    "intake.ticket.remedy_decided.v1",
    "dispatch.job.routed.v1",
    "dispatch.job.unrouted.v1",
    "dispatch.job.accepted.v1",
    "dispatch.job.scheduled.v1",
    "dispatch.job.status_changed.v1",
    "dispatch.job.completed.v1",
    "dispatch.sla.breached.v1",
    "billing.charge.issued.v1",
    "billing.charge.paid.v1",
    "feedback.callback.recorded.v1",
    "feedback.complaint.opened.v1",
    "feedback.point.graded.v1",
}


def make_ticket_created(**overrides):
    return ticket_created(**overrides).data


def test_every_event_named_in_the_contract_has_a_registered_model():
    assert set(REGISTRY) >= PUBLISHED_IN_CONTRACT
    if CONTRACT_MD.exists():
        named = set(re.findall(r"`([a-z]+\.[a-z_]+\.[a-z_]+\.v\d+)`", CONTRACT_MD.read_text()))
        assert named <= set(REGISTRY), named - set(REGISTRY)


def test_subjects_follow_the_naming_rule_and_are_unique():
    subjects = [c.SUBJECT for c in CONTRACTS]
    assert len(subjects) == len(set(subjects))
    for subject in subjects:
        assert re.fullmatch(r"(intake|dispatch|billing|feedback)\.[a-z_]+\.[a-z_]+\.v\d+", subject)


def test_envelope_round_trips_to_the_right_contract():
    data = make_ticket_created()
    env = Envelope.wrap(data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1)
    decoded = decode(encode(env))
    assert isinstance(decoded.data, intake.TicketCreated)
    assert decoded == env
    assert decoded.type == "intake.ticket.created.v1"


def test_contracts_are_frozen_and_refuse_unknown_fields():
    data = make_ticket_created()
    with pytest.raises(ValidationError):
        data.number = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        make_ticket_created(surprise=True)


def test_decode_rejects_unknown_types_and_mismatched_payloads():
    data = make_ticket_created()
    env = Envelope.wrap(data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1)
    raw = env.model_dump(mode="json")
    with pytest.raises(ValidationError):
        decode(__import__("json").dumps({**raw, "type": "intake.ticket.exploded.v1"}))
    with pytest.raises(ValidationError):
        decode(__import__("json").dumps({**raw, "type": "dispatch.job.unrouted.v1"}))


def test_an_event_published_beside_its_newer_versions_names_them():
    v1 = ticket_created()
    v2 = ticket_created_v2(ticket_id=v1.data.ticket_id)
    other = ticket_created()  # another ticket: not a version of the first
    later = Envelope.wrap(  # the same ticket at a later version: another change
        v1.data, source="intake", aggregate_id=v1.aggregate_id, aggregate_version=2
    )
    assert newer_versions([v2, v1, other, later]) == {v1.id: intake.TicketCreatedV2.SUBJECT}


def test_three_versions_each_name_every_newer_one_in_order():
    ticket = uuid.uuid4()
    events = [
        Envelope.wrap(data, source="dispatch", aggregate_id=ticket, aggregate_version=3)
        for data in (
            ticket_created().data,
            ticket_created_v2().data,
        )
    ]
    v1, v2 = events
    v3 = v2.model_copy(update={"id": uuid.uuid4(), "type": "intake.ticket.created.v3"})
    assert newer_versions([v3, v1, v2]) == {
        v1.id: "intake.ticket.created.v2,intake.ticket.created.v3",
        v2.id: "intake.ticket.created.v3",
    }
