"""Database access per service schema: engine, session factory, and the unit of work.

The unit of work is the only place that commits. Use cases work on ``uow.session`` and stage
events with ``uow.publish(...)``; ``uow.commit()`` writes the staged events to the outbox in the
same transaction as the state change, so an event exists if and only if its change does.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any

from sqlalchemy import MetaData, event, exc, insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from aftersales import tracing
from aftersales.events import Envelope, EventData, encode
from aftersales.logging import request_id_var, traceparent_var
from aftersales.platform_tables import PlatformTables, platform_tables

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata(schema: str) -> MetaData:
    """A service's MetaData: its own schema, the house naming convention, the platform tables."""
    metadata = MetaData(schema=schema, naming_convention=NAMING_CONVENTION)
    platform_tables(metadata)
    return metadata


def async_url(url: str) -> URL:
    """Normalise any postgres URL to the asyncpg driver SQLAlchemy uses."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+asyncpg")


def libpq_dsn(url: str) -> str:
    """The plain ``postgresql://`` DSN asyncpg's own connect() (LISTEN) wants."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


# A connection idle in the pool longer than this is pinged before it is handed out.
IDLE_PING_SECONDS = 30.0


def watch_liveness(engine: AsyncEngine) -> None:
    """Hand out no dead connection, at no round trip in steady state.

    SQLAlchemy's ``pool_pre_ping`` costs three round trips on every checkout with asyncpg
    (BEGIN, an empty query, ROLLBACK): a quarter of a keyed create's statements. Instead, at
    checkout: a connection whose socket the server closed (a restart, ``pg_terminate_backend``)
    is known to asyncpg already and is replaced for free; one that sat idle past
    ``IDLE_PING_SECONDS`` (where a dropped network path shows no close) is pinged first. A
    server that dies in the instant between the two still fails one statement, which
    invalidates the pool, as it would without any check."""

    @event.listens_for(engine.sync_engine, "checkin")
    def _checked_in(dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        if dbapi_connection.driver_connection.is_closed():
            raise exc.DisconnectionError("the server closed this connection")
        idle_since = record.info.get("idle_since")
        if idle_since is not None and time.monotonic() - idle_since > IDLE_PING_SECONDS:
            try:
                dbapi_connection.ping()
            except Exception as error:
                raise exc.DisconnectionError(f"ping failed: {error}") from error


class Database:
    def __init__(
        self,
        url: str,
        metadata: MetaData,
        *,
        pool_size: int = 5,
        statement_timeout_ms: int = 30_000,
        lock_timeout_ms: int = 10_000,
        settings: Any = None,
    ) -> None:
        self.url = url
        # The owning service's settings, for event handlers whose rules are configurable.
        self.settings = settings
        self.metadata = metadata
        self.schema: str = metadata.schema or "public"
        self.platform: PlatformTables = platform_tables(metadata)
        self._connect_args = {
            # Room for every statement a service runs plus the savepoints of a consumer's group
            # (SQLAlchemy names them sa_savepoint_1..n): at asyncpg's default of 100 they pushed
            # the real statements out, and each was prepared again (a round trip) on every use.
            "prepared_statement_cache_size": 1024,
            # Nothing may wait forever: a stuck lock or query becomes an error that says so.
            "server_settings": {
                "statement_timeout": str(statement_timeout_ms),
                "lock_timeout": str(lock_timeout_ms),
                "idle_in_transaction_session_timeout": "120000",
                "application_name": f"aftersales-{metadata.schema}",
            },
        }
        # No overflow: a connection opened past the pool's size is closed again when returned,
        # so a burst opened and closed PostgreSQL backends in steady state (each a fork). Past
        # ``pool_size`` busy connections, work waits for one (``pool_timeout``) instead.
        self.engine: AsyncEngine = self._engine(pool_size, 0)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        self._side_engines: list[AsyncEngine] = []

    def _engine(self, pool_size: int, max_overflow: int) -> AsyncEngine:
        engine = create_async_engine(
            async_url(self.url),
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_recycle=1800,
            pool_timeout=30,
            connect_args=self._connect_args,
        )
        watch_liveness(engine)
        return engine

    def dedicated_sessionmaker(self) -> async_sessionmaker[AsyncSession]:
        """Sessions on a connection of their own, outside the shared pool: for a background loop
        (the outbox relay) that must not queue behind requests and handlers when the pool is
        busy."""
        engine = self._engine(1, 0)
        self._side_engines.append(engine)
        return async_sessionmaker(engine, expire_on_commit=False)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self)

    async def dispose(self) -> None:
        for engine in self._side_engines:
            await engine.dispose()
        await self.engine.dispose()


