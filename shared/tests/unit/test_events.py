import json
import re
import uuid
from pathlib import Path

import pytest
from pydantic import ValidationError

from aftersales.events import (
    CONTRACTS,
    REGISTRY,
    Envelope,
    NewerVersion,
    Unknown,
    UnreadableEvent,
    decode,
    dispatch,
    encode,
    family_of,
    intake,
    read_message,
    unknown_values,
    with_fallbacks,
)
from aftersales.events.upgrades import UPGRADES
from aftersales_testing.factories import recorded_events, ticket_created
from intake.domain.event_catalogue import OLDER

CONTRACT_DOC = Path(__file__).resolve().parents[3] / "docs" / "contract.md"
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


def test_every_event_named_in_the_contract_is_on_the_bus_or_made_for_its_subscribers():
    subscribable = set(REGISTRY) | set(OLDER)
    assert subscribable >= PUBLISHED_IN_CONTRACT
    named = set(re.findall(r"`([a-z]+\.[a-z_]+\.[a-z_]+\.v\d+)`", CONTRACT_DOC.read_text()))
    assert named >= PUBLISHED_IN_CONTRACT
    assert named <= subscribable, named - subscribable


def test_one_version_of_each_event_is_on_the_bus():
    subjects = [c.SUBJECT for c in CONTRACTS]
    families = [family_of(s)[0] for s in subjects]
    assert len(families) == len(set(families))
    for subject in subjects:
        assert re.fullmatch(r"(intake|dispatch|billing|feedback)\.[a-z_]+\.[a-z_]+\.v\d+", subject)


def test_envelope_round_trips_to_the_right_contract():
    data = make_ticket_created()
    env = Envelope.wrap(data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1)
    decoded = decode(encode(env))
    assert isinstance(decoded.data, intake.TicketCreated)
    assert decoded == env
    assert decoded.type == "intake.ticket.created.v2"


def test_a_producer_may_write_neither_a_field_nor_a_value_its_contract_does_not_name():
    data = make_ticket_created()
    with pytest.raises(ValidationError):
        data.number = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="extra"):
        make_ticket_created(surprise=True)
    with pytest.raises(ValidationError, match="literal"):
        make_ticket_created(kind="teleportation")


def test_a_reader_ignores_fields_and_keeps_values_it_does_not_know():
    data = make_ticket_created()
    raw = Envelope.wrap(
        data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1
    ).model_dump(mode="json")
    raw["trace_flags"] = "newer envelope field"
    raw["data"]["kind"] = "drone_delivery"
    raw["data"]["loyalty_tier"] = "gold"
    raw["data"]["customer"]["wechat_id"] = "wx-1"
    raw["data"]["site"]["floor"] = 3
    event = decode(json.dumps(raw))
    assert isinstance(event.data, intake.TicketCreated)
    assert event.data.kind == "drone_delivery" and isinstance(event.data.kind, Unknown)
    assert unknown_values(event.data) == [("kind", "drone_delivery")]
    assert "loyalty_tier" not in event.data.model_dump()
    assert with_fallbacks(event.data, {"kind": "repair"}).kind == "repair"
    assert with_fallbacks(event.data, {"channel": "crm"}).kind == "drone_delivery"


def test_an_unknown_value_nested_in_a_list_or_an_object_is_found_by_its_path():
    raw = next(e[0] for e in recorded_events() if e[0]["subject"] == dispatch.JobCompleted.SUBJECT)
    payload = json.loads(json.dumps(raw["payload"]))
    payload["data"]["exclusion"] = {"reason": "water_damage", "note": "flooded"}
    payload["data"]["resolution"] = "remote_video"
    event = decode(json.dumps(payload))
    assert sorted(unknown_values(event.data)) == [
        ("exclusion.reason", "water_damage"),
        ("resolution", "remote_video"),
    ]
    read = with_fallbacks(event.data, {"exclusion.reason": "not_covered"})
    assert read.exclusion.reason == "not_covered" and read.resolution == "remote_video"


def test_decode_refuses_what_is_no_event_it_knows():
    data = make_ticket_created()
    raw = Envelope.wrap(
        data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1
    ).model_dump(mode="json")
    with pytest.raises(UnreadableEvent, match="not an event this reader knows"):
        decode(json.dumps({**raw, "type": "intake.ticket.exploded.v1"}))
    with pytest.raises(UnreadableEvent, match="does not match its contract"):
        decode(json.dumps({**raw, "type": "dispatch.job.unrouted.v1"}))
    with pytest.raises(UnreadableEvent, match="not JSON"):
        decode(b"\x00garbage")


def test_a_version_newer_than_the_reader_knows_is_refused_with_the_reason():
    data = make_ticket_created()
    raw = Envelope.wrap(
        data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1
    ).model_dump(mode="json")
    with pytest.raises(NewerVersion, match=r"intake\.ticket\.created\.v3 is newer than .*\.v2"):
        decode(json.dumps({**raw, "type": "intake.ticket.created.v3"}))


def _older_copies():
    """Each older copy the producers published (recorded at 8db829b), with its newest twin."""
    for change in recorded_events():
        newest = change[0]
        for older in change[1:]:
            yield older, newest
        if newest["subject"] in UPGRADES:  # published alone, before its newer version existed
            yield newest, None


def _says_alike(newer: object, older: object) -> bool:
    """Whether ``newer`` says all ``older`` says, alike: fields added in place (at any depth)
    are allowed, nothing older said may differ."""
    if isinstance(older, dict):
        return isinstance(newer, dict) and all(
            k in newer and _says_alike(newer[k], v) for k, v in older.items()
        )
    if isinstance(older, list):
        return (
            isinstance(newer, list)
            and len(newer) == len(older)
            and all(_says_alike(n, o) for n, o in zip(newer, older, strict=True))
        )
    return newer == older


@pytest.mark.parametrize(
    ("older", "newest"),
    list(_older_copies()),
    ids=[o["subject"] for o, _ in _older_copies()],
)
def test_an_older_version_is_read_as_the_version_on_the_bus(older, newest):
    event, published_as = read_message(json.dumps(older["payload"]))
    assert published_as == older["subject"]
    assert event.type in REGISTRY and family_of(event.type)[0] == family_of(published_as)[0]
    assert event.id == uuid.UUID(older["payload"]["id"])
    assert event.aggregate_version == older["payload"]["aggregate_version"]
    upgraded = event.data.model_dump(mode="json")
    said = older["payload"]["data"]
    if published_as == "intake.ticket.closed.v1":  # the one ending v1 reported
        assert upgraded["closure_reason"] == "satisfied" and upgraded["note"] == said["reason"]
    else:  # everything the older version said, said alike (a newer one may say more)
        assert _says_alike(upgraded, said)
    if newest is not None:
        assert event.type == newest["subject"]


def test_every_older_subject_has_a_way_up_to_the_bus():
    for subject in UPGRADES:
        while subject in UPGRADES:
            subject = UPGRADES[subject][0]
        assert subject in REGISTRY
    assert set(UPGRADES) == set(OLDER)
