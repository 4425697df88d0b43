"""Integrators keep exactly what they subscribed to: every event the suite published before one
version went on the bus, recorded at 8db829b (``aftersales_testing.factories.recorded_events``),
against what the fan-out makes of the one version published now."""

import json
import uuid
from datetime import date

import pytest

from aftersales.events import REGISTRY, decode, dispatch, encode, feedback, intake
from aftersales_testing.factories import recorded_events
from intake.domain.event_catalogue import (
    OLDER,
    catalogue,
    copies,
    copy_id,
    retired,
    subjects_of,
)
from intake.integrations.domain.audience import matches

RECORDED = {"examples": recorded_events()}
TODAY = date(2026, 12, 7)
# Each change as published then, newest version first; a few tests published an older version
# alone, as a producer did before its newer version existed (the replay tests use those).
CHANGES = [e for e in RECORDED["examples"] if e[0]["subject"] in REGISTRY]


# Events first published after 8db829b, so not among the recorded examples.
ADDED_SINCE = {
    "intake.webhook.disabled.v1",
    "billing.cash.remitted.v1",
    "billing.payments.reconciled.v1",
    "intake.ticket.window_agreed.v1",
    "feedback.staff.disciplined.v1",
    "feedback.staff.rewarded.v1",
    "feedback.visit.overdue.v1",
    "feedback.staff.fined.v1",
    "billing.review.flagged.v1",
}


def _without_id_and_time(payload: dict) -> dict:
    return {k: v for k, v in payload.items() if k not in ("id", "time")}


def _said_alike(sent, recorded) -> bool:
    """Everything ``recorded`` says, ``sent`` says alike; ``sent`` may say more (a field added
    in place since, which a receiver ignores)."""
    if isinstance(recorded, dict):
        return isinstance(sent, dict) and all(
            k in sent and _said_alike(sent[k], v) for k, v in recorded.items()
        )
    if isinstance(recorded, list):
        return (
            isinstance(sent, list)
            and len(sent) == len(recorded)
            and all(_said_alike(a, b) for a, b in zip(sent, recorded, strict=True))
        )
    return sent == recorded


def _received(pattern: str, published: dict) -> list:
    """What a subscription to ``pattern`` is queued from the one event published now."""
    envelope = decode(json.dumps(published["payload"]))
    wanted = [s for s in subjects_of(envelope.type, {}, TODAY) if matches([pattern], s)]
    return copies(envelope, wanted)


@pytest.mark.parametrize(
    "example",
    CHANGES,
    ids=[f"{'+'.join(p['subject'] for p in e)}-{i}" for i, e in enumerate(CHANGES)],
)
def test_a_wildcard_subscriber_receives_the_payloads_it_received_before(example):
    newest, *older = example
    family = newest["subject"].split(".")[0] + ".>"
    for pattern in (">", family):
        received = _received(pattern, newest)
        assert [e.type for e in received] == [p["subject"] for p in example]
        # The version on the bus may have grown in place; the older ones never change.
        assert _said_alike(json.loads(encode(received[0])), newest["payload"])
        for copy, before in zip(received[1:], older, strict=True):
            assert _without_id_and_time(json.loads(encode(copy))) == _without_id_and_time(
                before["payload"]
            )
            # One webhook-id per copy, whatever retries: derived, not drawn.
            assert copy.id == copy_id(received[0].id, copy.type) != received[0].id
            assert copy.time == received[0].time


def test_every_event_published_before_is_among_the_recorded_examples():
    recorded = {p["subject"] for e in RECORDED["examples"] for p in e}
    assert recorded == (set(REGISTRY) | set(OLDER)) - ADDED_SINCE


def test_only_the_version_subscribed_to_is_queued():
    example = next(e for e in CHANGES if e[0]["subject"] == dispatch.JobCompleted.SUBJECT)
    [v1] = _received("dispatch.job.completed.v1", example[0])
    assert v1.type == "dispatch.job.completed.v1"
    assert set(v1.data.model_dump()) == set(example[-1]["payload"]["data"])


