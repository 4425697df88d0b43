"""The consumer runner: inbox dedup, redelivery, dead letters and replay, broker restarts."""

import asyncio
import time
import uuid
from functools import partial

import nats
from nats.js.api import AckPolicy, ConsumerConfig
from nats.js.errors import NotFoundError
from sqlalchemy import func, select

from aftersales.events import encode, intake
from aftersales.messaging.consumer import (
    ConsumerRunner,
    ConsumerSettings,
    Subscription,
    apply_once,
    list_dead_letters,
    replay_dead_letters,
)
from aftersales.messaging.link import NatsLink
from aftersales.messaging.streams import ensure_stream
from aftersales_testing.apps import eventually
from aftersales_testing.factories import publish_raw, ticket_created
from dispatch.adapters.tables.jobs import JobRow
from dispatch.settings import DispatchSettings
from dispatch.use_cases import jobs
from dispatch.use_cases.policy import DispatchPolicy

# Dispatch's handler for a new ticket, bound to its rules as the service binds it.
create_job_for_ticket = partial(
    jobs.create_job_for_ticket, policy=DispatchPolicy.from_settings(DispatchSettings())
)


async def jobs_for(db, ticket_id) -> int:
    async with db.sessionmaker() as s:
        return await s.scalar(
            select(func.count()).select_from(JobRow).where(JobRow.ticket_id == ticket_id)
        )


async def consumer_state(nats_url, stream, durable):
    nc = await nats.connect(nats_url)
    try:
        info = await nc.jetstream().consumer_info(stream, durable)
        return info.num_pending, info.num_ack_pending, info.delivered.consumer_seq
    except NotFoundError:  # the service has not made its consumer yet
        return -1, -1, 0
    finally:
        await nc.close()


async def runner_for(
    svc, handler=None, relevant=None, *, handlers=None, link=None, durable="", **options
) -> ConsumerRunner:
    """A runner of dispatch's consumer of intake's stream with ``handler`` for created tickets,
    or ``handlers`` by subject (the service's own runners are not running); ``options`` are
    :class:`ConsumerSettings`."""
    link = link or svc.app.state.link
    await link.wait_ready(10)
    return ConsumerRunner(
        svc.db,
        link,
        service="dispatch",
        subscription=Subscription(
            producer="intake",
            handlers=handlers or {intake.TicketCreated.SUBJECT: handler},
            durable=durable,
            relevant=relevant,
        ),
        settings=ConsumerSettings(**options),
    )


async def run_until(runner: ConsumerRunner, messages: int) -> None:
    """Run ``runner`` until it has an outcome for ``messages`` deliveries, then stop it."""
    task = asyncio.create_task(runner.run())

    async def done():
        return sum(runner.outcomes.values()) >= messages

    try:
        await eventually(done)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_the_same_event_delivered_twice_takes_effect_once(start_service, infrastructure):
    """Two deliveries of one event (published twice under different message ids, so JetStream's
    own dedup lets both through): the handler runs once, the second is the inbox's duplicate.
    A third event after them is the barrier: once it is handled, both copies were."""
    ran: list[uuid.UUID] = []

    async def counted(uow, envelope):
        ran.append(envelope.id)
        await create_job_for_ticket(uow, envelope)

    async with start_service("dispatch", run_background=False) as svc:
        runner = await runner_for(svc, counted, fetch_seconds=0.5)
        env, sentinel = ticket_created(), ticket_created()
        await publish_raw(infrastructure.broker_url, env, msg_id="first-delivery")
        await publish_raw(infrastructure.broker_url, env, msg_id="second-delivery")
        await publish_raw(infrastructure.broker_url, sentinel)
        await run_until(runner, 3)
        assert ran.count(env.id) == 1
        assert runner.outcomes["duplicate"] == 1
        assert runner.outcomes["processed"] == 2
        assert await jobs_for(svc.db, env.data.ticket_id) == 1


