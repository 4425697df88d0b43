"""A NATS connection that is allowed to be absent.

Services start and serve HTTP while the broker is down; the outbox keeps events until the link
comes up. The link connects in the background and reconnects forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from typing import Any

import nats
from nats.aio.client import Client
from nats.js import JetStreamContext

from aftersales.logging import get_logger
from aftersales.messaging.identity import without_userinfo

log = get_logger(__name__)


class BrokerUnavailable(Exception):
    pass


class NatsLink:
    def __init__(
        self,
        url: str,
        name: str,
        *,
        nkey_seed_file: str | None = None,
        creds_file: str | None = None,
        inbox_prefix: str | None = None,
        tls_ca_file: str | None = None,
    ) -> None:
        # A service that has an identity of its own uses only that one.
        self.url = without_userinfo(url) if (nkey_seed_file or creds_file) else url
        self.name = name
        self._identity: dict[str, Any] = {}
        if nkey_seed_file:
            self._identity["nkeys_seed"] = nkey_seed_file
        if creds_file:
            self._identity["user_credentials"] = creds_file
        if inbox_prefix:
            self._identity["inbox_prefix"] = inbox_prefix
        if tls_ca_file:
            self._identity["tls"] = ssl.create_default_context(cafile=tls_ca_file)
        self._nc: Client | None = None
        self._ready = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._js: JetStreamContext | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._connect(), name=f"nats-connect-{self.name}")

    async def _connect(self) -> None:
        async def on_error(exc: Exception) -> None:
            log.debug("nats.error", error=repr(exc))

        async def on_disconnect() -> None:
            log.warning("nats.disconnected")

        async def on_reconnect() -> None:
            log.info("nats.reconnected")

        self._nc = await nats.connect(
            servers=[u.strip() for u in self.url.split(",") if u.strip()],
            name=self.name,
            max_reconnect_attempts=-1,
            reconnect_time_wait=0.5,
            connect_timeout=2,
            ping_interval=5,
            max_outstanding_pings=2,
            error_cb=on_error,
            disconnected_cb=on_disconnect,
            reconnected_cb=on_reconnect,
            **self._identity,
        )
        self._ready.set()
        log.info("nats.connected", url=self.url)

    @property
    def connected(self) -> bool:
        return self._nc is not None and self._nc.is_connected

    async def wait_ready(self, timeout: float | None = None) -> None:
        async with asyncio.timeout(timeout):
            await self._ready.wait()

    def jetstream(self) -> JetStreamContext:
        if self._nc is None or not self._nc.is_connected:
            raise BrokerUnavailable("not connected to NATS")
        # One context for the client's life: its async-publish reply subscription is made once
        # and, like every subscription, survives reconnects.
        if self._js is None:
            self._js = self._nc.jetstream(timeout=5)
        return self._js

    @property
    def client(self) -> Client:
        if self._nc is None:
            raise BrokerUnavailable("not connected to NATS")
        return self._nc

    async def close(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._nc is not None:
            # close() flushes; against a dead broker that must not hold up shutdown.
            with contextlib.suppress(Exception):
                async with asyncio.timeout(5):
                    await self._nc.close()