def _an(subject: str, **data):
    example = next(e for e in CHANGES if e[0]["subject"] == subject)
    payload = example[0]["payload"]
    return {"payload": {**payload, "data": {**payload["data"], **data}}}


def test_an_older_version_that_cannot_say_it_sends_nothing():
    # v1 names no awaiting_parts, no sample_test, no callback without a job, and reported
    # only the satisfied ending.
    assert (
        _received(
            "dispatch.job.status_changed.v1",
            _an(
                dispatch.JobStatusChanged.SUBJECT,
                status="awaiting_parts",
                previous_status="on_site",
            ),
        )
        == []
    )
    assert (
        _received("intake.ticket.created.v1", _an(intake.TicketCreated.SUBJECT, kind="sample_test"))
        == []
    )
    assert (
        _received(
            "feedback.callback.recorded.v1", _an(feedback.CallbackRecorded.SUBJECT, job_id=None)
        )
        == []
    )
    assert (
        _received(
            "intake.ticket.closed.v1", _an(intake.TicketClosed.SUBJECT, closure_reason="refunded")
        )
        == []
    )
    [closed] = _received(
        "intake.ticket.closed.v1", _an(intake.TicketClosed.SUBJECT, closure_reason="satisfied")
    )
    assert closed.data.reason == "satisfied callback"


def test_a_value_a_newer_producer_added_reaches_the_newest_version_and_not_v1():
    # Intake not yet deployed with a status dispatch already publishes: read tolerantly,
    # passed on as sent where the version can carry it, and no v1 that cannot name it.
    event = _an(dispatch.JobStatusChanged.SUBJECT, status="parts_at_door", flagged=True)
    received = _received("dispatch.job.status_changed.*", event)
    assert [e.type for e in received] == [dispatch.JobStatusChanged.SUBJECT]
    assert json.loads(encode(received[0]))["data"]["status"] == "parts_at_door"


def test_a_copy_keeps_its_id_however_often_it_is_made():
    example = next(e for e in CHANGES if e[0]["subject"] == dispatch.JobRouted.SUBJECT)
    first = _received("dispatch.job.routed.v1", example[0])
    again = _received("dispatch.job.routed.v1", example[0])
    assert [c.id for c in first] == [c.id for c in again]
    assert first[0].id == uuid.uuid5(
        uuid.UUID("5d0c3d55-1b8e-4c53-9d35-7c2f0a7e6a27"),
        f"{example[0]['payload']['id']}:dispatch.job.routed.v1",
    )


def test_older_versions_are_deprecated_and_kept_until_a_sunset_is_set():
    entries = {e.subject: e for e in catalogue(sorted(set(REGISTRY) | set(OLDER)), {}, TODAY)}
    assert entries["dispatch.job.completed.v1"].deprecated
    assert entries["dispatch.job.completed.v1"].replaced_by == "dispatch.job.completed.v3"
    assert entries["dispatch.job.completed.v1"].sunset is None
    assert not entries["dispatch.job.completed.v3"].deprecated
    sunsets = {"dispatch.job.completed.v1": date(2027, 6, 30)}
    assert not retired("dispatch.job.completed.v1", sunsets, date(2027, 6, 29))
    assert retired("dispatch.job.completed.v1", sunsets, date(2027, 6, 30))
    after = {
        e.subject for e in catalogue(sorted(set(REGISTRY) | set(OLDER)), sunsets, date(2027, 7, 1))
    }
    assert "dispatch.job.completed.v1" not in after and "dispatch.job.completed.v2" in after
    assert subjects_of("dispatch.job.completed.v3", sunsets, date(2027, 7, 1)) == [
        "dispatch.job.completed.v3",
        "dispatch.job.completed.v2",
    ]