async def test_redelivery_after_a_crash_before_the_ack_takes_effect_once(
    start_service, infrastructure, settings_for
):
    # The consumer exists and the event is waiting, but no service runs yet.
    nc = await nats.connect(infrastructure.broker_url)
    js = nc.jetstream()
    await ensure_stream(js, "intake")
    await js.add_consumer(
        "INTAKE",
        ConsumerConfig(
            durable_name="dispatch",
            ack_policy=AckPolicy.EXPLICIT,
            ack_wait=1,
            max_deliver=-1,
            filter_subject=intake.TicketCreated.SUBJECT,
        ),
    )
    env = ticket_created()
    await publish_raw(infrastructure.broker_url, env)

    # A first process takes the message, commits the handler's work, and dies before acking.
    psub = await js.pull_subscribe_bind("dispatch", "INTAKE")
    [msg] = await psub.fetch(1, timeout=5)
    assert msg.metadata.num_delivered == 1
    async with start_service("dispatch", run_background=False) as crashed:
        assert await apply_once(crashed.db, "dispatch:INTAKE", env, create_job_for_ticket)
    await psub.unsubscribe()
    await nc.close()

    # The restarted service gets the redelivery and must not create a second job.
    from aftersales.service import create_service_app
    from aftersales_testing.apps import running
    from dispatch.main import DEFINITION

    app = create_service_app(DEFINITION, settings_for("dispatch"))
    async with running("dispatch", app) as svc:

        async def redelivered_and_acked():
            pending, ack_pending, delivered = await consumer_state(
                infrastructure.broker_url, "INTAKE", "dispatch"
            )
            return pending == 0 and ack_pending == 0 and delivered >= 2

        await eventually(redelivered_and_acked)
        # The inbox, not dispatch's own uniqueness, turned the redelivery away: the handler
        # never ran again.
        [runner] = [r for r in app.state.runners if r.consumer_name == "dispatch:INTAKE"]
        assert runner.outcomes["duplicate"] == 1
        assert runner.outcomes["processed"] == 0
        assert await jobs_for(svc.db, env.data.ticket_id) == 1


async def test_a_failing_handler_is_dead_lettered_then_replayed_once(start_service, infrastructure):
    attempts = 0

    async def broken(uow, envelope):
        nonlocal attempts
        attempts += 1
        raise ValueError("projection bug")

    async with start_service("dispatch", run_background=False) as svc:
        runner = await runner_for(
            svc, broken, max_deliver=3, backoff_seconds=[0.1], fetch_seconds=0.5
        )
        task = asyncio.create_task(runner.run())
        env = ticket_created()
        await publish_raw(infrastructure.broker_url, env)
        try:
            dead = await eventually(lambda: list_dead_letters(svc.db))
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        assert attempts == 3
        [letter] = dead
        assert letter["event_id"] == env.id
        assert letter["deliveries"] == 3
        assert "projection bug" in letter["error"]
        assert await jobs_for(svc.db, env.data.ticket_id) == 0

        fixed = {runner.consumer_name: {intake.TicketCreated.SUBJECT: create_job_for_ticket}}
        result = await replay_dead_letters(svc.db, fixed)
        assert (result.replayed, result.failed) == (1, 0)
        assert await jobs_for(svc.db, env.data.ticket_id) == 1
        assert await list_dead_letters(svc.db) == []
        again = await replay_dead_letters(svc.db, fixed)
        assert again.replayed == 0
        assert await jobs_for(svc.db, env.data.ticket_id) == 1


async def test_an_unknown_event_goes_straight_to_the_dead_letters(start_service, infrastructure):
    async with start_service("dispatch") as svc:
        nc = await nats.connect(infrastructure.broker_url)
        js = nc.jetstream()
        await ensure_stream(js, "intake")
        await js.publish(
            intake.TicketCreated.SUBJECT,
            b'{"not": "an event"}',
            headers={"Nats-Msg-Id": str(uuid.uuid4())},
        )
        await nc.close()
        [letter] = await eventually(lambda: list_dead_letters(svc.db))
        assert letter["deliveries"] == 1
        assert "not an event envelope" in letter["error"]


async def test_consumer_resumes_after_the_broker_is_killed_and_restarted(
    start_service, private_nats
):
    async with start_service("dispatch", nats_url=private_nats.url) as svc:
        first = ticket_created()
        await publish_raw(private_nats.url, first)
        await eventually(lambda: jobs_for(svc.db, first.data.ticket_id))

        private_nats.kill()

        async def lost() -> bool:  # the service has seen its broker go
            return not svc.app.state.link.connected

        await eventually(lost)
        private_nats.start()
        restarted_at = time.monotonic()

        second = ticket_created()
        await publish_raw(private_nats.url, second)
        await eventually(lambda: jobs_for(svc.db, second.data.ticket_id), timeout=15)
        assert time.monotonic() - restarted_at < 15
        assert await jobs_for(svc.db, first.data.ticket_id) == 1


