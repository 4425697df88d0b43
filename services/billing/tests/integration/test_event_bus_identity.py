"""The forged-event attack: someone on the network publishes ``dispatch.job.completed.v1`` for a
ticket (600 labour minutes) hoping billing charges it. Against real NATS with the identities
``make run`` configures, and billing running as it does there."""

from __future__ import annotations

import contextlib

import nats
import pytest

from aftersales.events import Envelope, encode
from aftersales.messaging.dead_letters import list_dead_letters
from aftersales.messaging.identity import inbox_prefix, without_userinfo
from aftersales.messaging.streams import ensure_stream
from aftersales_testing.apps import eventually
from aftersales_testing.factories import stream_messages


async def _connect_as(infrastructure, service: str) -> nats.NATS:
    return await nats.connect(
        without_userinfo(infrastructure.broker_url),
        nkeys_seed=str(infrastructure.credentials.seed_file(service)),
        inbox_prefix=inbox_prefix(service),
        max_reconnect_attempts=0,
        connect_timeout=3,
    )


async def test_an_anonymous_client_is_refused(infrastructure):
    with pytest.raises(nats.errors.Error, match="Authorization Violation"):
        await nats.connect(
            without_userinfo(infrastructure.broker_url),
            max_reconnect_attempts=0,
            allow_reconnect=False,
            connect_timeout=3,
        )


async def test_a_forged_job_completion_changes_nothing(start_service, books_for, infrastructure):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        target = await books.ticket(in_warranty=False)
        forged = books.completed(target, labor_minutes=600)
        envelope = Envelope.wrap(
            forged, source="dispatch", aggregate_id=forged.job_id, aggregate_version=1
        )
        before = await stream_messages(infrastructure.broker_url, "DISPATCH")

        # With billing's own identity: the broker refuses to carry another service's subject.
        nc = await _connect_as(infrastructure, "billing")
        try:
            js = nc.jetstream(timeout=1)
            with pytest.raises(Exception):  # noqa: B017 - a timeout or a permissions error
                await js.publish(forged.SUBJECT, encode(envelope))
            await nc.publish(forged.SUBJECT, encode(envelope))  # a plain publish: dropped
            await nc.flush()
            # Nor may it delete or purge anything, even its own stream.
            with pytest.raises(Exception):  # noqa: B017
                await js.purge_stream("BILLING")
            with pytest.raises(Exception):  # noqa: B017
                await js.delete_stream("DISPATCH")
            # Nor read a stream it does not consume (customers' data is on INTAKE's subjects
            # that billing consumes only through its own durable).
            with pytest.raises(Exception):  # noqa: B017
                await js.add_consumer("INTAKE", durable_name="spy")
        finally:
            with contextlib.suppress(Exception):
                await nc.close()

        # The second layer: a service that may publish its own subjects cannot pass off an
        # envelope claiming to be dispatch's. Feedback publishes it on a subject billing reads.
        nc = await _connect_as(infrastructure, "feedback")
        try:
            js = nc.jetstream(timeout=2)
            await ensure_stream(js, "feedback")
            await js.publish(
                "feedback.point.graded.v1",
                encode(envelope),
                headers={"Nats-Msg-Id": str(envelope.id)},
            )
        finally:
            await nc.close()
        [letter] = await eventually(lambda: list_dead_letters(billing.db))
        assert "arrived on FEEDBACK" in letter["error"]

        # A barrier: a real completion of another ticket is charged, so billing has handled
        # everything published before it.
        honest = await books.charged(await books.ticket(in_warranty=False))
        assert honest["service_class"] == "A"
        assert await stream_messages(infrastructure.broker_url, "DISPATCH") == before + 1
        r = await billing.client.get(
            "/v1/charges", params={"ticket_id": str(target.data.ticket_id)}, headers=books.finance
        )
        assert r.json()["items"] == []
