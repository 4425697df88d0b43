"""A service's database: its engine, its session factory, and the clock it is handed.

Every service owns one PostgreSQL schema and reaches it through one ``Database``: a pool of
connections that never grows past its size, and sessions over it. The unit of work
(``aftersales.unit_of_work``) is the only place that commits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import MetaData, event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from aftersales.clock import SYSTEM_CLOCK, Clock
from aftersales.one_statement import OneStatementSession
from aftersales.platform_tables import PlatformTables, platform_tables

if TYPE_CHECKING:
    from aftersales.unit_of_work import UnitOfWork

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
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.url = url
        # The time every unit of work of this database reads (``uow.now()``).
        self.clock = clock
        # Told when a unit of work committed events to the outbox: the service's relay, which
        # then publishes at once (it polls too, for rows another process wrote).
        self._outbox_listeners: list[Callable[[], None]] = []
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
        # Sessions whose statements each run alone, outside a transaction block: the reads of
        # a one-statement unit of work (aftersales.one_statement).
        self.one_statement_sessionmaker = async_sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False,
            autoflush=False,
            sync_session_class=OneStatementSession,
        )
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

    def on_outbox_commit(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each commit that wrote events to the outbox."""
        self._outbox_listeners.append(listener)

    def outbox_committed(self) -> None:
        for listener in self._outbox_listeners:
            listener()

    def uow(self, *, one_statement: bool = False) -> UnitOfWork:
        from aftersales.unit_of_work import UnitOfWork

        return UnitOfWork(self, one_statement=one_statement)

    async def dispose(self) -> None:
        for engine in self._side_engines:
            await engine.dispose()
        await self.engine.dispose()


# A deadlock or a serialization failure: the transaction lost a race with another, and the same
# work succeeds when done again in a new one.
LOST_A_RACE = frozenset({"40P01", "40001"})


def sqlstate_of(exc: BaseException) -> str | None:
    """The SQLSTATE of ``exc`` or of what caused it, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = getattr(current, "sqlstate", None) or getattr(
            getattr(current, "orig", None), "sqlstate", None
        )
        if code:
            return str(code)
        current = current.__cause__ or current.__context__
    return None


def lost_a_race(exc: BaseException) -> bool:
    """Whether ``exc`` is a deadlock or a serialization failure (retry the transaction)."""
    return sqlstate_of(exc) in LOST_A_RACE
