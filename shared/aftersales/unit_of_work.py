"""The unit of work: one transaction, the only place that commits.

Use cases work on ``uow.session`` and stage events with ``uow.publish(...)``; ``uow.commit()``
writes the staged events to the outbox in the same transaction as the state change, so an event
exists if and only if its change does. ``uow.now()`` is the time from the service's clock.

``db.uow(one_statement=True)`` is a create's hot path (:mod:`aftersales.one_statement`): its
reads run outside a transaction block, it may only add rows, and ``commit()`` writes them, their
events and the claim of their ``Idempotency-Key`` in one statement.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from aftersales import tracing
from aftersales.database import Database
from aftersales.events import Envelope, EventData
from aftersales.logging import traceparent_var
from aftersales.messaging.outbox import outbox_rows, write_outbox
from aftersales.one_statement import Claim, group_rows, statement, values_of


class UnitOfWork:
    """One transaction. Leaving the block without ``commit()`` rolls everything back."""

    def __init__(self, db: Database, *, one_statement: bool = False) -> None:
        self.db = db
        self.one_statement = one_statement
        self._claim: Claim | None = None
        # After a one-statement commit: whether it wrote (False: its claim found the key held).
        self.claimed = False
        self._staged: list[Envelope[Any]] = []
        self._session: AsyncSession | None = None
        self._span: contextlib.AbstractContextManager[Any] | None = None
        self._wrote_outbox = False
        self.committed = False

    def now(self) -> datetime:
        """The time, from the service's clock (a test may set it)."""
        return self.db.clock.now()

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside its 'async with' block")
        return self._session

    async def __aenter__(self) -> UnitOfWork:
        maker = self.db.one_statement_sessionmaker if self.one_statement else self.db.sessionmaker
        self._session = maker()
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
            time=self.now(),
        )
        self._staged.append(envelope)
        return envelope

    async def _write_staged(self) -> None:
        """The staged events into the outbox, with the request's (or the message's) ids."""
        if self._staged:
            await write_outbox(self.session, self.db.platform.outbox, self._staged)
            self._staged.clear()
            self._wrote_outbox = True

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A part of the transaction that fails alone: leaving the block with an exception rolls
        back its statements and forgets the events it staged, and the transaction goes on."""
        async with self.part(isolated=True):
            yield

    @contextlib.asynccontextmanager
    async def part(self, *, isolated: bool = False) -> AsyncIterator[None]:
        """A part of the transaction with its own ids: on success its events are written to the
        outbox at once, stamped with the request's (or the message's) ids current now, and what
        follows reads from the database, never from rows this part loaded (a consumer handles
        a batch of messages, each with its own ids, in one transaction). ``isolated`` makes it a
        savepoint, which a failure rolls back alone; otherwise a failure leaves the whole
        transaction to be rolled back, for two statements less (SAVEPOINT, RELEASE)."""
        staged_before = len(self._staged)
        name = "db.savepoint" if isolated else "db.part"
        try:
            with tracing.span(
                name,
                kind=tracing.CLIENT,
                attributes={"db.system": "postgresql", "aftersales.service": self.db.schema},
            ):
                if isolated:
                    async with self.session.begin_nested():
                        yield
                        await self._write_staged()
                else:
                    yield
                    # What the part changed, before its rows are forgotten (a savepoint's end
                    # flushes them on its own).
                    await self.session.flush()
                    await self._write_staged()
        except BaseException:
            del self._staged[staged_before:]
            raise
        finally:
            # Everything this part changed is flushed by now.
            self.session.expunge_all()

    def claim(self, claim: Claim) -> None:
        """Write only if ``claim`` is won (one-statement units of work)."""
        if not self.one_statement:
            raise RuntimeError("only a one-statement unit of work commits under a claim")
        self._claim = claim

    async def commit(self) -> None:
        if self.one_statement:
            await self._commit_one_statement()
            return
        await self._write_staged()
        await self.session.commit()
        self.committed = True
        if self._wrote_outbox:
            self.db.outbox_committed()  # the service's relay publishes them now

    async def _commit_one_statement(self) -> None:
        session = self.session
        rows = [values_of(entity) for entity in session.new]
        session.expunge_all()
        rows += [(self.db.platform.outbox, row) for row in outbox_rows(self._staged)]
        sql, args = statement(self._claim, group_rows(rows))
        connection = await (await session.connection()).get_raw_connection()
        self.claimed = bool(await connection.driver_connection.fetchval(sql, *args))  # type: ignore[union-attr]
        self.committed = True
        if self.claimed and self._staged:
            self.db.outbox_committed()
        self._staged.clear()
