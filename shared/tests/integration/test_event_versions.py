"""Events that grow: a reader tolerates what it does not know, an event of an older version in a
stream or the dead-letter list is upgraded and handled once, and a newer one waits with its
reason. On real PostgreSQL and NATS, through the consumer runner and the services' handlers."""

import asyncio
import collections
import copy
import json
import uuid

from sqlalchemy import func, select

from aftersales.events import REGISTRY, decode, dispatch, family_of
from aftersales.events.upgrades import LEGACY_TWIN_HEADER, UPGRADES
from aftersales.messaging.consumer import (
    ConsumerRunner,
    ConsumerSettings,
    Subscription,
    consumer_name,
    list_dead_letters,
    replay_dead_letters,
)
from aftersales_testing.apps import drained, eventually, handled
from aftersales_testing.factories import publish_json, recorded_events
from dispatch.adapters.tables.jobs import JobRow
from feedback.adapters.tables import CallbackRow


def _fresh(payload: dict, **data) -> dict:
    """A recorded event as a new one: new event and aggregate ids (and ``data`` changed)."""
    event = copy.deepcopy(payload)
    event["id"] = str(uuid.uuid4())
    event["data"].update(data)
    return event


def _recorded(subject: str) -> dict:
    """The payload of a recorded event of ``subject`` (an older copy, or one on the bus)."""
    return next(
        p["payload"] for change in recorded_events() for p in change if p["subject"] == subject
    )


def _completed(**data) -> dict:
    return _fresh(
        _recorded(dispatch.JobCompleted.SUBJECT),
        job_id=str(uuid.uuid4()),
        ticket_id=str(uuid.uuid4()),
        **data,
    )


async def test_an_event_with_a_field_and_a_value_its_reader_never_saw_is_handled(
    start_service, infrastructure
):
    """Dispatch deployed before feedback, with a new optional field and new values: feedback's
    callback is made, with the fallbacks its handler names for the values."""
    async with start_service("feedback") as svc:
        event = _completed(resolution="remote_video", outcome="replaced_unit", odometer_km=120)
        event["delivery_attempt"] = 2  # an envelope field added, too
        await publish_json(infrastructure.broker_url, event)
        await handled(svc, decode(json.dumps(event)))
        async with svc.db.sessionmaker() as s:
            cb = await s.scalar(
                select(CallbackRow).where(CallbackRow.job_id == event["data"]["job_id"])
            )
        assert cb is not None and cb.status == "due"
        assert (cb.resolution, cb.report_outcome) == ("on_site", "fixed")
        assert await list_dead_letters(svc.db) == []


async def test_a_value_a_handler_decides_by_and_does_not_know_waits_in_the_dead_letters(
    start_service, infrastructure
):
    """Billing prices a claimed exclusion by its reason: one it does not know is not guessed at."""
    async with start_service("billing") as svc:
        event = _completed(exclusion={"reason": "water_damage", "note": "the basement flooded"})
        await publish_json(infrastructure.broker_url, event)
        [letter] = await eventually(lambda: list_dead_letters(svc.db))
        assert letter["event_id"] == uuid.UUID(event["id"])
        assert letter["deliveries"] == 1
        assert "exclusion.reason='water_damage'" in letter["error"]


async def test_a_version_newer_than_its_reader_knows_waits_in_the_dead_letters(
    start_service, infrastructure
):
    async with start_service("feedback") as svc:
        event = _completed()
        event["type"] = "dispatch.job.completed.v4"
        await publish_json(infrastructure.broker_url, event)
        [letter] = await eventually(lambda: list_dead_letters(svc.db))
        assert letter["subject"] == "dispatch.job.completed.v4"
        assert "newer than dispatch.job.completed.v3" in letter["error"]
        async with svc.db.sessionmaker() as s:
            assert await s.scalar(select(func.count()).select_from(CallbackRow)) == 0


async def test_a_ticket_published_as_v1_before_this_deploy_gets_its_one_job(
    start_service, infrastructure
):
    """A ``created.v1`` still in the stream (and its copy, as after a lost ack): dispatch reads
    it as v2 and makes the first visit once."""
    async with start_service("dispatch") as svc:
        event = _fresh(_recorded("intake.ticket.created.v1"), ticket_id=str(uuid.uuid4()))
        await publish_json(infrastructure.broker_url, event)
        await publish_json(infrastructure.broker_url, event, msg_id=str(uuid.uuid4()))
        await handled(svc, decode(json.dumps(event)))

        async def jobs():
            async with svc.db.sessionmaker() as s:
                return await s.scalar(
                    select(func.count())
                    .select_from(JobRow)
                    .where(JobRow.ticket_id == event["data"]["ticket_id"])
                )

        await drained(svc)  # the copy too
        assert await jobs() == 1