async def _run_lanes(svc, broker_url, concurrency: int) -> tuple[dict, int]:
    """Publish 6 versions of each of 4 aggregates; consume them with a handler that takes less
    time for each later version (so a later version would overtake an earlier one if both ran
    at once).

    Returns the versions each aggregate saw, in the order they were applied, and the largest
    number of handlers that ran at the same moment.
    """
    aggregates = [uuid.uuid4() for _ in range(4)]
    for aggregate in aggregates:
        for version in range(1, 7):
            env = ticket_created().model_copy(
                update={"id": uuid.uuid4(), "aggregate_id": aggregate, "aggregate_version": version}
            )
            await publish_raw(broker_url, env)
    seen: dict[uuid.UUID, list[int]] = {a: [] for a in aggregates}
    running = peak = 0

    async def slow(uow, envelope):
        nonlocal running, peak
        if envelope.aggregate_id not in seen:
            return  # another test's event in the shared stream
        running += 1
        peak = max(peak, running)
        try:
            await asyncio.sleep(0.02 * (7 - envelope.aggregate_version))
            seen[envelope.aggregate_id].append(envelope.aggregate_version)
        finally:
            running -= 1

    # A durable of its own per run, which only the operator may make (a service's identity
    # may only use its own durable).
    link = NatsLink(broker_url, "lanes-test")
    await link.start()
    runner = await runner_for(
        svc,
        slow,
        link=link,
        durable=f"lanes-{uuid.uuid4().hex[:8]}",
        concurrency=concurrency,
        fetch_seconds=0.5,
    )

    async def all_applied() -> bool:
        return all(len(v) == 6 for v in seen.values())

    task = asyncio.create_task(runner.run())
    try:
        await eventually(all_applied, timeout=30)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await link.close()
    return seen, peak


async def test_an_event_ruled_out_by_the_relevance_check_costs_no_inbox_row_and_no_handler(
    start_service, infrastructure
):
    """The relevance check is read in the group's transaction; what it rules out is acked as
    ``irrelevant`` without running the handler or claiming the inbox, the rest is handled."""
    ran: list[uuid.UUID] = []
    checks = 0

    async def counted(uow, envelope):
        ran.append(envelope.id)

    async def only_wanted(uow):
        nonlocal checks
        checks += 1
        assert await uow.session.scalar(select(1)) == 1  # it may read the database
        return lambda envelope: envelope.id != unwanted.id

    async with start_service("dispatch", run_background=False) as svc:
        runner = await runner_for(svc, counted, only_wanted, fetch_seconds=0.5)
        wanted, unwanted = ticket_created(), ticket_created()
        await publish_raw(infrastructure.broker_url, unwanted)
        await publish_raw(infrastructure.broker_url, wanted)
        await run_until(runner, 2)
        assert ran == [wanted.id]
        assert runner.outcomes == {"processed": 1, "irrelevant": 1}
        assert checks >= 1
        inbox = svc.db.platform.inbox
        async with svc.db.sessionmaker() as s:
            claimed = set(
                await s.scalars(
                    select(inbox.c.event_id).where(inbox.c.consumer == runner.consumer_name)
                )
            )
        assert claimed == {wanted.id}
        assert await consumer_state(infrastructure.broker_url, "INTAKE", "dispatch") == (0, 0, 2)


async def test_a_batch_is_handled_in_parallel_lanes_that_keep_each_aggregates_order(
    start_service, infrastructure
):
    async with start_service("dispatch", run_background=False) as svc:
        await svc.app.state.link.wait_ready(10)
        seen, peak = await _run_lanes(svc, infrastructure.broker_url, concurrency=4)
        assert all(versions == [1, 2, 3, 4, 5, 6] for versions in seen.values()), seen
        assert peak > 1  # different aggregates overlapped

        seen, peak = await _run_lanes(svc, infrastructure.broker_url, concurrency=1)
        assert all(versions == [1, 2, 3, 4, 5, 6] for versions in seen.values()), seen
        assert peak == 1


async def test_a_replayed_dead_letter_is_checked_against_its_stream_again(start_service):
    """A dead letter whose envelope claims another producer than the stream it was read from
    is not applied by a replay either."""
    async with start_service("dispatch", run_background=False) as svc:
        forged = ticket_created().model_copy(update={"source": "billing"})
        async with svc.db.sessionmaker() as session, session.begin():
            await session.execute(
                svc.db.platform.dead_letters.insert().values(
                    id=uuid.uuid4(),
                    consumer="dispatch:INTAKE",
                    event_id=forged.id,
                    subject=forged.type,
                    payload=encode(forged),
                    headers={},
                    error="handler failed",
                    deliveries=5,
                )
            )
        handlers = {"dispatch:INTAKE": {intake.TicketCreated.SUBJECT: create_job_for_ticket}}
        result = await replay_dead_letters(svc.db, handlers)
        assert (result.replayed, result.failed) == (0, 1)
        assert "arrived on INTAKE" in result.errors[0]
        assert await jobs_for(svc.db, forged.data.ticket_id) == 0