class UnitOfWork:
    """One transaction. Leaving the block without ``commit()`` rolls everything back."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._staged: list[Envelope[Any]] = []
        self._session: AsyncSession | None = None
        self._span: contextlib.AbstractContextManager[Any] | None = None
        self.committed = False

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside its 'async with' block")
        return self._session

    async def __aenter__(self) -> UnitOfWork:
        self._session = self.db.sessionmaker()
        if tracing.enabled():
            self._span = tracing.span(
                "db.transaction",
                kind=tracing.CLIENT,
                attributes={"db.system": "postgresql", "aftersales.service": self.db.schema},
            )
            self._span.__enter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            # Closing without commit ends the transaction too (the pool rolls the connection
            # back); an explicit rollback is kept for errors because it also expires the rows,
            # so that nothing half-done can be read from them afterwards.
            if exc_type is not None and not self.committed:
                await self._session.rollback()
        finally:
            await self._session.close()
            self._session = None
            self._staged.clear()
            if self._span is not None:
                span, self._span = self._span, None
                span.__exit__(exc_type, exc, tb)

    async def snapshot(self) -> None:
        """Read everything that follows from one snapshot (``REPEATABLE READ``): a report made of
        several queries then never mixes data from before and after a concurrent commit. Call
        it first, before any statement of the unit of work."""
        await self.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})

    def publish(
        self, data: EventData, *, aggregate_id: uuid.UUID, aggregate_version: int
    ) -> Envelope[Any]:
        """Stage an event; it is written to the outbox by ``commit()``."""
        envelope = Envelope.wrap(
            data,
            source=self.db.schema,
            aggregate_id=aggregate_id,
            aggregate_version=aggregate_version,
            traceparent=traceparent_var.get(),
        )
        self._staged.append(envelope)
        return envelope

    async def _write_staged(self) -> None:
        """The staged events into the outbox, with the request's (or the message's) ids."""
        if not self._staged:
            return
        headers: dict[str, str] = {}
        if (rid := request_id_var.get()) is not None:
            headers["X-Request-ID"] = rid
        if (tp := traceparent_var.get()) is not None:
            headers["traceparent"] = tp
        await self.session.execute(
            insert(self.db.platform.outbox),
            [
                {
                    "id": e.id,
                    "subject": e.type,
                    "payload": encode(e),
                    "headers": headers,
                    "aggregate_id": e.aggregate_id,
                }
                for e in self._staged
            ],
        )
        self._staged.clear()

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A part of the transaction that fails alone: leaving the block with an exception rolls
        back its statements and forgets the events it staged, and the transaction goes on. On
        success its events are written to the outbox at once, stamped with the ids current
        now (a consumer handles a batch of messages, each with its own, in one transaction)."""
        staged_before = len(self._staged)
        try:
            with tracing.span(
                "db.savepoint",
                kind=tracing.CLIENT,
                attributes={"db.system": "postgresql", "aftersales.service": self.db.schema},
            ):
                async with self.session.begin_nested():
                    yield
                    await self._write_staged()
        except BaseException:
            del self._staged[staged_before:]
            raise
        finally:
            # What the next part reads comes from the database, as in a transaction of its own,
            # never from rows this part loaded (everything it changed is flushed by now).
            self.session.expunge_all()

    async def commit(self) -> None:
        await self._write_staged()
        await self.session.commit()
        self.committed = True