def _counting_runners(svc, seen):
    """One runner per producer whose older events are upgraded, each handling today's version
    of those events by recording what it was given: intake's consumers of each stream (intake
    reads all three), its own runners not running."""

    async def count(uow, envelope):
        seen[envelope.id].append(envelope.type)

    producers = collections.defaultdict(dict)
    for older, (newer, _) in UPGRADES.items():
        while newer not in REGISTRY:
            newer = UPGRADES[newer][0]
        producers[older.split(".")[0]][newer] = count
    return [
        ConsumerRunner(
            svc.db,
            svc.app.state.link,
            service="intake",
            subscription=Subscription(producer=producer, handlers=handlers),
            settings=ConsumerSettings(fetch_seconds=0.5),
        )
        for producer, handlers in producers.items()
    ]


async def test_every_older_version_in_a_stream_is_upgraded_and_handled_once(
    start_service, infrastructure
):
    """One event of each older version, published alone as before its newer version existed
    (and once more, as after a lost ack); and one change published as three versions side by
    side: each change is handled once, as the version on the bus."""
    seen: dict[uuid.UUID, list[str]] = collections.defaultdict(list)
    async with start_service("intake", run_background=False) as svc:
        await svc.app.state.link.wait_ready(10)
        alone = [_fresh(_recorded(subject)) for subject in UPGRADES]
        for event in alone:
            await publish_json(infrastructure.broker_url, event)
            await publish_json(infrastructure.broker_url, event, msg_id=str(uuid.uuid4()))
        [side_by_side] = [
            c
            for c in recorded_events()
            if len(c) == 3  # completed v3, v2 and v1
        ]
        for p in side_by_side:
            await publish_json(infrastructure.broker_url, p["payload"], headers=p["headers"])
        runners = _counting_runners(svc, seen)
        tasks = [asyncio.create_task(r.run()) for r in runners]
        try:
            sent = 2 * len(alone) + len(side_by_side)
            await eventually(lambda: _outcomes(runners, sent))
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        outcomes = sum((r.outcomes for r in runners), collections.Counter())
        assert outcomes == {"processed": len(alone) + 1, "duplicate": len(alone), "twin": 2}
        for event in alone:
            [read_as] = seen[uuid.UUID(event["id"])]
            assert read_as in REGISTRY and family_of(read_as)[0] == family_of(event["type"])[0]
        newest = side_by_side[0]["payload"]
        assert seen[uuid.UUID(newest["id"])] == [newest["type"]]
        assert all(LEGACY_TWIN_HEADER in p["headers"] for p in side_by_side[1:])
        assert len(seen) == len(alone) + 1


async def _outcomes(runners, sent: int) -> bool:
    return sum(sum(r.outcomes.values()) for r in runners) >= sent


async def test_every_older_version_in_the_dead_letters_is_upgraded_and_replayed_once(start_service):
    """Dead letters of older versions, as the consumers before this deploy stored them: a
    replay reads each as the version on the bus and handles it once; a second replay nothing."""
    seen: dict[uuid.UUID, list[str]] = collections.defaultdict(list)
    async with start_service("intake", run_background=False) as svc:
        runners = _counting_runners(svc, seen)
        letters = []
        async with svc.db.sessionmaker() as s, s.begin():
            for subject in UPGRADES:
                event = _fresh(_recorded(subject))
                runner = next(
                    r for r in runners if r.subscription.producer == subject.split(".")[0]
                )
                letters.append(event)
                await s.execute(
                    svc.db.platform.dead_letters.insert().values(
                        id=uuid.uuid4(),
                        consumer=runner.consumer_name,
                        event_id=uuid.UUID(event["id"]),
                        subject=subject,
                        payload=json.dumps(event).encode(),
                        headers={},
                        error="ValueError('a bug since fixed')",
                        deliveries=5,
                    )
                )
        handlers = {
            consumer_name("intake", r.subscription): r.subscription.handlers for r in runners
        }
        result = await replay_dead_letters(svc.db, handlers)
        assert (result.replayed, result.failed) == (len(UPGRADES), 0), result.errors
        assert {uuid.UUID(e["id"]) for e in letters} == set(seen)
        assert all(len(types) == 1 and types[0] in REGISTRY for types in seen.values())
        again = await replay_dead_letters(svc.db, handlers)
        assert (again.replayed, again.failed) == (0, 0)
        assert sum(len(t) for t in seen.values()) == len(UPGRADES)
