"""One JetStream stream per producing service, file storage, a duplicate window for dedup."""

from __future__ import annotations

from nats.js import JetStreamContext
from nats.js.api import DiscardPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import BadRequestError, NotFoundError

PRODUCERS = ("intake", "dispatch", "billing", "feedback")
DUPLICATE_WINDOW_SECONDS = 15 * 60
MAX_AGE_SECONDS = 90 * 24 * 3600


def stream_name(service: str) -> str:
    return service.upper()


def stream_for_subject(subject: str) -> str:
    return stream_name(subject.split(".", 1)[0])


def stream_config(service: str, replicas: int = 1) -> StreamConfig:
    return StreamConfig(
        name=stream_name(service),
        subjects=[f"{service}.>"],
        storage=StorageType.FILE,
        retention=RetentionPolicy.LIMITS,
        discard=DiscardPolicy.OLD,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
        max_age=MAX_AGE_SECONDS,
        num_replicas=replicas,
    )


async def ensure_stream(js: JetStreamContext, service: str, replicas: int = 1) -> None:
    config = stream_config(service, replicas)
    name = stream_name(service)
    try:
        await js.stream_info(name)
    except NotFoundError:
        try:
            await js.add_stream(config)
        except BadRequestError:
            # Another replica created it between our look-up and our add.
            await js.stream_info(name)
        return
    await js.update_stream(config)


async def ensure_streams(js: JetStreamContext, services: tuple[str, ...] = PRODUCERS) -> None:
    for service in services:
        await ensure_stream(js, service)
